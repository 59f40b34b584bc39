package ci.milie.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Languages;
import ci.milie.common.Messages;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/auth")
@PermitAll
@IgnoresBearerToken
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

    /** Examples of the contract: tokens are shortened, their shape is what matters. */
    static final String TOKENS_EXAMPLE = """
            {"accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl",
             "refreshToken": "Yp1f7CjQm2v0n4Xr8aLk3sTq9wZb6eHd", "tokenType": "Bearer",
             "expiresIn": 900, "refreshExpiresIn": 2592000}""";

    private final AuthService auth;
    private final OtpService otp;
    private final SecurityIdentity identity;

    AuthResource(AuthService auth, OtpService otp, SecurityIdentity identity) {
        this.auth = auth;
        this.otp = otp;
        this.identity = identity;
    }

    @POST
    @Path("/login")
    @Operation(summary = "Staff sign-in with e-mail and password",
            description = "For OSEP, administrations' agents, operators, supervisors and system administrators. "
                    + "Returns an access token (15 minutes by default) and a single-use refresh token (30 days). "
                    + "Citizens sign in with a one-time code instead (sendSignInCode, signInWithCode).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuthCommands.Login.class), examples = @ExampleObject(name = "staff",
                    value = "{\"email\": \"agent@sante.gouv.ci\", \"password\": \"Correct-Horse-2026\"}")))
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Tokens.class), examples = @ExampleObject(name = "tokens", value = TOKENS_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS: same answer for an unknown e-mail, a wrong password and an inactive account")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many attempts from this address, or, after repeated "
            + "failures for this e-mail (known or not), during the short wait before the next attempt (the password is not checked)")
    public Tokens signIn(@Valid @NotNull AuthCommands.Login command) {
        return auth.login(command.email(), command.password());
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Trade a refresh token for new tokens (the old one stops working)",
            description = "For staff and citizens alike. Each refresh token works once: keep the new one. Presenting "
                    + "one already used ends the whole sign-in, as it may have been stolen.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuthCommands.Refresh.class), examples = @ExampleObject(name = "refresh",
                    value = "{\"refreshToken\": \"Yp1f7CjQm2v0n4Xr8aLk3sTq9wZb6eHd\"}")))
    @APIResponse(responseCode = "200", description = "New tokens", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Tokens.class), examples = @ExampleObject(name = "tokens", value = TOKENS_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "INVALID_REFRESH_TOKEN; a reused token also revokes every token of its sign-in")
    public Tokens refreshTokens(@Valid @NotNull AuthCommands.Refresh command) {
        return auth.refresh(command.refreshToken());
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End a sign-in",
            description = "Ends the sign-in the refresh token belongs to, and the one of the access token sent as "
                    + "`Authorization: Bearer …` (the body may then be left out); their access tokens stop working at "
                    + "once. Never fails on a token: signing out twice is harmless.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuthCommands.Refresh.class), examples = @ExampleObject(name = "refresh",
                    value = "{\"refreshToken\": \"Yp1f7CjQm2v0n4Xr8aLk3sTq9wZb6eHd\"}")))
    @APIResponse(responseCode = "204", description = "Signed out (also for an unknown, expired or already ended token)")
    public void signOut(@Valid AuthCommands.Refresh command) {
        if (command != null) {
            auth.logout(command.refreshToken());
        }
        sessionOfCaller().ifPresent(auth::endSession);
    }

    /** The session of the access token sent, if it is a live one of ours; logout asks no more. */
    private java.util.Optional<java.util.UUID> sessionOfCaller() {
        try {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.ofNullable(RevocationAugmentor.facts(token).session());
        } catch (AuthenticationFailedException e) {
            return java.util.Optional.empty();
        }
    }

    @POST
    @Path("/otp")
    @Operation(summary = "Citizen: send a one-time sign-in code to an e-mail or phone",
            description = "A 6-digit code, valid 10 minutes, sent by e-mail or SMS to exactly one of email and phone "
                    + "(Ivorian numbers, +225…). The answer is the same whether or not an account exists: the "
                    + "account is created when the code is first used (signInWithCode). The message is in `language` "
                    + "(fr or en) when given; otherwise in the account's preferred language if the contact has an "
                    + "account, else in the language of Accept-Language, else in French.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuthCommands.OtpRequest.class), examples = {
                    @ExampleObject(name = "email", value = "{\"email\": \"awa@example.ci\"}"),
                    @ExampleObject(name = "phone", value = "{\"phone\": \"+2250701020304\"}"),
                    @ExampleObject(name = "in English", value = "{\"phone\": \"+2250701020304\", \"language\": \"en\"}") }))
    @APIResponse(responseCode = "202", description = "Accepted, whether or not the address is known",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthCommands.OtpSent.class),
                    examples = @ExampleObject(name = "sent", value = "{\"expiresIn\": 600, "
                            + "\"message\": \"If this address can receive messages, a code is on its way\"}")))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many codes asked from this address or for this "
            + "destination, whether or not it has an account")
    public Response sendSignInCode(@Valid @NotNull AuthCommands.OtpRequest command, @Context HttpHeaders headers) {
        String asked = Languages.preferred(headers);
        var ttl = otp.request(OtpDestination.of(command.email(), command.phone()), command.language(), asked);
        // the answer's language never depends on the account, which it must not reveal
        String language = command.language() != null ? command.language() : asked;
        return Response.accepted(new AuthCommands.OtpSent(ttl.toSeconds(), Messages.TEXTS.text(language, "otp.sent")))
                .header(HttpHeaders.CONTENT_LANGUAGE, language).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    @POST
    @Path("/otp/verify")
    @Operation(summary = "Citizen: sign in with the one-time code (creates the account the first time)",
            description = "Send the e-mail or phone the code went to, and the code. A code works once; after a few "
                    + "wrong codes it stops working (OTP_ATTEMPTS_EXCEEDED) and a new one must be asked for.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuthCommands.OtpVerify.class), examples = {
                    @ExampleObject(name = "email", value = "{\"email\": \"awa@example.ci\", \"code\": \"123456\"}"),
                    @ExampleObject(name = "phone", value = "{\"phone\": \"+2250701020304\", \"code\": \"123456\"}") }))
    @APIResponse(responseCode = "200", description = "Signed in as citizen", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Tokens.class), examples = @ExampleObject(name = "tokens", value = TOKENS_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "OTP_INVALID (wrong code, or none sent to this address), OTP_EXPIRED "
            + "or OTP_ATTEMPTS_EXCEEDED")
    public Tokens signInWithCode(@Valid @NotNull AuthCommands.OtpVerify command) {
        return otp.verify(OtpDestination.of(command.email(), command.phone()), command.code());
    }
}
