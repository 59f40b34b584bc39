package ci.milie.integration;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "milie.integrations.webhooks")
public interface WebhookConfig {

    /** How often each instance's relay looks for due deliveries, e.g. "5s"; "off" stops it on that instance. */
    String interval();

    /** Deliveries one run of the relay attempts at most. */
    @WithDefault("50")
    int batchSize();

    /**
     * Targets exempt from the address guard: CIDR blocks ("127.0.0.1/32") or host names. Empty in
     * production; they also allow plain http. Tests allow the local receiver.
     */
    Optional<List<String>> allowedTargets();

    /** Failed attempts in a row (any delivery) after which the subscription is disabled and its contact told. */
    @WithDefault("50")
    int maxFailures();

    /** How long a delivery is retried after the event before it is given up. */
    @WithDefault("P3D")
    Duration maxAge();

    /** How long the previous signing secret still signs after a rotation. */
    @WithDefault("P1D")
    Duration secretOverlap();

    /** Connection and response time limits of one attempt. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    @WithDefault("PT10S")
    Duration responseTimeout();

    /** How long a delivery may stay SENDING before it is taken for interrupted and sent again. */
    @WithDefault("PT2M")
    Duration sendingTimeout();

    /** Wait before the next attempt: {@code initial × 2^(attempts − 1)}, at most {@code max}. */
    @WithDefault("PT30S")
    Duration backoffInitial();

    @WithDefault("PT1H")
    Duration backoffMax();
}
