package ci.milie.request;

/** The stages of a request that have a deadline. */
public enum Stage {
    TRIAGE, ACKNOWLEDGEMENT, ANSWER
}
