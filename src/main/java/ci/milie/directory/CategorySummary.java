package ci.milie.directory;

import java.util.Set;
import java.util.UUID;

/** What other packages need to know about a category: to accept a request in it, and where it goes. */
public record CategorySummary(UUID id, String code, String labelFr, String labelEn, UUID parentId,
        Set<RequestType> applicableTypes, UUID defaultAdministrationId, boolean active) {

    public CategorySummary {
        applicableTypes = Set.copyOf(applicableTypes);
    }

    public boolean accepts(RequestType type) {
        return applicableTypes.contains(type);
    }

    static CategorySummary of(Category c) {
        return new CategorySummary(c.id(), c.code(), c.labelFr(), c.labelEn(),
                c.parent() == null ? null : c.parent().id(), c.applicableTypes(),
                c.defaultAdministration() == null ? null : c.defaultAdministration().id(), c.isActive());
    }
}
