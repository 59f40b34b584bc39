package ci.milie.request;

/** PUBLIC events make the citizen's timeline; INTERNAL ones only the staff's audit trail. */
public enum Visibility {
    PUBLIC, INTERNAL
}
