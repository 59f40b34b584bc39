package ci.milie.integration;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateWebhookCommand", description = "A new subscription of the calling integration client")
public record CreateWebhookCommand(
        @Schema(description = "Where to POST the events: https, to a host on the public internet", maxLength = 2000,
                examples = "https://gestion.sante.gouv.ci/milie/events")
        @NotBlank @Size(max = 2000) String url,
        @Schema(description = "The event types to receive: the request events of the catalogue (docs/EVENTS.md) and "
                + "REQUEST_ERASED", minItems = 1, examples = "[\"ROUTED\", \"ANSWER_DELIVERED\"]")
        @NotEmpty @Size(max = 40) List<@NotNull String> eventTypes,
        @Schema(description = "Whether events are sent; default true", nullable = true)
        Boolean active) {
}
