package ci.milie.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/auth")
@PermitAll
@IgnoresBearerToken
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

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
    @Operation(summary = "Staff sign-in with e-mail and password")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = Tokens.class)))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS: same answer for an unknown e-mail, a wrong password and an inactive account")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many attempts from this address, or, after repeated "
            + "failures for this e-mail (known or not), during the short wait before the next attempt (the password is not checked)")
    public Tokens signIn(@Valid @NotNull AuthCommands.Login command) {
        return auth.login(command.email(), command.password());
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Trade a refresh token for new tokens (the old one stops working)")
    @APIResponse(responseCode = "200", description = "New tokens", content = @Content(schema = @Schema(implementation = Tokens.class)))
    @APIResponse(responseCode = "401", description = "INVALID_REFRESH_TOKEN; a reused token also revokes every token of its sign-in")
    public Tokens refreshTokens(@Valid @NotNull AuthCommands.Refresh command) {
        return auth.refresh(command.refreshToken());
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End a sign-in: the one the refresh token belongs to, and the one of the access token sent as "
            + "`Authorization: Bearer …` (the body may then be left out); their access tokens stop working at once")
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
    @Operation(summary = "Citizen: send a one-time sign-in code to an e-mail or phone")
    @APIResponse(responseCode = "202", description = "Accepted, whether or not the address is known",
            content = @Content(schema = @Schema(implementation = AuthCommands.OtpSent.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many codes asked from this address or for this "
            + "destination, whether or not it has an account")
    public Response sendSignInCode(@Valid @NotNull AuthCommands.OtpRequest command) {
        var ttl = otp.request(OtpDestination.of(command.email(), command.phone()));
        return Response.accepted(new AuthCommands.OtpSent(ttl.toSeconds(),
                "If this address can receive messages, a code is on its way")).build();
    }

    @POST
    @Path("/otp/verify")
    @Operation(summary = "Citizen: sign in with the one-time code (creates the account the first time)")
    @APIResponse(responseCode = "200", description = "Signed in as citizen", content = @Content(schema = @Schema(implementation = Tokens.class)))
    @APIResponse(responseCode = "401", description = "OTP_INVALID, OTP_EXPIRED or OTP_ATTEMPTS_EXCEEDED")
    public Tokens signInWithCode(@Valid @NotNull AuthCommands.OtpVerify command) {
        return otp.verify(OtpDestination.of(command.email(), command.phone()), command.code());
    }
}
