package ci.milie.identity;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.ProblemException;
import ci.milie.common.UniqueConflicts;

/** Two concurrent claims of the same staff e-mail or citizen phone: the loser gets the sequential 409. */
@ApplicationScoped
class IdentityUniqueConflicts implements UniqueConflicts {

    @Override
    public ProblemException conflict(String constraint) {
        return switch (constraint) {
            case "staff_account_email_unique" -> StaffService.duplicateEmail();
            case "citizen_phone_unique" -> MeService.phoneInUse();
            default -> null;
        };
    }
}
