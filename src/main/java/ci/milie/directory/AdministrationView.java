package ci.milie.directory;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdministrationView", description = "An administration requests can be routed to")
public record AdministrationView(
        UUID id,
        @Schema(examples = "MSHPCMU") String code,
        String name,
        @Schema(description = "The name in English: the French name when none was given") String nameEn,
        @Schema(nullable = true) String acronym,
        AdministrationKind kind,
        @Schema(nullable = true) UUID parentId,
        @Schema(nullable = true) String parentCode,
        @Schema(nullable = true) String contactEmail,
        boolean answerReviewRequired,
        boolean active,
        @Schema(description = "Optimistic-locking version; send it back with PUT") long version,
        Instant createdAt,
        Instant updatedAt) {

    static AdministrationView of(Administration a) {
        Administration parent = a.parent();
        return new AdministrationView(a.id(), a.code(), a.name(), a.nameEn(), a.acronym(), a.kind(),
                parent == null ? null : parent.id(), parent == null ? null : parent.code(),
                a.contactEmail(), a.answerReviewRequired(), a.isActive(), a.version(), a.createdAt(), a.updatedAt());
    }
}
