package ci.milie.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The retry schedule with the production settings: 30 s doubling up to 1 h, 8 attempts. */
class OutboxBackoffTest {

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(30), 2, Duration.ofHours(1));
    private final Instant now = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCap() {
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(1));
        assertEquals(Duration.ofMinutes(1), policy.delayAfter(2));
        assertEquals(Duration.ofMinutes(2), policy.delayAfter(3));
        assertEquals(Duration.ofMinutes(4), policy.delayAfter(4));
        assertEquals(Duration.ofMinutes(32), policy.delayAfter(7));
        assertEquals(Duration.ofHours(1), policy.delayAfter(8));
        assertEquals(Duration.ofHours(1), policy.delayAfter(60));
    }

    @Test
    void theNextAttemptIsNowPlusTheWait() {
        assertEquals(now.plusSeconds(30), policy.nextAttempt(1, now).orElseThrow());
        assertEquals(now.plus(Duration.ofMinutes(32)), policy.nextAttempt(7, now).orElseThrow());
    }

    @Test
    void theLastAllowedAttemptHasNoNext() {
        assertTrue(policy.nextAttempt(8, now).isEmpty());
        assertTrue(policy.nextAttempt(9, now).isEmpty());
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofSeconds(30), 2, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(8, Duration.ofSeconds(30), 0.5, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(8, Duration.ofHours(2), 2, Duration.ofHours(1)));
    }
}
