package ci.milie.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;

/**
 * Forgets what has served its purpose and still names someone: one-time codes past their expiry
 * (they hold the e-mail or phone they went to), refresh tokens a day past theirs (no token of their
 * session can still be live), and the log of messages sent or given up after
 * {@code milie.purge.messages-kept} (its recipient is an e-mail or phone; the body is already gone).
 * Each delete is idempotent, so several instances running it at once is harmless.
 */
@ApplicationScoped
public class ServedDataPurge {

    /** Well past the last access token a refresh token's session could hold (15 minutes). */
    static final Duration REFRESH_TOKEN_MARGIN = Duration.ofDays(1);

    /** What one sweep deleted. */
    public record Swept(int codes, int refreshTokens, int messages) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final Duration messagesKept;

    ServedDataPurge(EntityManager em, Clock clock,
            @ConfigProperty(name = "milie.purge.messages-kept") Duration messagesKept) {
        this.em = em;
        this.clock = clock;
        this.messagesKept = messagesKept;
    }

    @Scheduled(identity = "served-data-purge", every = "${milie.purge.interval}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void regularly() {
        sweep();
    }

    @Transactional
    public Swept sweep() {
        Instant now = clock.instant();
        int codes = em.createNativeQuery("delete from otp_challenge where expires_at < ?1")
                .setParameter(1, utc(now)).executeUpdate();
        int tokens = em.createNativeQuery("delete from refresh_token where expires_at < ?1")
                .setParameter(1, utc(now.minus(REFRESH_TOKEN_MARGIN))).executeUpdate();
        int messages = em.createNativeQuery("""
                delete from outbox_message
                where status in ('SENT', 'FAILED') and coalesce(sent_at, next_attempt_at, created_at) < ?1""")
                .setParameter(1, utc(now.minus(messagesKept))).executeUpdate();
        return new Swept(codes, tokens, messages);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
