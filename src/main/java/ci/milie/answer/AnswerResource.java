package ci.milie.answer;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
import ci.milie.common.Locations;
import ci.milie.common.Roles;

@Path("/requests/{id}/answers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Answers", description = "Administrations' answers and OSEP's review of them")
public class AnswerResource {

    private static final String IF_MATCH_DOC = "Version of the request last read (its ETag); a different current version is "
            + "a 409 CONCURRENT_MODIFICATION. Optional";
    private static final String ANSWER_EXAMPLE = """
            {"id": "e4b7c2a1-9d3f-4e5a-8b6c-7d8e9f0a1b2c", "requestId": "9d2f4c1a-3b6e-4f7a-8c5d-1e2f3a4b5c6d",
             "status": "UNDER_REVIEW", "text": "Votre extrait de naissance est disponible au guichet 3 de la mairie de Yopougon.",
             "submittedAt": "2026-11-30T10:00:00Z", "deliveredAt": null, "remarks": null, "requestStatus": "UNDER_REVIEW"}""";

    private final AnswerService answers;
    private final AnswerReads reads;
    private final Caller caller;

    AnswerResource(AnswerService answers, AnswerReads reads, Caller caller) {
        this.answers = answers;
        this.reads = reads;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Agent: submit the answer (to OSEP review, or straight to the citizen for trusted administrations)",
            description = "An agent of the administration in charge answers an IN_PROGRESS request: it goes UNDER_REVIEW "
                    + "for OSEP, or, for an administration trusted to answer directly, is delivered at once (ANSWERED) and "
                    + "the citizen is told.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "answer", value = """
            {"text": "Votre extrait de naissance est disponible au guichet 3 de la mairie de Yopougon."}""")))
    @APIResponse(responseCode = "201", description = "The answer; Location: the answer",
            content = @Content(schema = @Schema(implementation = AnswerView.class), examples = @ExampleObject(name = "under review", value = ANSWER_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (the request must be IN_PROGRESS; currentStatus names its status) "
            + "or CONCURRENT_MODIFICATION (If-Match is not the current version)")
    public Response submitAnswer(@PathParam("id") @Parameter(description = "The request's id") UUID id,
            @Valid @NotNull AnswerCommands.Submit command,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch,
            UriInfo uri) {
        AnswerView answer = answers.submit(id, command, caller, ifMatch);
        return Response.created(Locations.child(uri, answer.id())).entity(answer).build();
    }

    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.ACCESS_KEY))
    @GET
    @Path("/{answerId}")
    @PermitAll
    @Operation(summary = "One answer: any of them for staff who may see the request; a delivered one for its citizen (token or X-Access-Key)",
            description = "Staff who may see the request read every answer, returned ones with OSEP's remarks; the citizen "
                    + "reads delivered answers only. 404 NOT_FOUND otherwise, as for an answer that does not exist.")
    @APIResponse(responseCode = "200", description = "The answer; requestStatus is the request's current status",
            content = @Content(schema = @Schema(implementation = AnswerView.class), examples = @ExampleObject(name = "under review", value = ANSWER_EXAMPLE)))
    public AnswerView getAnswer(@PathParam("id") @Parameter(description = "The request's id") UUID id,
            @PathParam("answerId") @Parameter(description = "The answer's id") UUID answerId,
            @Parameter(description = "The request's access key, for a citizen without a token; a wrong key answers 404 and is counted")
            @HeaderParam("X-Access-Key") String accessKey) {
        return reads.get(id, answerId, caller, accessKey);
    }

    @POST
    @Path("/{answerId}/review")
    @RolesAllowed(Roles.OSEP)
    @Operation(summary = "OSEP: approve the answer (it reaches the citizen) or return it with remarks",
            description = "On a request UNDER_REVIEW. APPROVE delivers the answer (the request is ANSWERED and the citizen "
                    + "told); RETURN sends it back to the administration (IN_PROGRESS) with remarks, which are required "
                    + "(400 VALIDATION_FAILED otherwise).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "approve", value = """
                    {"decision": "APPROVE"}"""),
            @ExampleObject(name = "return", value = """
                    {"decision": "RETURN", "remarks": "Précisez les horaires du guichet."}""") }))
    @APIResponse(responseCode = "200", description = "The reviewed answer", content = @Content(schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = "409", description = "ANSWER_NOT_UNDER_REVIEW (this answer was already approved or returned), "
            + "INVALID_TRANSITION (the request is not UNDER_REVIEW) or CONCURRENT_MODIFICATION (If-Match is not the current version)")
    public AnswerView reviewAnswer(@PathParam("id") @Parameter(description = "The request's id") UUID id,
            @PathParam("answerId") @Parameter(description = "The answer's id") UUID answerId,
            @Valid @NotNull AnswerCommands.Review command,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") String ifMatch) {
        return answers.review(id, answerId, command, caller, ifMatch);
    }
}
