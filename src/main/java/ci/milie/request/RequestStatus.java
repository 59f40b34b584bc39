package ci.milie.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a request stands in its lifecycle; {@link Lifecycle} says which action leads from one to another. */
@Schema(name = "RequestStatus")
public enum RequestStatus {
    RECEIVED, ROUTED, IN_PROGRESS, AWAITING_CITIZEN, UNDER_REVIEW, ANSWERED, CLOSED, REJECTED;

    public boolean isTerminal() {
        return this == CLOSED || this == REJECTED;
    }
}
