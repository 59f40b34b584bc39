package ci.milie.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.directory.RequestType;
import ci.milie.sla.DeadlinePolicy;
import ci.milie.sla.DeadlinePolicy.Stage;

/**
 * The aggregate: a citizen's complaint, suggestion or observation. Its status changes only
 * through the methods below, each of which asks {@link Lifecycle} first and records an event.
 * The events a method records are collected in {@link #newEvents()} for the service to persist.
 */
@Entity
@Table(name = "citizen_request")
public class CitizenRequest {

    /** What every move needs: who, when, and the deadline rules. */
    public record Move(Actor actor, Instant now, DeadlinePolicy deadlines) {
    }

    @Id
    private UUID id;
    @Column(name = "tracking_code")
    private String trackingCode;
    @Column(name = "access_key_hash")
    private String accessKeyHash;
    @Enumerated(EnumType.STRING)
    private RequestType type;
    @Column(name = "category_id")
    private UUID categoryId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String subject;
    private String description;
    @Column(name = "suggested_administration_id")
    private UUID suggestedAdministrationId;
    @Column(name = "administration_id")
    private UUID administrationId;
    @Embedded
    private Location location;
    @Embedded
    private Contact contact;
    private boolean anonymous;
    @Column(name = "citizen_id")
    private UUID citizenId;
    @Column(name = "entered_by_staff_id")
    private UUID enteredByStaffId;
    @Enumerated(EnumType.STRING)
    private RequestStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "resume_status")
    private RequestStatus resumeStatus;
    private boolean qualified;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "duplicate_of")
    private UUID duplicateOf;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "reopen_count")
    private int reopenCount;
    @Column(name = "paused_remaining_seconds")
    private Long pausedRemainingSeconds;
    @Column(name = "triage_met")
    private Boolean triageMet;
    @Column(name = "acknowledgement_met")
    private Boolean acknowledgementMet;
    @Column(name = "answer_met")
    private Boolean answerMet;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    /** Working time from submission to acknowledgement, kept for statistics (percentiles read it). */
    @Column(name = "acknowledgement_working_seconds")
    private Long acknowledgementWorkingSeconds;
    /** Working time from submission to the (latest) answer delivered. */
    @Column(name = "answer_working_seconds")
    private Long answerWorkingSeconds;
    @Column(name = "reminded_due_at")
    private Instant remindedDueAt;
    @Column(name = "overdue_due_at")
    private Instant overdueDueAt;
    @Column(name = "escalated_due_at")
    private Instant escalatedDueAt;
    @Version
    private long version;

    @Transient
    private final List<RequestEvent> newEvents = new ArrayList<>();

    protected CitizenRequest() {
    }

    /** A new request, RECEIVED, due for triage. */
    static CitizenRequest submit(Submission submission, String trackingCode, String accessKeyHash, Move move) {
        CitizenRequest request = new CitizenRequest();
        request.id = UUID.randomUUID();
        request.trackingCode = trackingCode;
        request.accessKeyHash = accessKeyHash;
        request.type = submission.type();
        request.categoryId = submission.categoryId();
        request.channel = submission.channel();
        request.subject = submission.subject();
        request.description = submission.description();
        request.suggestedAdministrationId = submission.suggestedAdministrationId();
        request.location = submission.location();
        request.contact = submission.contact();
        request.anonymous = submission.anonymous();
        request.citizenId = submission.citizenId();
        request.enteredByStaffId = submission.enteredByStaffId();
        request.status = RequestStatus.RECEIVED;
        request.submittedAt = move.now();
        request.updatedAt = move.now();
        request.statusChangedAt = move.now();
        request.dueAt = move.deadlines().dueAt(Stage.TRIAGE, request.type, request.categoryId, move.now());
        request.record(move, EventType.SUBMITTED, null, RequestStatus.RECEIVED, null, Visibility.PUBLIC);
        return request;
    }

    /** What a new request is made of, validated and normalised by the submission service. */
    record Submission(RequestType type, UUID categoryId, Channel channel, String subject, String description,
            UUID suggestedAdministrationId, Location location, Contact contact, boolean anonymous, UUID citizenId,
            UUID enteredByStaffId) {
    }

    /** OSEP accepts the request, possibly correcting its type and category; it stays RECEIVED until routed. */
    void qualify(Move move, RequestType correctedType, UUID correctedCategoryId) {
        ensure(Action.QUALIFY, move);
        StringBuilder changes = new StringBuilder("Accepted");
        if (correctedType != null && correctedType != type) {
            changes.append("; type ").append(type).append(" → ").append(correctedType);
            type = correctedType;
        }
        if (correctedCategoryId != null && !correctedCategoryId.equals(categoryId)) {
            changes.append("; category corrected");
            categoryId = correctedCategoryId;
        }
        qualified = true;
        touch(move);
        record(move, EventType.QUALIFIED, status, status, changes.toString(), Visibility.INTERNAL);
    }

    /** OSEP refuses the request; the reason and message go to the citizen. */
    void reject(Move move, String reasonCode, UUID duplicateOf, String message) {
        ensure(Action.REJECT, move);
        this.rejectionReason = reasonCode;
        this.duplicateOf = duplicateOf;
        this.closedAt = move.now();
        moveTo(RequestStatus.REJECTED, move, EventType.REJECTED, message, Visibility.PUBLIC);
    }

    /** OSEP sends the request to an administration (accepting it if it was not qualified yet). */
    void route(Move move, UUID administrationId, String administrationName) {
        ensure(Action.ROUTE, move);
        this.qualified = true;
        this.administrationId = administrationId;
        moveTo(RequestStatus.ROUTED, move, EventType.ROUTED, administrationName, Visibility.PUBLIC,
                Map.of("administrationId", administrationId.toString()));
    }

    /** OSEP moves a routed request to another administration; the acknowledgement clock restarts. */
    void reroute(Move move, UUID administrationId, String administrationName, String reason) {
        ensure(Action.REROUTE, move);
        if (administrationId.equals(this.administrationId)) {
            throw ProblemException.conflict("SAME_ADMINISTRATION", "The request is already routed to this administration");
        }
        UUID previous = this.administrationId;
        this.administrationId = administrationId;
        record(move, EventType.REROUTED, status, RequestStatus.ROUTED, reason, Visibility.INTERNAL,
                Map.of("fromAdministrationId", previous.toString(), "toAdministrationId", administrationId.toString()));
        moveTo(RequestStatus.ROUTED, move, EventType.ROUTED, administrationName, Visibility.PUBLIC,
                Map.of("administrationId", administrationId.toString()));
    }

    /** The administration takes the request in hand. */
    void acknowledge(Move move) {
        ensure(Action.ACKNOWLEDGE, move);
        moveTo(RequestStatus.IN_PROGRESS, move, EventType.ACKNOWLEDGED, null, Visibility.PUBLIC);
    }

    /** OSEP or the administration asks the citizen a question; the clock waits for the answer. */
    void requestInformation(Move move, String question) {
        ensure(Action.REQUEST_INFORMATION, move);
        this.resumeStatus = status;
        moveTo(RequestStatus.AWAITING_CITIZEN, move, EventType.INFORMATION_REQUESTED, question, Visibility.PUBLIC);
    }

    /** The citizen answers; the request goes back to where it was. */
    void receiveCitizenReply(Move move, String text) {
        ensure(Action.CITIZEN_REPLY, move);
        RequestStatus back = resumeStatus;
        this.resumeStatus = null;
        moveTo(back, move, EventType.CITIZEN_REPLIED, text, Visibility.PUBLIC);
    }

    /** The administration says the request is not theirs: back to OSEP for routing. */
    void handBack(Move move, String reason) {
        ensure(Action.HAND_BACK, move);
        UUID previous = this.administrationId;
        this.administrationId = null;
        moveTo(RequestStatus.RECEIVED, move, EventType.HANDED_BACK, reason, Visibility.INTERNAL,
                Map.of("administrationId", previous.toString()));
    }

    /**
     * The administration submitted an answer: OSEP reviews it, unless the administration is
     * trusted, in which case it is delivered at once.
     */
    public void answerSubmitted(Move move, boolean reviewRequired) {
        ensure(Action.SUBMIT_ANSWER, move);
        moveTo(RequestStatus.UNDER_REVIEW, move, EventType.ANSWER_SUBMITTED, null, Visibility.INTERNAL);
        if (!reviewRequired) {
            deliverAnswer(move);
        }
    }

    /** OSEP approves the answer under review: it reaches the citizen. */
    public void answerApproved(Move move) {
        ensure(Action.APPROVE_ANSWER, move);
        deliverAnswer(move);
    }

    /** OSEP returns the answer to the administration with remarks. */
    public void answerReturned(Move move, String remarks) {
        ensure(Action.RETURN_ANSWER, move);
        moveTo(RequestStatus.IN_PROGRESS, move, EventType.ANSWER_RETURNED, remarks, Visibility.INTERNAL);
    }

    private void deliverAnswer(Move move) {
        this.answeredAt = move.now();
        moveTo(RequestStatus.ANSWERED, move, EventType.ANSWER_DELIVERED, null, Visibility.PUBLIC);
    }

    /** OSEP closes an answered request, or a suggestion or observation once acknowledged. */
    void close(Move move, String message) {
        ensure(Action.CLOSE, move);
        if (status == RequestStatus.IN_PROGRESS && type == RequestType.COMPLAINT) {
            throw ProblemException.invalidTransition(status.name(),
                    "A complaint is closed only once answered; this one is " + status);
        }
        this.closedAt = move.now();
        moveTo(RequestStatus.CLOSED, move, EventType.CLOSED, message, Visibility.PUBLIC);
    }

    /**
     * The citizen disputes the answer: back to the same administration, within {@code window}
     * after the answer and at most {@code maxReopenings} times.
     */
    public void reopen(Move move, String reason, java.time.Duration window, int maxReopenings) {
        ensure(Action.REOPEN, move);
        if (answeredAt != null && move.now().isAfter(answeredAt.plus(window))) {
            throw ProblemException.conflict("REOPEN_WINDOW_CLOSED",
                    "The answer can be disputed for " + window.toDays() + " days after it was delivered; that time is over");
        }
        if (reopenCount >= maxReopenings) {
            throw ProblemException.conflict("REOPEN_LIMIT_REACHED",
                    "This request was already reopened " + reopenCount + " times, the most allowed");
        }
        reopenCount++;
        moveTo(RequestStatus.ROUTED, move, EventType.REOPENED, reason, Visibility.PUBLIC);
    }

    /** The citizen rated the answer and is satisfied: nothing left to do. */
    public void closeSatisfied(Move move) {
        ensure(Action.CONFIRM, move);
        closedAt = move.now();
        moveTo(RequestStatus.CLOSED, move, EventType.CLOSED, "Le citoyen est satisfait de la réponse", Visibility.PUBLIC);
    }

    /** Nobody disputed the answer within the window. */
    public void closeAfterWindow(Move move) {
        ensure(Action.AUTO_CLOSE, move);
        closedAt = move.now();
        moveTo(RequestStatus.CLOSED, move, EventType.CLOSED, "Clôturée automatiquement à la fin du délai de contestation",
                Visibility.PUBLIC);
    }

    /** The citizen's rating, in the timeline and the audit trail. */
    public void feedbackGiven(Move move, int rating, boolean satisfied) {
        touch(move);
        record(move, EventType.FEEDBACK_GIVEN, status, status, rating + "/5" + (satisfied ? ", satisfait" : ", non satisfait"),
                Visibility.PUBLIC);
    }

    /** An internal note: staff only, never shown to the citizen. */
    void addNote(Move move, String text) {
        touch(move);
        record(move, EventType.NOTE_ADDED, status, status, text, Visibility.INTERNAL);
    }

    /**
     * A file joins the request, until it is closed or rejected. The citizen's own files show on
     * their timeline (PUBLIC); staff's files are recorded in the audit trail only (INTERNAL).
     */
    void attachmentAdded(Move move, String fileName) {
        ensureAcceptsAttachments();
        touch(move);
        Visibility visibility = Roles.CITIZEN.equals(move.actor().lifecycleRole()) ? Visibility.PUBLIC
                : Visibility.INTERNAL;
        record(move, EventType.ATTACHMENT_ADDED, status, status, fileName, visibility);
    }

    /** Files are welcome until the request is closed or rejected; after that, 409 REQUEST_CLOSED. */
    void ensureAcceptsAttachments() {
        if (status.isTerminal()) {
            throw ProblemException.conflictInStatus("REQUEST_CLOSED", status.name(),
                    "No file can be added to a request that is " + status);
        }
    }

    private void ensure(Action action, Move move) {
        if (!Lifecycle.allows(status, action)) {
            throw ProblemException.invalidTransition(status.name(),
                    "Cannot " + action.name().toLowerCase().replace('_', ' ') + " a request that is " + status);
        }
        if (!Lifecycle.roleMay(move.actor().lifecycleRole(), action)) {
            throw ProblemException.forbidden("Your role cannot " + action.name().toLowerCase().replace('_', ' '));
        }
    }

    private void moveTo(RequestStatus to, Move move, EventType event, String message, Visibility visibility) {
        moveTo(to, move, event, message, visibility, Map.of());
    }

    private void moveTo(RequestStatus to, Move move, EventType event, String message, Visibility visibility,
            Map<String, Object> data) {
        RequestStatus from = status;
        Instant now = move.now();
        recordStageOutcome(from, to, move);
        status = to;
        statusChangedAt = now;
        DeadlinePolicy deadlines = move.deadlines();
        if (to == RequestStatus.AWAITING_CITIZEN) {
            // The clock stops while the citizen has the ball; it resumes with the time that was left.
            pausedRemainingSeconds = dueAt == null ? null : deadlines.remaining(dueAt, now).toSeconds();
            dueAt = null;
        } else if (from == RequestStatus.AWAITING_CITIZEN && pausedRemainingSeconds != null) {
            dueAt = deadlines.resume(java.time.Duration.ofSeconds(pausedRemainingSeconds), now);
            pausedRemainingSeconds = null;
        } else {
            dueAt = switch (to) {
                case RECEIVED -> deadlines.dueAt(Stage.TRIAGE, type, categoryId, now);
                case ROUTED -> deadlines.dueAt(Stage.ACKNOWLEDGEMENT, type, categoryId, now);
                case IN_PROGRESS -> from == RequestStatus.UNDER_REVIEW && dueAt != null ? dueAt
                        : deadlines.dueAt(Stage.ANSWER, type, categoryId, now);
                case UNDER_REVIEW -> dueAt;
                case AWAITING_CITIZEN, ANSWERED, CLOSED, REJECTED -> null;
            };
        }
        touch(move);
        record(move, event, from, to, message, visibility, data);
    }

    /** Whether the stage that ends with this move met its deadline, kept for statistics. */
    private void recordStageOutcome(RequestStatus from, RequestStatus to, Move move) {
        Instant now = move.now();
        boolean onTime = dueAt == null || !now.isAfter(dueAt);
        if (from == RequestStatus.RECEIVED && to == RequestStatus.ROUTED && triageMet == null) {
            triageMet = onTime;
        } else if (from == RequestStatus.ROUTED && to == RequestStatus.IN_PROGRESS) {
            acknowledgementMet = onTime;
            acknowledgedAt = now;
            // Measured once, with the calendar of the day: a holiday declared later does not rewrite history.
            acknowledgementWorkingSeconds = move.deadlines().workingTimeBetween(submittedAt, now).toSeconds();
        } else if (to == RequestStatus.ANSWERED) {
            answerMet = onTime;
            answerWorkingSeconds = move.deadlines().workingTimeBetween(submittedAt, now).toSeconds();
        }
    }

    /** The stage whose deadline runs now, if any. */
    public Stage currentStage() {
        return switch (status) {
            case RECEIVED -> Stage.TRIAGE;
            case ROUTED -> Stage.ACKNOWLEDGEMENT;
            case IN_PROGRESS, UNDER_REVIEW -> Stage.ANSWER;
            default -> null;
        };
    }

    /** OSEP is responsible for triage and for reviewing answers; the administration for the rest. */
    public boolean osepResponsible() {
        return status == RequestStatus.RECEIVED || status == RequestStatus.UNDER_REVIEW;
    }

    /** Not yet reminded of the current deadline. */
    public boolean awaitsReminder() {
        return dueAt != null && !dueAt.equals(remindedDueAt);
    }

    public void reminded() {
        remindedDueAt = dueAt;
    }

    /** Past its deadline and not yet flagged for it. */
    public boolean awaitsOverdueFlag(Instant now) {
        return dueAt != null && now.isAfter(dueAt) && !dueAt.equals(overdueDueAt);
    }

    /** The deadline passed: an internal event, once per stage. */
    public void flagOverdue(Move move) {
        overdueDueAt = dueAt;
        record(move, EventType.DEADLINE_MISSED, status, status, "Échéance dépassée : " + currentStage(), Visibility.INTERNAL);
    }

    /** Flagged overdue longer than {@code delay} ago and not yet escalated to OSEP's supervisors. */
    public boolean awaitsEscalation(Instant now, java.time.Duration delay) {
        return dueAt != null && dueAt.equals(overdueDueAt) && now.isAfter(dueAt.plus(delay)) && !dueAt.equals(escalatedDueAt);
    }

    public void escalate(Move move) {
        escalatedDueAt = dueAt;
        record(move, EventType.DEADLINE_MISSED, status, status, "Escalade aux superviseurs de l'OSEP : " + currentStage(),
                Visibility.INTERNAL);
    }

    private void touch(Move move) {
        updatedAt = move.now();
    }

    private void record(Move move, EventType event, RequestStatus from, RequestStatus to, String message,
            Visibility visibility) {
        record(move, event, from, to, message, visibility, Map.of());
    }

    private void record(Move move, EventType event, RequestStatus from, RequestStatus to, String message,
            Visibility visibility, Map<String, Object> data) {
        newEvents.add(new RequestEvent(id, move.now(), event, move.actor(), from, to, message, visibility, data));
    }

    /** Events recorded since load, in order; the service persists and then clears them. */
    List<RequestEvent> newEvents() {
        return newEvents;
    }

    public boolean acceptsAccessKey(String hash) {
        return ci.milie.common.Secrets.sameHash(accessKeyHash, hash);
    }

    public UUID id() {
        return id;
    }

    public String trackingCode() {
        return trackingCode;
    }

    public RequestType type() {
        return type;
    }

    public UUID categoryId() {
        return categoryId;
    }

    public Channel channel() {
        return channel;
    }

    public String subject() {
        return subject;
    }

    public String description() {
        return description;
    }

    public UUID suggestedAdministrationId() {
        return suggestedAdministrationId;
    }

    public UUID administrationId() {
        return administrationId;
    }

    public Location location() {
        return location == null ? new Location(null, null, null, null) : location;
    }

    public Contact contact() {
        return contact == null ? new Contact(null, null, null, "fr") : contact;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public UUID citizenId() {
        return citizenId;
    }

    public UUID enteredByStaffId() {
        return enteredByStaffId;
    }

    public RequestStatus status() {
        return status;
    }

    public boolean qualified() {
        return qualified;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public UUID duplicateOf() {
        return duplicateOf;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public Boolean triageMet() {
        return triageMet;
    }

    public Boolean acknowledgementMet() {
        return acknowledgementMet;
    }

    public Boolean answerMet() {
        return answerMet;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    /** Working time left while paused for the citizen. */
    public java.time.Duration pausedRemaining() {
        return pausedRemainingSeconds == null ? null : java.time.Duration.ofSeconds(pausedRemainingSeconds);
    }

    public long version() {
        return version;
    }
}
