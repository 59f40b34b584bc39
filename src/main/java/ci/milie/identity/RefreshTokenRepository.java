package ci.milie.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    /** Locked, so two concurrent refreshes with one token cannot both succeed. */
    Optional<RefreshToken> findByHashForUpdate(String hash) {
        return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    Optional<RefreshToken> findByHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    boolean isFamilyRevoked(UUID familyId) {
        return count("familyId = ?1 and revokedAt is not null", familyId) > 0;
    }

    void revokeFamily(UUID familyId, Instant now) {
        update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    void revokeAllOf(RefreshToken.SubjectKind kind, UUID subjectId, Instant now) {
        update("revokedAt = ?1 where subjectKind = ?2 and subjectId = ?3 and revokedAt is null", now, kind, subjectId);
    }

    List<UUID> familiesOf(RefreshToken.SubjectKind kind, UUID subjectId) {
        return getEntityManager().createQuery(
                "select distinct t.familyId from RefreshToken t where t.subjectKind = ?1 and t.subjectId = ?2", UUID.class)
                .setParameter(1, kind).setParameter(2, subjectId).getResultList();
    }
}
