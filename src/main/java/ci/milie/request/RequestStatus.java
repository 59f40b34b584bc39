package ci.milie.request;

/** Where a request stands in its lifecycle; {@link Lifecycle} says which action leads from one to another. */
public enum RequestStatus {
    RECEIVED, ROUTED, IN_PROGRESS, AWAITING_CITIZEN, UNDER_REVIEW, ANSWERED, CLOSED, REJECTED;

    public boolean isTerminal() {
        return this == CLOSED || this == REJECTED;
    }
}
