package ci.milie.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ci.milie.directory.RequestType;

/**
 * The deadlines of one request type, either its default ({@code categoryId} null, one per type,
 * never deleted) or a refinement for one category. Type and category never change: a policy for
 * another pair is another policy.
 */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false, length = 20)
    private RequestType requestType;

    @Column(name = "category_id")
    private UUID categoryId;

    @Column(name = "triage_amount", nullable = false)
    private int triageAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "triage_unit", nullable = false, length = 13)
    private AllowanceUnit triageUnit;

    @Column(name = "acknowledgement_amount", nullable = false)
    private int acknowledgementAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "acknowledgement_unit", nullable = false, length = 13)
    private AllowanceUnit acknowledgementUnit;

    @Column(name = "answer_amount", nullable = false)
    private int answerAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "answer_unit", nullable = false, length = 13)
    private AllowanceUnit answerUnit;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SlaPolicy() {
        // for Hibernate
    }

    SlaPolicy(UUID id, RequestType requestType, UUID categoryId, Allowances allowances, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.requestType = Objects.requireNonNull(requestType);
        this.categoryId = categoryId;
        set(allowances);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** New allowances for requests entering a stage from now on; deadlines already set stay. */
    void change(Allowances allowances, Instant now) {
        if (!allowances().equals(allowances)) {
            set(allowances);
            updatedAt = now;
        }
    }

    private void set(Allowances allowances) {
        triageAmount = allowances.triage().amount();
        triageUnit = Objects.requireNonNull(allowances.triage().unit());
        acknowledgementAmount = allowances.acknowledgement().amount();
        acknowledgementUnit = Objects.requireNonNull(allowances.acknowledgement().unit());
        answerAmount = allowances.answer().amount();
        answerUnit = Objects.requireNonNull(allowances.answer().unit());
    }

    Allowances allowances() {
        return new Allowances(new Allowance(triageAmount, triageUnit),
                new Allowance(acknowledgementAmount, acknowledgementUnit), new Allowance(answerAmount, answerUnit));
    }

    /** The default of its request type, applying to every category without a policy of its own. */
    public boolean isTypeDefault() {
        return categoryId == null;
    }

    public UUID id() {
        return id;
    }

    public RequestType requestType() {
        return requestType;
    }

    public UUID categoryId() {
        return categoryId;
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
