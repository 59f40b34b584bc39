package ci.milie.directory;

import java.util.UUID;

/** What other packages need to know about an administration: to route to it, to attach staff to it. */
public record AdministrationSummary(UUID id, String code, String name, AdministrationKind kind,
        boolean answerReviewRequired, boolean active, String contactEmail) {

    static AdministrationSummary of(Administration a) {
        return new AdministrationSummary(a.id(), a.code(), a.name(), a.kind(), a.answerReviewRequired(),
                a.isActive(), a.contactEmail());
    }
}
