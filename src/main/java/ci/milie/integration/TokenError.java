package ci.milie.integration;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refusal of the token endpoint, in RFC 6749 §5.2's format (not problem+json: OAuth clients expect this). */
@Schema(name = "ClientTokenError")
public record TokenError(
        @JsonProperty("error") @Schema(enumeration = { "invalid_request", "invalid_client", "invalid_grant",
                "unauthorized_client", "unsupported_grant_type", "invalid_scope" }) String error,
        @JsonProperty("error_description") @Schema(description = "For the client's developer; in English") String errorDescription) {
}
