package ci.milie.identity;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Me", description = "The signed-in user's own profile")
public record MeView(
        UUID id,
        @Schema(description = "STAFF or CITIZEN", examples = "STAFF") String kind,
        String email,
        String phone,
        String fullName,
        @Schema(examples = "[\"agent\"]") List<String> roles,
        UUID administrationId,
        @Schema(examples = "fr") String preferredLanguage) {
}
