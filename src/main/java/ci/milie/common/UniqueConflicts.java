package ci.milie.common;

/**
 * What a unique constraint of a feature means to a client. A check-then-insert lets two concurrent
 * calls both pass the check; the database refuses the second (PostgreSQL 23505), and
 * {@link ProblemMappers} answers it with the same 409 the check gives a sequential call. Each
 * feature with such constraints provides one bean; a constraint nobody claims is a generic 409
 * CONFLICT, never a 500.
 */
public interface UniqueConflicts {

    /** The refusal for this constraint (lower case, as PostgreSQL names it), or null when it is not ours. */
    ProblemException conflict(String constraint);
}
