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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.request.Views;

@Path("/requests/{id}")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback")
public class FeedbackResource {

    private final FeedbackService feedback;
    private final Caller caller;

    FeedbackResource(FeedbackService feedback, Caller caller) {
        this.feedback = feedback;
        this.caller = caller;
    }

    @POST
    @Path("/feedback")
    @Operation(summary = "Citizen (token or X-Access-Key): rate the latest answer, once; satisfied closes the request")
    @APIResponse(responseCode = "201", description = "Feedback recorded", content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "409", description = "NO_DELIVERED_ANSWER or FEEDBACK_ALREADY_GIVEN")
    public Response rateAnswer(@PathParam("id") UUID id, @Valid @NotNull FeedbackCommands.Rate command,
            @Parameter(description = "Access key, for citizens without an account") @HeaderParam("X-Access-Key") String accessKey) {
        return Response.status(201).entity(feedback.rate(id, command, caller, accessKey)).build();
    }

    @POST
    @Path("/reopen")
    @Operation(summary = "Citizen (token or X-Access-Key): dispute the answer within the window; back to the administration")
    @APIResponse(responseCode = "200", description = "The reopened request", content = @Content(schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION, REOPEN_WINDOW_CLOSED or REOPEN_LIMIT_REACHED")
    public Views.RequestView reopenRequest(@PathParam("id") UUID id, @Valid @NotNull FeedbackCommands.Reopen command,
            @Parameter(description = "Access key, for citizens without an account") @HeaderParam("X-Access-Key") String accessKey) {
        return feedback.reopen(id, command, caller, accessKey);
    }
}
