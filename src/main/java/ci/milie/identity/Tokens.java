package ci.milie.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a successful sign-in or refresh returns. */
@Schema(name = "Tokens")
public record Tokens(
        @Schema(description = "RS256 JWT to send as `Authorization: Bearer …`") String accessToken,
        @Schema(description = "Opaque, single-use token for POST /auth/refresh") String refreshToken,
        @Schema(examples = "Bearer") String tokenType,
        @Schema(description = "Seconds until the access token expires", examples = "900") long expiresIn,
        @Schema(description = "Seconds until the refresh token expires", examples = "2592000") long refreshExpiresIn) {
}
