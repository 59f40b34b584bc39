package ci.milie.request;

/** Everything that can move a request from one status to another. */
public enum Action {
    QUALIFY, REJECT, ROUTE, REROUTE, ACKNOWLEDGE, REQUEST_INFORMATION, CITIZEN_REPLY, HAND_BACK,
    SUBMIT_ANSWER, APPROVE_ANSWER, RETURN_ANSWER, CLOSE
}
