package ci.milie.request;

/** What happened to a request; each is one immutable line of its timeline or audit trail. */
public enum EventType {
    SUBMITTED, QUALIFIED, REJECTED, ROUTED, REROUTED, ACKNOWLEDGED, INFORMATION_REQUESTED, CITIZEN_REPLIED,
    HANDED_BACK, ANSWER_SUBMITTED, ANSWER_RETURNED, ANSWER_DELIVERED, CLOSED, NOTE_ADDED, ATTACHMENT_ADDED
}
