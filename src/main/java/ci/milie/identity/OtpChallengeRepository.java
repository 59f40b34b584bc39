package ci.milie.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class OtpChallengeRepository implements PanacheRepositoryBase<OtpChallenge, UUID> {

    /** The newest code not yet used for this destination, locked so attempts are counted exactly. */
    Optional<OtpChallenge> findOpenForUpdate(String destination) {
        return find("destination = ?1 and consumedAt is null order by createdAt desc", destination)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    void supersedeOpen(String destination, Instant now) {
        update("consumedAt = ?1 where destination = ?2 and consumedAt is null", now, destination);
    }
}
