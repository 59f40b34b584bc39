package ci.milie.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ci.milie.common.ProblemException;

/**
 * A public body requests are routed to: a ministry, one of its directorates, an agency, a public
 * company. Administrations form a tree (a directorate under its ministry) and are never deleted,
 * only deactivated, because requests keep referring to them.
 */
@Entity
@Table(name = "administration")
public class Administration {

    /** Guards the ancestor walk against a tree corrupted outside the application. */
    private static final int MAX_DEPTH = 64;

    @Id
    private UUID id;

    @Column(name = "code", nullable = false, length = 32)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** Null: the English name is the French one (most bodies have no official English name). */
    @Column(name = "name_en", length = 200)
    private String nameEn;

    @Column(name = "acronym", length = 32)
    private String acronym;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private AdministrationKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Administration parent;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(name = "answer_review_required", nullable = false)
    private boolean answerReviewRequired;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Administration() {
        // for Hibernate
    }

    public Administration(UUID id, String code, String name, String nameEn, String acronym, AdministrationKind kind,
            String contactEmail, boolean answerReviewRequired, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.code = Objects.requireNonNull(code);
        this.name = Texts.required(name);
        this.nameEn = Texts.optional(nameEn);
        this.acronym = Texts.optional(acronym);
        this.kind = Objects.requireNonNull(kind);
        this.contactEmail = Texts.optional(contactEmail);
        this.answerReviewRequired = answerReviewRequired;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String newCode, String newName, String newNameEn, String newAcronym, Instant now) {
        String name = Texts.required(newName);
        String nameEn = Texts.optional(newNameEn);
        String acronym = Texts.optional(newAcronym);
        if (!code.equals(newCode) || !this.name.equals(name) || !Objects.equals(this.nameEn, nameEn)
                || !Objects.equals(this.acronym, acronym)) {
            this.code = newCode;
            this.name = name;
            this.nameEn = nameEn;
            this.acronym = acronym;
            updatedAt = now;
        }
    }

    public void reclassify(AdministrationKind newKind, Instant now) {
        if (kind != Objects.requireNonNull(newKind)) {
            kind = newKind;
            updatedAt = now;
        }
    }

    /**
     * Places this administration under another one, or at the top with {@code null}. Refuses
     * itself and any of its own descendants, which would close a cycle.
     */
    public void moveUnder(Administration newParent, Instant now) {
        if (Objects.equals(idOf(parent), idOf(newParent))) {
            return;
        }
        int depth = 0;
        for (Administration ancestor = newParent; ancestor != null; ancestor = ancestor.parent()) {
            if (ancestor.id().equals(id) || ++depth > MAX_DEPTH) {
                throw ProblemException.invalid("parentId",
                        "field.administrationCycle");
            }
        }
        parent = newParent;
        updatedAt = now;
    }

    public void changeContact(String newContactEmail, Instant now) {
        String email = Texts.optional(newContactEmail);
        if (!Objects.equals(contactEmail, email)) {
            contactEmail = email;
            updatedAt = now;
        }
    }

    /** Whether OSEP reviews this administration's answers before they reach the citizen. */
    public void requireAnswerReview(boolean required, Instant now) {
        if (answerReviewRequired != required) {
            answerReviewRequired = required;
            updatedAt = now;
        }
    }

    public void deactivate(Instant now) {
        if (active) {
            active = false;
            updatedAt = now;
        }
    }

    public void reactivate(Instant now) {
        if (!active) {
            active = true;
            updatedAt = now;
        }
    }

    private static UUID idOf(Administration administration) {
        return administration == null ? null : administration.id();
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** The English name, or the French one when none was given. */
    public String nameEn() {
        return nameEn == null ? name : nameEn;
    }

    public String acronym() {
        return acronym;
    }

    public AdministrationKind kind() {
        return kind;
    }

    public Administration parent() {
        return parent;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public boolean answerReviewRequired() {
        return answerReviewRequired;
    }

    public boolean isActive() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
