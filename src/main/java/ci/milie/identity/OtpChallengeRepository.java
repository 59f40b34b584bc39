package ci.milie.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class OtpChallengeRepository implements PanacheRepositoryBase<OtpChallenge, UUID> {

    /** The newest code of this purpose not yet used for this destination, locked so attempts are counted exactly. */
    Optional<OtpChallenge> findOpenForUpdate(String destination, OtpChallenge.Purpose purpose) {
        return find("destination = ?1 and purpose = ?2 and consumedAt is null order by createdAt desc", destination, purpose)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    void supersedeOpen(String destination, OtpChallenge.Purpose purpose, Instant now) {
        update("consumedAt = ?1 where destination = ?2 and purpose = ?3 and consumedAt is null", now, destination, purpose);
    }

    /** Forgets every code sent to a destination (its erasure). */
    long deleteFor(String destination) {
        return delete("destination", destination);
    }
}
