package ci.milie.channel;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

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
import ci.milie.common.ProblemException;

/** The text messages citizens send to the short code: each is a command, answered by SMS through the outbox. */
@Path("/channels/sms/inbound")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@AggregatorCallback
@Tag(name = "Channels")
public class SmsInboundResource {

    private static final String FORM_EXAMPLE = """
            {"from": "+2250701020304", "to": "1234", "text": "SUIVI MIL-7KQ2-9XD3", "date": "2026-11-30 10:42:07",
             "id": "ATXid_7d1e0c9b2a", "linkId": "SampleLinkId123", "networkCode": "61203"}""";

    /** What the message was read as. */
    @Schema(name = "SmsInboundHandled", description = "What the received message was read as, and whether it was new")
    public record Handled(
            @Schema(description = "The command read from the first word: STATUS (SUIVI), RATE (NOTE), COMPLAINT "
                    + "(RECLAMATION), STOP (or ARRET), START; HELP for anything else", required = true)
            SmsCommands.Command command,
            @Schema(description = "True when a message with this id was received before: nothing was done again",
                    required = true, examples = "false")
            boolean repeated) {
    }

    private final SmsCommands commands;
    private final PhoneIdentity identity;

    SmsInboundResource(SmsCommands commands, PhoneIdentity identity) {
        this.commands = commands;
        this.identity = identity;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @SecurityRequirementsSet({ @SecurityRequirement(name = ApiSecurity.AGGREGATOR_NAME),
            @SecurityRequirement(name = ApiSecurity.AGGREGATOR_SECRET) })
    @Operation(summary = "SMS aggregator: a text message sent to the short code",
            description = "The aggregator posts each message citizens send to the short code. Its first word is a "
                    + "command, in French or English, in any case, with or without accents: SUIVI or STATUS and a "
                    + "tracking code (the reply gives its status and deadline), NOTE or RATE, a score from 1 to 5 and "
                    + "a code (rates the answer to the sender's own request), RECLAMATION or COMPLAINT and a text "
                    + "(files a complaint for OSEP to qualify; its receipt is the reply), STOP or ARRET and START (no "
                    + "more SMS from Miliê, or again); anything else is answered with the help. `from`, the operator's "
                    + "MSISDN, is the sender's identity. Every reply leaves by SMS through the outbox (none to a "
                    + "number that sent STOP but the confirmation). A message posted again with the same id does "
                    + "nothing more (`repeated`). 429 past the number's limit of messages "
                    + "(milie.limits.channel.per-phone), with no reply. Authenticated as every aggregator callback: "
                    + "401 without the aggregator's name and secret, 403 from outside its addresses.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = SmsInbound.class),
                    examples = @ExampleObject(name = "status", value = FORM_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SmsInbound.class),
                    examples = @ExampleObject(name = "rating", value = """
                            {"from": "+2250701020304", "to": "1234", "text": "NOTE 4 MIL-7KQ2-9XD3",
                             "date": "2026-11-30 10:42:07", "id": "ATXid_7d1e0c9b2b"}""")) })
    @APIResponse(responseCode = "200", description = "Read, and its reply queued (or, for a repeat, nothing done)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Handled.class),
                    examples = @ExampleObject(name = "status", value = "{\"command\": \"STATUS\", \"repeated\": false}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no id, no sender or one that is no phone "
            + "number, or a field too long")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: this number sent too many messages; no reply")
    public Handled receiveSms(@Valid @NotNull SmsInbound message, @Context ContainerRequestContext request) {
        String phone = PhoneIdentity.normalise(message.from())
                .orElseThrow(() -> ProblemException.invalid("from", "field.phone"));
        identity.count(phone);
        String aggregator = (String) request.getProperty(AggregatorAuthentication.AGGREGATOR);
        SmsCommands.Handled handled = commands.receive(new SmsCommands.Received(aggregator, message.id().strip(), phone,
                message.text()));
        return new Handled(handled.command(), handled.repeated());
    }
}
