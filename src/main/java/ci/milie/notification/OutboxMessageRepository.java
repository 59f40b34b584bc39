package ci.milie.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class OutboxMessageRepository implements PanacheRepositoryBase<OutboxMessage, UUID> {

    /**
     * The oldest message due at {@code now}, locked until the transaction ends: PENDING ones whose
     * next attempt has come, and SENDING ones whose send was interrupted (past its deadline). Rows
     * another relay holds are skipped, not waited for: two instances never claim the same message.
     */
    Optional<OutboxMessage> claimNextDue(Instant now) {
        // The id, then the entity (its row locked by now): a native query given a result class
        // would add an entry to Hibernate's query cache at every call (see ArchitectureTest).
        @SuppressWarnings("unchecked")
        List<UUID> due = getEntityManager().createNativeQuery("""
                select id from outbox_message
                where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
                order by next_attempt_at
                limit 1
                for update skip locked""")
                .setParameter("now", now)
                .getResultList();
        return due.stream().findFirst().map(id -> getEntityManager().find(OutboxMessage.class, id));
    }

    /** The SMS whose last send the gateway named {@code providerMessageId}, locked: two receipts for it are recorded one after the other. */
    Optional<OutboxMessage> bySmsProviderId(String providerMessageId) {
        return find("providerMessageId = ?1 and channel = ?2", providerMessageId, OutboxMessage.Channel.SMS)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** When the longest-waiting due message became due, if any: how late the relay is (SENDING ones included, as the claim takes them). */
    Optional<Instant> oldestDueSince(Instant now) {
        return find("status in ?1 and nextAttemptAt <= ?2 order by nextAttemptAt",
                List.of(OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING), now)
                .firstResultOptional().map(OutboxMessage::nextAttemptAt);
    }

    long countPending() {
        return count("status in ?1", List.of(OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING));
    }
}
