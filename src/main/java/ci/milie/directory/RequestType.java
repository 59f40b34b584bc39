package ci.milie.directory;

/** The three kinds of citizen request; a category says which of them it accepts. */
public enum RequestType {
    COMPLAINT,
    SUGGESTION,
    OBSERVATION
}
