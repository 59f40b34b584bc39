package ci.milie.sla;

import java.util.Locale;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises, in a failed flush, the unique constraint a concurrent insert ran into. */
final class UniqueViolations {

    private UniqueViolations() {
    }

    static boolean of(Throwable failure, String constraint) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && violation.getConstraintName().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
