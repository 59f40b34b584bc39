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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.common.Locations;
import ci.milie.common.Roles;

@Path("/requests/{id}/answers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Answers")
public class AnswerResource {

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
    @Operation(summary = "Agent: submit the answer (to OSEP review, or straight to the citizen for trusted administrations)")
    @APIResponse(responseCode = "201", description = "The answer", content = @Content(schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION (the request must be IN_PROGRESS) or CONCURRENT_MODIFICATION")
    public Response submitAnswer(@PathParam("id") UUID id, @Valid @NotNull AnswerCommands.Submit command,
            @Parameter(description = "Version of the request last read") @HeaderParam("If-Match") String ifMatch,
            UriInfo uri) {
        AnswerView answer = answers.submit(id, command, caller, ifMatch);
        return Response.created(Locations.child(uri, answer.id())).entity(answer).build();
    }

    @GET
    @Path("/{answerId}")
    @PermitAll
    @Operation(summary = "One answer: any of them for staff who may see the request; a delivered one for its citizen (token or X-Access-Key)")
    @APIResponse(responseCode = "200", description = "The answer; requestStatus is the request's current status",
            content = @Content(schema = @Schema(implementation = AnswerView.class)))
    public AnswerView getAnswer(@PathParam("id") UUID id, @PathParam("answerId") UUID answerId,
            @Parameter(description = "The request's access key, for a citizen without a token")
            @HeaderParam("X-Access-Key") String accessKey) {
        return reads.get(id, answerId, caller, accessKey);
    }

    @POST
    @Path("/{answerId}/review")
    @RolesAllowed(Roles.OSEP)
    @Operation(summary = "OSEP: approve the answer (it reaches the citizen) or return it with remarks")
    @APIResponse(responseCode = "200", description = "The reviewed answer", content = @Content(schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = "409", description = "ANSWER_NOT_UNDER_REVIEW, INVALID_TRANSITION or CONCURRENT_MODIFICATION")
    public AnswerView reviewAnswer(@PathParam("id") UUID id, @PathParam("answerId") UUID answerId,
            @Valid @NotNull AnswerCommands.Review command,
            @Parameter(description = "Version of the request last read") @HeaderParam("If-Match") String ifMatch) {
        return answers.review(id, answerId, command, caller, ifMatch);
    }
}
