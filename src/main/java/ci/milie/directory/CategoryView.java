package ci.milie.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CategoryView", description = "A category of the catalogue, with its theme and default administration")
public record CategoryView(
        UUID id,
        @Schema(examples = "ETAT-CIVIL") String code,
        @Schema(examples = "État civil") String labelFr,
        @Schema(examples = "Civil status") String labelEn,
        @Schema(nullable = true) String descriptionFr,
        @Schema(nullable = true) String descriptionEn,
        @Schema(nullable = true) UUID parentId,
        @Schema(description = "Code of the theme; absent for a theme", nullable = true) String parentCode,
        List<RequestType> applicableTypes,
        @Schema(nullable = true) UUID defaultAdministrationId,
        @Schema(nullable = true) AdministrationRef defaultAdministration,
        boolean active,
        @Schema(description = "Optimistic-locking version; send it back with PUT") long version,
        Instant createdAt,
        Instant updatedAt) {

    static CategoryView of(Category c) {
        Category parent = c.parent();
        Administration administration = c.defaultAdministration();
        return new CategoryView(c.id(), c.code(), c.labelFr(), c.labelEn(), c.descriptionFr(), c.descriptionEn(),
                parent == null ? null : parent.id(), parent == null ? null : parent.code(),
                List.copyOf(c.applicableTypes()),
                administration == null ? null : administration.id(), AdministrationRef.of(administration),
                c.isActive(), c.version(), c.createdAt(), c.updatedAt());
    }
}
