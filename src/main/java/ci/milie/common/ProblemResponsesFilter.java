package ci.milie.common;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the errors every operation can answer, all as problem+json, so that the contract
 * shows them without each resource repeating the same annotations: 400 where there is input,
 * 401 where a token is accepted (an invalid one is refused, never taken for anonymous), 403 where one
 * is required, 429 where an access key is accepted (wrong keys are counted), 404 where the path names
 * a resource, 500 and 503 everywhere; a 429 gets its {@code Retry-After} header.
 * <p>
 * Declares the second security scheme, {@code accessKey} (the {@code bearer} one comes from
 * configuration). Operations list their alternatives with {@code @SecurityRequirementsSet}: a
 * citizen's token or the request's key, or none at all where a token or key only adds to the
 * answer ({@code {}}); role-restricted ones get {@code bearer} from their {@code @RolesAllowed};
 * public operations state an empty security requirement explicitly.
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(io.quarkus.smallrye.openapi.OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "Invalid input (VALIDATION_FAILED with violations, MALFORMED_JSON, …)",
            "401", "Missing, expired or invalid access token (UNAUTHENTICATED), or its session has ended (TOKEN_REVOKED); "
                    + "a token sent to an operation that also works without one is checked all the same",
            "403", "The caller's role does not allow this operation (FORBIDDEN)",
            "404", "No such resource, or not visible to the caller (NOT_FOUND)",
            "409", "Conflict with the current state (see code)",
            "429", "RATE_LIMITED: too many wrong access keys from this address or for this request (past the limit even the "
                    + "right key waits); try again after Retry-After seconds",
            "500", "Unexpected error (INTERNAL_ERROR); quote the X-Request-Id",
            "503", "The database is unreachable, or this instance is stopping (SERVICE_UNAVAILABLE); try again after "
                    + "Retry-After seconds");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(ApiSecurity.ACCESS_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiSecurity.ACCESS_KEY_HEADER)
                .description("The access key of one request, shown once on its submission receipt: lets a citizen "
                        + "without an account (or not signed in) read and act on that request only"));
        openAPI.getComponents().addSecurityScheme(ApiSecurity.AGGREGATOR_NAME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiSecurity.AGGREGATOR_NAME_HEADER)
                .description("An SMS/USSD aggregator's name, as configured (milie.channels.aggregators.<name>), "
                        + "sent with its secret on its callbacks"));
        openAPI.getComponents().addSecurityScheme(ApiSecurity.AGGREGATOR_SECRET, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiSecurity.AGGREGATOR_SECRET_HEADER)
                .description("That aggregator's shared secret; its calls are refused from outside its "
                        + "allowed-addresses, when it has some"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(path, item, entry.getValue());
            }
        });
    }

    private void document(String path, PathItem item, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<SecurityRequirement> security = operation.getSecurity();
        boolean tokenAccepted = security != null && security.stream().anyMatch(r -> r.hasScheme(ApiSecurity.BEARER));
        boolean tokenRequired = security != null && !security.isEmpty()
                && security.stream().allMatch(r -> r.hasScheme(ApiSecurity.BEARER));
        boolean keyAccepted = security != null && security.stream().anyMatch(r -> r.hasScheme(ApiSecurity.ACCESS_KEY));
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());
        if (security == null) {
            operation.setSecurity(List.of());
        }
        if (tokenAccepted) {
            ensure(responses, "401");
        }
        if (tokenRequired) {
            ensure(responses, "403");
        }
        if (hasInput) {
            ensure(responses, "400");
        }
        if (path.contains("{")) {
            ensure(responses, "404");
        }
        if (keyAccepted) {
            // Wrong keys are counted per request and per client (request.KeyAttempts).
            ensure(responses, "429");
        }
        ensure(responses, "500");
        ensure(responses, "503");
        boolean ownErrors = operation.getExtensions() != null && operation.getExtensions().containsKey(ApiContract.OWN_ERRORS);
        if (responses.getExtensions() != null && responses.getExtensions().containsKey(ApiContract.OWN_ERRORS)) {
            // A method's @Extension lands on its responses too, where a response code is expected
            // (generators read every key there as one): it belongs to the operation only.
            responses.removeExtension(ApiContract.OWN_ERRORS);
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (ownErrors && status.startsWith("4") && response.getContent() != null) {
                return;
            }
            if (status.startsWith("4") || status.startsWith("5")) {
                asProblem(status, response);
            }
            if (status.equals("429")) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before trying again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
            }
        });
    }

    private static void ensure(APIResponses responses, String status) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse());
        }
    }

    private static void asProblem(String status, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()
                || response.getDescription().equals("Not Authorized") || response.getDescription().equals("Not Allowed")
                || response.getDescription().equals("Bad Request")) {
            response.setDescription(DESCRIPTIONS.getOrDefault(status, "Error"));
        }
        Content content = OASFactory.createContent();
        Schema schema = OASFactory.createSchema().ref("#/components/schemas/Problem");
        MediaType media = OASFactory.createMediaType().schema(schema);
        content.addMediaType(ProblemDetail.MEDIA_TYPE, media);
        response.setContent(content);
    }
}
