package ci.milie.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import ci.milie.common.ReferenceData;
import ci.milie.common.Keyset;
import ci.milie.common.Page;
import ci.milie.common.ProblemException;

/**
 * Maintains the two-level catalogue. An active category always has an active theme (if any) and
 * an active default administration (if any): the checks here and the refusals to deactivate
 * something still in use keep it so.
 */
@ApplicationScoped
class CategoryService {

    private final CategoryRepository categories;
    private final AdministrationRepository administrations;
    private final Clock clock;
    private final ReferenceData reference;

    CategoryService(CategoryRepository categories, AdministrationRepository administrations, Clock clock, ReferenceData reference) {
        this.reference = reference;
        this.categories = categories;
        this.administrations = administrations;
        this.clock = clock;
    }

    @Transactional(TxType.SUPPORTS)
    Page<CategoryView> list(UUID parentId, String parentCode, RequestType type, boolean includeInactive,
            String cursor, int limit) {
        return Keyset.page(categories.page(parentId, parentCode, type, includeInactive, Keyset.after(cursor), limit),
                limit, Category::code, CategoryView::of);
    }

    @Transactional(TxType.SUPPORTS)
    CategoryView get(UUID id, boolean includeInactive) {
        return categories.findByIdOptional(id)
                .filter(c -> includeInactive || c.isActive())
                .map(CategoryView::of)
                .orElseThrow(CategoryService::notFound);
    }

    @Transactional
    CategoryView create(CreateCategoryCommand command) {
        reference.changed("category");
        if (categories.findByCode(command.code()).isPresent()) {
            throw duplicateCode(command.code());
        }
        Category theme = theme(command.parentCode(), true);
        Administration administration = administration(command.defaultAdministrationId(), true);
        Instant now = now();
        Category category = new Category(UUID.randomUUID(), command.code(), command.labelFr(), command.labelEn(),
                command.applicableTypes(), now);
        category.describe(command.descriptionFr(), command.descriptionEn(), now);
        category.placeUnder(theme, false, now);
        category.routeByDefaultTo(administration, now);
        categories.persist(category);
        flush(command.code());
        return CategoryView.of(category);
    }

    @Transactional
    CategoryView update(UUID id, UpdateCategoryCommand command) {
        reference.changed("category");
        Category category = categories.findForUpdate(id).orElseThrow(CategoryService::notFound);
        if (command.version() != null && command.version() != category.version()) {
            throw Conflicts.staleVersion();
        }
        if (!category.code().equals(command.code()) && categories.codeTakenByAnother(command.code(), category.id())) {
            throw duplicateCode(command.code());
        }
        // Every lookup before the first change: a query would auto-flush a half-made change and
        // bump the version twice.
        boolean willBeActive = command.active() == null ? category.isActive() : command.active();
        Category theme = theme(command.parentCode(), willBeActive);
        boolean hasSubCategories = categories.hasSubCategories(category.id());
        Administration administration = administration(command.defaultAdministrationId(), willBeActive);
        if (!willBeActive) {
            ensureNoActiveSubCategories(category);
        }
        Instant now = now();
        category.rename(command.code(), command.labelFr(), command.labelEn(), now);
        category.describe(command.descriptionFr(), command.descriptionEn(), now);
        category.applyTo(command.applicableTypes(), now);
        category.placeUnder(theme, hasSubCategories, now);
        category.routeByDefaultTo(administration, now);
        if (willBeActive) {
            category.reactivate(now);
        } else {
            category.deactivate(now);
        }
        flush(command.code());
        return CategoryView.of(category);
    }

    /** Deactivates; deactivating twice is harmless. */
    @Transactional
    void deactivate(UUID id) {
        reference.changed("category");
        Category category = categories.findForUpdate(id).orElseThrow(CategoryService::notFound);
        ensureNoActiveSubCategories(category);
        category.deactivate(now());
    }

    /**
     * An active sub-category keeps its theme in use. The theme's row lock (FOR UPDATE here, FOR
     * SHARE by a sub-category being attached) keeps a concurrent change from slipping between
     * check and change.
     */
    private void ensureNoActiveSubCategories(Category category) {
        if (!category.isActive()) {
            return;
        }
        long active = categories.countActiveSubCategories(category.id());
        if (active > 0) {
            throw ProblemException.conflict("CATEGORY_IN_USE", "CATEGORY_IN_USE.children", active);
        }
    }

    /**
     * The theme named by {@code parentCode}, share-locked so it cannot be deactivated meanwhile.
     * An active category needs an active theme.
     */
    private Category theme(String parentCode, boolean mustBeActive) {
        if (parentCode == null || parentCode.isBlank()) {
            return null;
        }
        Category theme = categories.findByCodeForShare(parentCode.strip())
                .orElseThrow(() -> ProblemException.invalid("parentCode", "field.unknownCategoryCode"));
        if (mustBeActive && !theme.isActive()) {
            throw ProblemException.invalid("parentCode", "field.inactiveCategory");
        }
        return theme;
    }

    /**
     * The default administration, share-locked so it cannot be deactivated meanwhile. An active
     * category needs an active default administration.
     */
    private Administration administration(UUID id, boolean mustBeActive) {
        if (id == null) {
            return null;
        }
        Administration administration = administrations.findForShare(id)
                .orElseThrow(() -> ProblemException.invalid("defaultAdministrationId", "field.unknownAdministration"));
        if (mustBeActive && !administration.isActive()) {
            throw ProblemException.invalid("defaultAdministrationId", "field.inactiveAdministration");
        }
        return administration;
    }

    private void flush(String code) {
        try {
            categories.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.violated(e, CategoryRepository.CODE_CONSTRAINT)) {
                throw duplicateCode(code);
            }
            throw e;
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("NOT_FOUND.category");
    }

    private static ProblemException duplicateCode(String code) {
        return Conflicts.duplicateCode("DUPLICATE_CODE.category", code);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
