package ci.milie.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One opaque refresh token, known to us only by its hash. */
@Entity
@Table(name = "refresh_token")
class RefreshToken {

    enum SubjectKind {
        STAFF, CITIZEN
    }

    @Id
    private UUID id;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "family_id")
    private UUID familyId;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    private SubjectKind subjectKind;
    @Column(name = "subject_id")
    private UUID subjectId;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, UUID familyId, SubjectKind kind, UUID subjectId, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.tokenHash = tokenHash;
        this.familyId = familyId;
        this.subjectKind = kind;
        this.subjectId = subjectId;
        this.issuedAt = now;
        this.expiresAt = expiresAt;
    }

    /** Usable once: not used, not revoked, not expired. */
    boolean isUsableAt(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    /** Presented after it was rotated or revoked: someone replays it. */
    boolean isReplay() {
        return usedAt != null || revokedAt != null;
    }

    void markUsed(Instant now) {
        usedAt = now;
    }

    UUID familyId() {
        return familyId;
    }

    SubjectKind subjectKind() {
        return subjectKind;
    }

    UUID subjectId() {
        return subjectId;
    }
}
