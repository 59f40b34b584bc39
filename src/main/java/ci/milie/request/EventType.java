package ci.milie.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What happened to a request; each is one immutable line of its timeline or audit trail. */
@Schema(name = "EventType")
public enum EventType {
    SUBMITTED, QUALIFIED, REJECTED, ROUTED, REROUTED, ACKNOWLEDGED, INFORMATION_REQUESTED, CITIZEN_REPLIED,
    HANDED_BACK, ANSWER_SUBMITTED, ANSWER_RETURNED, ANSWER_DELIVERED, CLOSED, NOTE_ADDED, ATTACHMENT_ADDED,
    REOPENED, FEEDBACK_GIVEN, DEADLINE_MISSED,
    /** A request filed without an account was taken into a citizen's account (its tracking code, key and a proven contact). */
    CLAIMED
}
