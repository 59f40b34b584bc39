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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import ci.milie.common.ProblemException;

@Path("/requests")
@PermitAll
@Tag(name = "Requests", description = "Submitting a request, reading one, and every move on it (triage, routing, handling, messages, notes, closure)")
public class SubmissionResource {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{8,100}");

    private final SubmissionService submissions;
    private final Caller caller;

    SubmissionResource(SubmissionService submissions, Caller caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiSecurity.BEARER))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a complaint, suggestion or observation (anyone; operators for phone calls)",
            description = "Anyone may submit, without an account; a signed-in citizen's request is linked to their account "
                    + "(send the token), and a call-centre operator enters a phoned-in request with channel PHONE and the "
                    + "caller's phone. Other staff get 403 FORBIDDEN. A complaint needs an e-mail or a phone to answer to. "
                    + "Send an Idempotency-Key to retry safely on a flaky network: the same key and body within 24 hours "
                    + "returns the original response (Idempotent-Replayed: true), access key included. 400 VALIDATION_FAILED "
                    + "names the field: an inactive category, a type the category does not take, a missing contact.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "complaint", value = """
            {"type": "COMPLAINT", "categoryCode": "ETAT-CIVIL", "channel": "MOBILE",
             "subject": "Extrait de naissance introuvable",
             "description": "Demandé il y a 3 mois à la mairie de Yopougon, toujours rien.",
             "location": {"region": "Abidjan", "locality": "Yopougon"},
             "contact": {"fullName": "Awa Traoré", "phone": "+2250701020304", "preferredLanguage": "fr"},
             "anonymous": false}""")))
    @APIResponse(responseCode = "201", description = "Received; the access key is shown only here. Location: the request",
            headers = {
                    @Header(name = "Location", description = "The request, GET /api/v1/requests/{id}", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "Idempotent-Replayed", description = "true when this is the stored answer to an earlier submission with the same Idempotency-Key",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true")) },
            content = @Content(schema = @Schema(implementation = SubmissionReceipt.class), examples = @ExampleObject(name = "received", value = """
                    {"id": "9d2f4c1a-3b6e-4f7a-8c5d-1e2f3a4b5c6d", "trackingCode": "MIL-7KQ2-9XD3",
                     "accessKey": "q3Zr8vN1xW0pL5kT7yB2cA", "status": "RECEIVED", "type": "COMPLAINT",
                     "categoryCode": "ETAT-CIVIL", "channel": "MOBILE", "submittedAt": "2026-11-28T09:15:00Z",
                     "dueAt": "2026-12-01T09:15:00Z", "trackingUrl": "https://milie.ci/suivi/MIL-7KQ2-9XD3#cle=q3Zr8vN1xW0pL5kT7yB2cA"}""")))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: only citizens (with or without a token) and call-centre operators submit")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED: the key was used for another body")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many requests submitted without a staff token from "
            + "this address, or for this contact e-mail or phone (a replay of an Idempotency-Key is not counted)")
    public Response submitRequest(@Valid @NotNull SubmitRequestCommand command,
            @Parameter(description = "Client-chosen unique key (8-100 printable ASCII characters), e.g. a UUID, the same on "
                    + "every retry of one submission", example = "3f0e8b52-6c1d-4a97-b0f4-7d2e9a1c5b36")
            @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalid("Idempotency-Key", "field.idempotencyKey");
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
