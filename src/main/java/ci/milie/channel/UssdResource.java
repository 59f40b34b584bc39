package ci.milie.channel;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.ApiSecurity;
import ci.milie.common.ProblemException;

/** The USSD callback: the aggregator posts each step of a session and shows the text answered. */
@Path("/channels/ussd")
@PermitAll
@AggregatorCallback
@Tag(name = "Channels", description = "Feature phones: the callbacks of the operators' SMS/USSD aggregators")
public class UssdResource {


    private final UssdMenu menu;
    private final PhoneIdentity identity;

    UssdResource(UssdMenu menu, PhoneIdentity identity) {
        this.menu = menu;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    @SecurityRequirementsSet({ @SecurityRequirement(name = ApiSecurity.AGGREGATOR_NAME),
            @SecurityRequirement(name = ApiSecurity.AGGREGATOR_SECRET) })
    @Operation(summary = "Aggregator: answer one step of a USSD session",
            description = "Called by an operator's aggregator at each step of a USSD session, with the inputs so far "
                    + "joined by `*` in `text` (empty on the first step). Answered in text/plain: `CON ` and the screen "
                    + "to show while the session goes on, `END ` and the last screen when it is over; every answer fits "
                    + "160 characters. The menu is stateless (any instance answers any step) and in French, with English "
                    + "on 9. `phoneNumber`, the operator's MSISDN, is the caller's identity: a request filed by USSD "
                    + "belongs to the citizen account of that number (created on the first request, with the number as "
                    + "its proven phone) and its receipt leaves by SMS. Each number has a limit of calls "
                    + "(milie.limits.channel.per-phone): past it, the answer is an END screen saying so. A step "
                    + "repeated by the aggregator files its request once. See docs/CHANNELS.md for every screen.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = { "sessionId", "phoneNumber" }, properties = {
                    @SchemaProperty(name = "sessionId", type = SchemaType.STRING, maxLength = 100,
                            description = "The aggregator's id of the session", examples = "ATUid_5b1e0c0d9f"),
                    @SchemaProperty(name = "serviceCode", type = SchemaType.STRING, maxLength = 20,
                            description = "The short code dialled", examples = "*384*123#"),
                    @SchemaProperty(name = "phoneNumber", type = SchemaType.STRING, maxLength = 20,
                            description = "The caller's MSISDN, with or without +", examples = "+2250701020304"),
                    @SchemaProperty(name = "networkCode", type = SchemaType.STRING, maxLength = 10,
                            description = "The caller's network (MCC and MNC)", examples = "61203"),
                    @SchemaProperty(name = "text", type = SchemaType.STRING, maxLength = 2000,
                            description = "The inputs so far, joined by *; empty on the first step", examples = "1*2*3") }),
            examples = @ExampleObject(name = "third step", value = """
                    {"sessionId": "ATUid_5b1e0c0d9f", "serviceCode": "*384*123#", "phoneNumber": "+2250701020304",
                     "networkCode": "61203", "text": "1*1"}""")))
    @APIResponse(responseCode = "200", description = "The screen: `CON …` to go on, `END …` when the session is over",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, maxLength = 160),
                    examples = @ExampleObject(name = "type", value = "CON Type de demande\n1 Réclamation\n2 Suggestion\n"
                            + "3 Observation\n0 Retour")))
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no aggregator name and secret, or a wrong pair")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: no aggregator is configured (the channels are closed), "
            + "or the call comes from an address this aggregator may not call from")
    public String answerUssd(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        String sessionId = required(form, "sessionId", 100);
        String phone = PhoneIdentity.normalise(required(form, "phoneNumber", 20))
                .orElseThrow(() -> ProblemException.invalid("phoneNumber", "field.phone"));
        String text = form.getFirst("text");
        if (text != null && text.length() > 2000) {
            throw ProblemException.invalid("text", "field.atMostCharacters", 2000);
        }
        List<String> inputs = text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\\*", -1));
        try {
            identity.count(phone);
        } catch (ProblemException refused) {
            if (refused.status() == 429) {
                return menu.limited(inputs);
            }
            throw refused;
        }
        String aggregator = (String) request.getProperty(AggregatorAuthentication.AGGREGATOR);
        return menu.answer(new UssdMenu.Call(aggregator, sessionId, phone, inputs));
    }

    private static String required(MultivaluedMap<String, String> form, String field, int max) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "field.required");
        }
        if (value.length() > max) {
            throw ProblemException.invalid(field, "field.atMostCharacters", max);
        }
        return value.strip();
    }
}
