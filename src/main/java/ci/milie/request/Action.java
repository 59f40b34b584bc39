package ci.milie.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything that can move a request from one status to another. */
@Schema(name = "Action")
public enum Action {
    QUALIFY, REJECT, ROUTE, REROUTE, ACKNOWLEDGE, REQUEST_INFORMATION, CITIZEN_REPLY, HAND_BACK,
    SUBMIT_ANSWER, APPROVE_ANSWER, RETURN_ANSWER, CLOSE,
    /** The citizen disputes the answer within the window. */
    REOPEN,
    /** The citizen rates the answer and is satisfied: closed at once. */
    CONFIRM,
    /** Nobody disputed the answer within the window. */
    AUTO_CLOSE
}
