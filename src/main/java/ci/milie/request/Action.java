package ci.milie.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything that changes a request; {@link Lifecycle} says who may do each, from where, to where. */
@Schema(name = "Action")
public enum Action {
    QUALIFY, REJECT, ROUTE, REROUTE, ACKNOWLEDGE, REQUEST_INFORMATION,
    /** The citizen answers OSEP's or the administration's question. */
    REPLY,
    HAND_BACK, SUBMIT_ANSWER, APPROVE_ANSWER, RETURN_ANSWER, CLOSE,
    /** The citizen disputes the answer within the window. */
    REOPEN,
    /** The citizen rates the latest delivered answer; satisfied with an answered request, it closes. */
    RATE,
    ADD_NOTE, ADD_ATTACHMENT,
    /** Miliê's job: nobody disputed the answer within the window. */
    AUTO_CLOSE,
    /** Miliê's job: the current stage passed its deadline. */
    FLAG_OVERDUE,
    /** Miliê's job: overdue for longer than the escalation delay; OSEP's supervisors are told. */
    ESCALATE
}
