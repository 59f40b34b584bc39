package ci.milie.identity;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.ProblemException;
import ci.milie.common.UniqueConflicts;

/** Two concurrent creations of the same staff e-mail: the loser gets the sequential 409. */
@ApplicationScoped
class IdentityUniqueConflicts implements UniqueConflicts {

    @Override
    public ProblemException conflict(String constraint) {
        return constraint.equals("staff_account_email_unique") ? StaffService.duplicateEmail() : null;
    }
}
