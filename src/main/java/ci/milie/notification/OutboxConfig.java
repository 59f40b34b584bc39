package ci.milie.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "milie.outbox")
public interface OutboxConfig {

    /** How often each instance's relay looks for due messages, e.g. "5s"; "off" stops it on that instance. */
    String interval();

    /** Messages one run of the relay delivers at most; the rest wait for the next run. */
    int batchSize();

    /** Attempts after which a message is given up and marked FAILED. */
    int maxAttempts();

    /**
     * How long a message may stay SENDING before it is taken for interrupted (its instance died)
     * and sent once more: longer than the slowest send (mailer and SMS timeouts).
     */
    Duration sendingTimeout();

    Backoff backoff();

    /** Wait before the next attempt: {@code initial × multiplier^(failures − 1)}, at most {@code max}. */
    interface Backoff {
        Duration initial();

        double multiplier();

        Duration max();
    }
}
