package ci.milie.request;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.common.Caller;
import ci.milie.common.Secrets;
import ci.milie.identity.Revocations;
import io.quarkus.scheduler.Scheduled;

/**
 * Stream tickets: a browser's EventSource sends no header, so it opens a stream with a ticket in
 * the URL instead of the token or key. A ticket is short-lived ({@code milie.streams.ticket-ttl}),
 * single-use (redeeming deletes it), stored hashed, and carries what was decided when it was
 * issued, with the same rules as opening the stream directly: any instance may redeem it.
 */
@ApplicationScoped
public class StreamTickets {

    @Schema(name = "StreamTicket")
    public record Ticket(@Schema(description = "Send it as ?ticket= on the stream's URL, once, before expiresAt",
            examples = "Yp1f7CjQm2v0n4Xr8aLk3sTq9wZb6eHdUo5Gc1Ni") String ticket, Instant expiresAt) {
    }

    private final EntityManager em;
    private final LiveConfig config;
    private final Clock clock;

    StreamTickets(EntityManager em, LiveConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    Ticket issue(LiveStream.Opener opener) {
        Instant now = clock.instant();
        em.createNativeQuery("delete from stream_ticket where expires_at < ?1").setParameter(1, Timestamp.from(now))
                .executeUpdate();
        String ticket = Secrets.random(30);
        Instant expiresAt = now.plus(config.ticketTtl()).truncatedTo(ChronoUnit.SECONDS);
        Optional<Revocations.SessionOf> session = opener.session();
        RequestAccess.Sight sight = opener.trackingSight();
        em.createNativeQuery("""
                insert into stream_ticket (hash, stream, request_id, party, sees_contact, roles, subject, administration_id,
                    session_id, session_staff, security_version, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                .setParameter(1, Secrets.sha256(ticket)).setParameter(2, opener.kind().name())
                .setParameter(3, opener.requestId()).setParameter(4, sight == null ? null : sight.party().name())
                .setParameter(5, sight != null && sight.seesContact())
                .setParameter(6, String.join(",", opener.caller().roles()))
                .setParameter(7, opener.caller().id().orElse(null))
                .setParameter(8, opener.caller().administrationId().orElse(null))
                .setParameter(9, session.map(Revocations.SessionOf::session).orElse(null))
                .setParameter(10, session.map(Revocations.SessionOf::staff).orElse(null))
                .setParameter(11, session.map(Revocations.SessionOf::securityVersion).orElse(null))
                .setParameter(12, Timestamp.from(expiresAt))
                .executeUpdate();
        return new Ticket(ticket, expiresAt);
    }

    /** Expired tickets go even when no new one is issued. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        em.createNativeQuery("delete from stream_ticket where expires_at < ?1").setParameter(1, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** The stream a ticket opens, once; empty for an unknown, used or expired ticket, or one for another stream. */
    @Transactional
    Optional<LiveStream.Opener> redeem(String ticket, LiveStream.Kind kind, String language) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                delete from stream_ticket where hash = ?1
                returning stream, request_id, party, sees_contact, roles, subject, administration_id, session_id,
                    session_staff, security_version, expires_at""")
                .setParameter(1, Secrets.sha256(ticket)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        if (!kind.name().equals(row[0]) || !instant(row[10]).isAfter(clock.instant())) {
            return Optional.empty();
        }
        Set<String> roles = Arrays.stream(((String) row[4]).split(",")).filter(r -> !r.isBlank()).collect(Collectors.toSet());
        UUID subject = (UUID) row[5];
        Caller caller = Caller.of(roles, subject, (UUID) row[6]);
        Optional<Revocations.SessionOf> session = row[7] == null && row[9] == null && row[8] == null ? Optional.empty()
                : Optional.of(new Revocations.SessionOf(subject, Boolean.TRUE.equals(row[8]), (UUID) row[7],
                        row[9] == null ? null : ((Number) row[9]).longValue()));
        RequestAccess.Sight sight = row[2] == null ? null
                : new RequestAccess.Sight(Party.valueOf((String) row[2]), true, Boolean.TRUE.equals(row[3]));
        return Optional.of(new LiveStream.Opener(kind, caller, session, (UUID) row[1], sight, language));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
