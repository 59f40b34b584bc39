package ci.milie.integration;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateWebhookCommand", description = "A subscription's new URL, types and state, as a whole")
public record UpdateWebhookCommand(
        @Schema(description = "Where to POST the events: https, to a host on the public internet", maxLength = 2000,
                examples = "https://gestion.sante.gouv.ci/milie/events")
        @NotBlank @Size(max = 2000) String url,
        @Schema(description = "The event types to receive", minItems = 1, examples = "[\"ROUTED\"]")
        @NotEmpty @Size(max = 40) List<@NotNull String> eventTypes,
        @Schema(description = "false stops the deliveries (they wait); true resumes them, also after Miliê disabled it")
        @NotNull Boolean active) {
}
