package ci.milie.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import ci.milie.common.ReferenceData;

/**
 * The directory as other packages see it (staff management, request submission and routing):
 * read-only lookups returning summaries, never entities.
 */
@ApplicationScoped
public class DirectoryQueries {

    private final AdministrationRepository administrations;
    private final CategoryRepository categories;
    private final ReferenceData.Cache<UUID, Optional<AdministrationSummary>> activeAdministrations;
    private final ReferenceData.Cache<String, Optional<CategorySummary>> activeCategories;

    DirectoryQueries(AdministrationRepository administrations, CategoryRepository categories, ReferenceData reference) {
        this.administrations = administrations;
        this.categories = categories;
        // bounded: unknown ids and codes come from callers
        this.activeAdministrations = reference.cache(1_000, "administration");
        this.activeCategories = reference.cache(1_000, "category", "administration");
    }

    /** The administration with this id if it exists and is active: one staff or requests may be attached to. */
    @Transactional(TxType.SUPPORTS)
    public Optional<AdministrationSummary> activeAdministration(UUID id) {
        return id == null ? Optional.empty()
                : activeAdministrations.get(id, key -> administrations.findActive(key).map(AdministrationSummary::of));
    }

    /** The administration with this id, active or not: to name it in views of older records. */
    @Transactional(TxType.SUPPORTS)
    public Optional<AdministrationSummary> administration(UUID id) {
        return id == null ? Optional.empty() : administrations.findByIdOptional(id).map(AdministrationSummary::of);
    }

    /** The active category with this code: one a new request may be filed under. */
    @Transactional(TxType.SUPPORTS)
    public Optional<CategorySummary> activeCategory(String code) {
        return code == null ? Optional.empty()
                : activeCategories.get(code.strip(), key -> categories.findActiveByCode(key).map(CategorySummary::of));
    }

    /** The category with this id, active or not: to name it in views of older records. */
    @Transactional(TxType.SUPPORTS)
    public Optional<CategorySummary> category(UUID id) {
        return id == null ? Optional.empty() : categories.findByIdOptional(id).map(CategorySummary::of);
    }

    /** Every active category, themes included, by code: the catalogue offered to other systems (Open311's services). */
    @Transactional(TxType.SUPPORTS)
    public List<CategoryView> activeCatalogue() {
        return categories.page(null, null, null, false, null, CATALOGUE_MAX).stream().map(CategoryView::of).toList();
    }

    /** More categories than a catalogue will ever hold (a few hundred): a bound, not a page. */
    private static final int CATALOGUE_MAX = 10_000;
}
