package ci.milie.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.query.NativeQuery;

/**
 * The audit of privacy acts ({@code privacy_act}): every export, erasure and code sent for one, by
 * which door and, for OSEP, by whom and after which identity check. A row holds no personal data:
 * the account id (gone once the account is erased) and the ids of the requests concerned.
 */
@ApplicationScoped
public class PrivacyActs {

    @Schema(name = "PrivacyActKind")
    public enum Act {
        EXPORT, ERASURE, CODE_SENT, RETENTION
    }

    /** The door the act came through. */
    @Schema(name = "PrivacyActVia")
    public enum Via {
        /** The signed-in citizen, for their account. */
        ACCOUNT,
        /** The holder of one request's access key, for that request. */
        ACCESS_KEY,
        /** OSEP, for a citizen who asked by phone, after an identity check. */
        OSEP,
        /** The retention job. */
        RETENTION
    }

    /** How OSEP checked the identity of a citizen who called (docs/PRIVACY.md). */
    public static final String CODE_READ_BACK = "CODE_READ_BACK";

    private final EntityManager em;
    private final Clock clock;

    PrivacyActs(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records an act, in the transaction of the act itself: no act without its audit, nor the reverse. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Act act, Via via, UUID staffId, String identityCheck, UUID citizenId, Collection<UUID> requestIds) {
        // typed parameters: a null must reach PostgreSQL as a null uuid or text, not as bytea
        em.createNativeQuery("""
                insert into privacy_act (id, act, requested_via, staff_id, identity_check, citizen_id, request_ids, occurred_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, UUID.randomUUID(), UUID.class)
                .setParameter(2, act.name(), String.class)
                .setParameter(3, via.name(), String.class)
                .setParameter(4, staffId, UUID.class)
                .setParameter(5, identityCheck, String.class)
                .setParameter(6, citizenId, UUID.class)
                .setParameter(7, requestIds.toArray(UUID[]::new), UUID[].class)
                .setParameter(8, clock.instant(), Instant.class)
                .executeUpdate();
    }
}
