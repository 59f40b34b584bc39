package ci.milie.feedback;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.ApiSecurity;
import ci.milie.common.Caller;
import ci.milie.request.Views;

@Path("/requests/{id}")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "The citizen's rating of an answer, and disputes (reopening)")
public class FeedbackResource {

    private static final String ACCESS_KEY_DOC = "The request's access key, for a citizen without a token; a wrong key "
            + "answers 404 and is counted (429 past the limit)";
    private static final String FORBIDDEN = "FORBIDDEN: only the citizen who filed the request (token or access key) does this";

    private final FeedbackService feedback;
    private final Caller caller;

    FeedbackResource(FeedbackService feedback, Caller caller) {
        this.feedback = feedback;
        this.caller = caller;
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @POST
    @Path("/feedback")
    @Operation(summary = "Citizen (token or X-Access-Key): rate the latest answer, once; satisfied closes the request",
            description = "The citizen who filed the request (signed in, or with its access key) rates the latest delivered "
                    + "answer from 1 to 5, once per answer. satisfied: true closes an ANSWERED request; false leaves it open "
                    + "to a dispute (reopenRequest) within the window. Staff get 403 FORBIDDEN.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "satisfied", value = """
            {"rating": 4, "satisfied": true, "criteria": {"clarity": 5, "speed": 3, "courtesy": 4}, "comment": "Merci !"}""")))
    @APIResponse(responseCode = "201", description = "Feedback recorded",
            content = @Content(schema = @Schema(implementation = FeedbackView.class), examples = @ExampleObject(name = "recorded", value = """
                    {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "requestId": "9d2f4c1a-3b6e-4f7a-8c5d-1e2f3a4b5c6d",
                     "answerId": "e4b7c2a1-9d3f-4e5a-8b6c-7d8e9f0a1b2c", "rating": 4, "satisfied": true,
                     "criteria": {"clarity": 5, "speed": 3, "courtesy": 4}, "comment": "Merci !", "submittedAt": "2026-12-01T08:00:00Z"}""")))
    @APIResponse(responseCode = "403", description = FORBIDDEN)
    @APIResponse(responseCode = "409", description = "NO_DELIVERED_ANSWER (nothing to rate yet) or FEEDBACK_ALREADY_GIVEN (this answer was already rated)")
    public Response rateAnswer(@PathParam("id") @Parameter(description = "The request's id") UUID id,
            @Valid @NotNull FeedbackCommands.Rate command,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey) {
        return Response.status(201).entity(feedback.rate(id, command, caller, accessKey)).build();
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @POST
    @Path("/reopen")
    @Operation(summary = "Citizen (token or X-Access-Key): dispute the answer within the window; back to the administration",
            description = "The citizen who filed an ANSWERED request disputes the answer with a reason, within the window "
                    + "after delivery (reopenUntil in the request) and a limited number of times: the request goes back to "
                    + "the administration (ROUTED). Staff get 403 FORBIDDEN.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "dispute", value = """
            {"reason": "Le guichet 3 affirme ne pas avoir reçu le dossier."}""")))
    @APIResponse(responseCode = "200", description = "The reopened request", headers = @Header(name = "ETag", description = Views.MOVED_ETAG_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN)
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (the request is not ANSWERED; currentStatus names its status), "
            + "REOPEN_WINDOW_CLOSED (too late) or REOPEN_LIMIT_REACHED (disputed too many times already)")
    public Views.RequestView reopenRequest(@PathParam("id") @Parameter(description = "The request's id") UUID id,
            @Valid @NotNull FeedbackCommands.Reopen command,
            @Parameter(description = ACCESS_KEY_DOC) @HeaderParam("X-Access-Key") String accessKey) {
        return feedback.reopen(id, command, caller, accessKey);
    }
}
