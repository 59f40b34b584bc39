package ci.milie.integration;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.ApiContract;
import ci.milie.identity.IgnoresBearerToken;

/**
 * The token endpoint of integration clients. Its refusals follow RFC 6749 §5.2, not problem+json:
 * every OAuth client library reads them.
 */
@Path("/auth/token")
@PermitAll
@IgnoresBearerToken
@Tag(name = "Authentication")
public class TokenResource {

    private static final String NO_STORE = "no-store";
    private static final String INVALID_CLIENT_EXAMPLE = """
            {"error": "invalid_client", "error_description": "Client authentication failed"}""";

    private final ClientCredentials credentials;

    TokenResource(ClientCredentials credentials) {
        this.credentials = credentials;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Extension(name = ApiContract.OWN_ERRORS, value = "RFC 6749 §5.2")
    @Operation(summary = "Integration client: get an access token (OAuth 2.0 client credentials)",
            description = "RFC 6749 §4.4. The client authenticates with its id and secret, either as HTTP Basic "
                    + "(client_secret_basic: each form-url-encoded, then base64) or as client_id and client_secret in "
                    + "the body (client_secret_post), never both. `scope` (optional) narrows the token to some of the "
                    + "client's permissions: requests:read, requests:act, submit, stats:read. The token lasts 15 minutes "
                    + "by default, with no refresh token: ask again. Refusals are in RFC 6749 §5.2's JSON, not "
                    + "problem+json; a client with source addresses gets unauthorized_client from any other. What the "
                    + "platform refuses before the grant is read (an unknown query parameter, an Accept or Origin it "
                    + "does not serve, a body too large) is problem+json, as on every operation.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "grant_type", properties = {
                    @SchemaProperty(name = "grant_type", type = SchemaType.STRING, enumeration = "client_credentials",
                            description = "Always client_credentials"),
                    @SchemaProperty(name = "scope", type = SchemaType.STRING, examples = "requests:read requests:act",
                            description = "Space-separated; absent: every permission of the client"),
                    @SchemaProperty(name = "client_id", type = SchemaType.STRING, format = "uuid",
                            description = "client_secret_post only"),
                    @SchemaProperty(name = "client_secret", type = SchemaType.STRING, description = "client_secret_post only") }),
            examples = @ExampleObject(name = "client_secret_post", value = """
                    {"grant_type": "client_credentials", "scope": "requests:read",
                     "client_id": "5a7e3c21-9b4d-4f8e-a1c2-3d4e5f6a7b8c",
                     "client_secret": "mcs_q3XvYb1l0u9cE2mZ7kP4sR8tW6nA5dF0hJ3gL1oI2yU"}""")))
    @APIResponse(responseCode = "200", description = "The token; never cached (Cache-Control: no-store)",
            headers = { @Header(name = "Cache-Control", description = "no-store", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Pragma", description = "no-cache", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenGrant.class),
                    examples = @ExampleObject(name = "token", value = """
                            {"access_token": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl",
                             "token_type": "Bearer", "expires_in": 900, "scope": "requests:read"}""")))
    @APIResponse(responseCode = "400", description = "invalid_request (a parameter missing or repeated, two authentication "
            + "methods), invalid_client (no authentication, or a wrong one in the body), unsupported_grant_type, "
            + "invalid_scope (more than the client was granted), unauthorized_client (an address it may not call from)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenError.class),
                    examples = @ExampleObject(name = "scope", value = """
                            {"error": "invalid_scope", "error_description": "The scope asked for exceeds what this client was granted"}""")))
    @APIResponse(responseCode = "401", description = "invalid_client with HTTP Basic: unknown client, wrong or expired "
            + "secret, deactivated client (the same answer for each); WWW-Authenticate: Basic",
            headers = @Header(name = "WWW-Authenticate", description = "Basic realm=\"milie\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenError.class),
                    examples = @ExampleObject(name = "invalid_client", value = INVALID_CLIENT_EXAMPLE)))
    @APIResponse(responseCode = "429", description = "Too many token requests from this address (invalid_request); "
            + "try again after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenError.class),
                    examples = @ExampleObject(name = "too many", value = """
                            {"error": "invalid_request", "error_description": "Too many token requests from this address; try again later"}""")))
    public Response issueClientToken(
            @Parameter(description = "client_secret_basic: `Basic base64(client_id:client_secret)`", example = "Basic NWE3ZTNjMjE6bWNzX3EzWHY=")
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        try {
            TokenGrant grant = credentials.grant(authorization, form);
            return Response.ok(grant).header(HttpHeaders.CACHE_CONTROL, NO_STORE).header("Pragma", "no-cache").build();
        } catch (TokenRefused refused) {
            Response.ResponseBuilder answer = Response.status(refused.status())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new TokenError(refused.error(), refused.getMessage()))
                    .header(HttpHeaders.CACHE_CONTROL, NO_STORE).header("Pragma", "no-cache");
            if (refused.basic()) {
                answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"milie\"");
            }
            if (refused.retryAfter() != null) {
                answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, refused.retryAfter().toSeconds())));
            }
            return answer.build();
        }
    }
}
