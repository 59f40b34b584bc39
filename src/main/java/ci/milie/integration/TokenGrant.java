package ci.milie.integration;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A successful token response (RFC 6749 §5.1). */
@Schema(name = "ClientToken")
public record TokenGrant(
        @JsonProperty("access_token") @Schema(description = "RS256 JWT to send as `Authorization: Bearer …`") String accessToken,
        @JsonProperty("token_type") @Schema(examples = "Bearer") String tokenType,
        @JsonProperty("expires_in") @Schema(description = "Seconds until the token expires", examples = "900") long expiresIn,
        @JsonProperty("scope") @Schema(description = "The scopes granted, space-separated", examples = "requests:read requests:act") String scope) {
}
