package ci.milie.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When to try a message again after a failed attempt, with exponential backoff, and when to give up. */
record RetryPolicy(int maxAttempts, Duration initial, double multiplier, Duration max) {

    RetryPolicy {
        if (maxAttempts < 1 || initial.isNegative() || multiplier < 1 || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("milie.outbox: max-attempts >= 1, backoff.multiplier >= 1 and "
                    + "backoff.initial <= backoff.max are required");
        }
    }

    static RetryPolicy of(OutboxConfig config) {
        return new RetryPolicy(config.maxAttempts(), config.backoff().initial(), config.backoff().multiplier(),
                config.backoff().max());
    }

    /** The next attempt after {@code attempts} failed ones, or empty when that was the last allowed. */
    Optional<Instant> nextAttempt(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delayAfter(attempts)));
    }

    Duration delayAfter(int attempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
