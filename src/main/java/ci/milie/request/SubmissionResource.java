package ci.milie.request;

import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import ci.milie.common.ProblemException;

@Path("/requests")
@PermitAll
@Tag(name = "Requests")
public class SubmissionResource {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{8,100}");

    private final SubmissionService submissions;
    private final Caller caller;

    SubmissionResource(SubmissionService submissions, Caller caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a complaint, suggestion or observation (anyone; operators for phone calls)",
            description = "Signed-in citizens' requests are linked to their account. Send an Idempotency-Key to retry "
                    + "safely on a flaky network: the same key and body within 24 hours returns the original response.")
    @APIResponse(responseCode = "201", description = "Received; the access key is shown only here",
            content = @Content(schema = @Schema(implementation = SubmissionReceipt.class)))
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED: the key was used for another body")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many requests submitted without a staff token from "
            + "this address, or for this contact e-mail or phone (a replay of an Idempotency-Key is not counted)")
    public Response submitRequest(@Valid @NotNull SubmitRequestCommand command,
            @Parameter(description = "Client-chosen unique key (8-100 printable characters), e.g. a UUID")
            @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalid("Idempotency-Key", "must be 8 to 100 printable characters");
        }
        SubmissionService.Outcome outcome = submissions.submit(command, caller, idempotencyKey);
        Response.ResponseBuilder response = Response.created(Locations.child(uri, outcome.receipt().id()))
                .entity(outcome.receipt()).type(MediaType.APPLICATION_JSON);
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
