package ci.milie.channel;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.ApiSecurity;
import ci.milie.notification.SmsDeliveries;

/** The SMS aggregator's delivery reports: each updates the outbox message it names. */
@Path("/channels/sms/receipts")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@AggregatorCallback
@Tag(name = "Channels")
public class SmsReceiptsResource {

    private static final String FORM_EXAMPLE = """
            {"id": "ATXid_4f1c8e2b9d7a", "status": "Failed", "phoneNumber": "+2250701020304", "networkCode": "61201",
             "failureReason": "DeliveryFailure", "retryCount": 0}""";

    /** What the report did. */
    @Schema(name = "SmsReceiptRecorded", description = "What the delivery report did")
    public record Recorded(
            @Schema(description = "DELIVERED: recorded, the text erased. RETRY_SCHEDULED: not delivered, sent again "
                    + "later. GIVEN_UP: not delivered, and that was its last attempt. IGNORED: a status on the way, or "
                    + "a repeat of a report already recorded. UNKNOWN_MESSAGE: no SMS of the platform has this id",
                    required = true)
            SmsDeliveries.Outcome outcome) {
    }

    private final SmsDeliveries deliveries;

    SmsReceiptsResource(SmsDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @SecurityRequirementsSet({ @SecurityRequirement(name = ApiSecurity.AGGREGATOR_NAME),
            @SecurityRequirement(name = ApiSecurity.AGGREGATOR_SECRET) })
    @Operation(summary = "SMS aggregator: report the delivery of a text message",
            description = "The aggregator calls it for each SMS the platform sent, naming it by the id it gave it. "
                    + "Success (delivered) erases the text; Failed, Rejected or Expired sends it again after the "
                    + "outbox's backoff, until its last attempt, after which it is given up. 202 for every well-formed "
                    + "report, an unknown id included: an aggregator retries any other answer for hours, and a report "
                    + "for an id it has no message for would only come back (the outcome says so). 400 "
                    + "VALIDATION_FAILED without an id or a status. Authenticated as every aggregator callback: "
                    + "401 without the aggregator's name and secret, 403 from outside its addresses.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = SmsReceipt.class),
                    examples = @ExampleObject(name = "failed", value = FORM_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SmsReceipt.class),
                    examples = @ExampleObject(name = "delivered", value = """
                            {"id": "ATXid_4f1c8e2b9d7a", "status": "Success", "phoneNumber": "+2250701020304",
                             "networkCode": "61201"}""")) })
    @APIResponse(responseCode = "202", description = "Read; the outcome says what it did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Recorded.class),
                    examples = @ExampleObject(name = "retried", value = "{\"outcome\": \"RETRY_SCHEDULED\"}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no id or no status, or one too long")
    public Response recordSmsReceipt(@Valid @NotNull SmsReceipt receipt) {
        return Response.accepted(new Recorded(deliveries.record(receipt.id(), receipt.status(), receipt.failureReason())))
                .build();
    }
}
