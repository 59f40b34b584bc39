package ci.milie.integration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why Miliê disabled a webhook. */
@Schema(name = "WebhookDisabledReason")
public enum WebhookDisabledReason {
    /** The receiver answered 410 Gone. */
    GONE,
    /** milie.integrations.webhooks.max-failures attempts failed in a row. */
    FAILURES
}
