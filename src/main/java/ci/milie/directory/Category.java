package ci.milie.directory;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import ci.milie.common.ProblemException;

/**
 * A concern citizens raise ("État civil", "Eau potable"), in French and English. The catalogue
 * has two levels at most: themes, and categories under a theme. A category says which request
 * types it accepts and which administration its requests go to by default.
 */
@Entity
@Table(name = "category")
public class Category {

    @Id
    private UUID id;

    @Column(name = "code", nullable = false, length = 32)
    private String code;

    @Column(name = "label_fr", nullable = false, length = 200)
    private String labelFr;

    @Column(name = "label_en", nullable = false, length = 200)
    private String labelEn;

    @Column(name = "description_fr", length = 2000)
    private String descriptionFr;

    @Column(name = "description_en", length = 2000)
    private String descriptionEn;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Category parent;

    /**
     * A PostgreSQL {@code varchar(20)[]} of {@link RequestType} names in declaration order. Kept as
     * names rather than {@code RequestType[]}: in {@code array_contains(applicableTypes, :type)}
     * Hibernate binds an enum parameter by ordinal ({@code smallint[]}), which PostgreSQL refuses.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "applicable_types", nullable = false, columnDefinition = "varchar(20)[]")
    private String[] applicableTypes;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "default_administration_id")
    private Administration defaultAdministration;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Category() {
        // for Hibernate
    }

    public Category(UUID id, String code, String labelFr, String labelEn, Collection<RequestType> applicableTypes,
            Instant now) {
        this.id = Objects.requireNonNull(id);
        this.code = Objects.requireNonNull(code);
        this.labelFr = Texts.required(labelFr);
        this.labelEn = Texts.required(labelEn);
        this.applicableTypes = normalise(applicableTypes);
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String newCode, String newLabelFr, String newLabelEn, Instant now) {
        String fr = Texts.required(newLabelFr);
        String en = Texts.required(newLabelEn);
        if (!code.equals(newCode) || !labelFr.equals(fr) || !labelEn.equals(en)) {
            code = newCode;
            labelFr = fr;
            labelEn = en;
            updatedAt = now;
        }
    }

    public void describe(String newDescriptionFr, String newDescriptionEn, Instant now) {
        String fr = Texts.optional(newDescriptionFr);
        String en = Texts.optional(newDescriptionEn);
        if (!Objects.equals(descriptionFr, fr) || !Objects.equals(descriptionEn, en)) {
            descriptionFr = fr;
            descriptionEn = en;
            updatedAt = now;
        }
    }

    /**
     * Makes this category a sub-category of a theme, or a theme itself with {@code null}. The
     * catalogue has two levels: the theme must not be a sub-category, and a category that has
     * sub-categories cannot become one.
     */
    public void placeUnder(Category theme, boolean hasSubCategories, Instant now) {
        if (theme != null) {
            if (theme.id().equals(id)) {
                throw ProblemException.invalid("parentCode", "field.categoryItself");
            }
            if (theme.parent() != null) {
                throw ProblemException.invalid("parentCode",
                        "field.subCategoryParent");
            }
            if (hasSubCategories) {
                throw ProblemException.invalid("parentCode",
                        "field.hasSubCategories");
            }
        }
        if (!Objects.equals(parent == null ? null : parent.id(), theme == null ? null : theme.id())) {
            parent = theme;
            updatedAt = now;
        }
    }

    public void applyTo(Collection<RequestType> types, Instant now) {
        String[] normalised = normalise(types);
        if (!Arrays.equals(applicableTypes, normalised)) {
            applicableTypes = normalised;
            updatedAt = now;
        }
    }

    public void routeByDefaultTo(Administration administration, Instant now) {
        UUID current = defaultAdministration == null ? null : defaultAdministration.id();
        UUID next = administration == null ? null : administration.id();
        if (!Objects.equals(current, next)) {
            defaultAdministration = administration;
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

    public boolean accepts(RequestType type) {
        return applicableTypes().contains(type);
    }

    private static String[] normalise(Collection<RequestType> types) {
        if (types == null || types.isEmpty() || types.stream().anyMatch(Objects::isNull)) {
            throw ProblemException.invalid("applicableTypes", "field.atLeastOneType");
        }
        return EnumSet.copyOf(types).stream().map(RequestType::name).toArray(String[]::new);
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String labelFr() {
        return labelFr;
    }

    public String labelEn() {
        return labelEn;
    }

    public String descriptionFr() {
        return descriptionFr;
    }

    public String descriptionEn() {
        return descriptionEn;
    }

    public Category parent() {
        return parent;
    }

    public Set<RequestType> applicableTypes() {
        EnumSet<RequestType> types = EnumSet.noneOf(RequestType.class);
        Arrays.stream(applicableTypes).map(RequestType::valueOf).forEach(types::add);
        return types;
    }

    public Administration defaultAdministration() {
        return defaultAdministration;
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
