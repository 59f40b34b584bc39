package ci.milie.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import ci.milie.directory.RequestType;


/**
 * The aggregate: a citizen's complaint, suggestion or observation. Its status changes only
 * through the methods below, each of which asks {@link Lifecycle} first and records an event.
 * The events a method records are collected in {@link #newEvents()} for the service to persist.
 */
@Entity
@Table(name = "citizen_request")
public class CitizenRequest {

    /** What every move needs: who, when, and the deadline rules. */
    public record Move(Actor actor, Party party, Instant now, Deadlines deadlines) {
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
    /** Set by the erasure of the citizen's personal data (privacy), never by the request itself. */
    @Column(name = "personal_data_erased_at", insertable = false, updatable = false)
    private Instant personalDataErasedAt;
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
        request.record(move, EventType.SUBMITTED, null, RequestStatus.RECEIVED, null, Visibility.PUBLIC,
                data("type", request.type, "categoryId", request.categoryId, "channel", request.channel,
                        "anonymous", request.anonymous));
        return request;
    }

    /** What a new request is made of, validated and normalised by the submission service. */
    record Submission(RequestType type, UUID categoryId, Channel channel, String subject, String description,
            UUID suggestedAdministrationId, Location location, Contact contact, boolean anonymous, UUID citizenId,
            UUID enteredByStaffId) {
    }

    /**
     * Applies one row of the lifecycle table: its effect on the request, the move to its target
     * and the events it records, then what follows it. The door has already checked who may and the
     * row's policies; the status is checked again here so that no path can skip the table.
     */
    void apply(Action action, Payload payload, Move move, Circumstances circumstances) {
        Lifecycle.Rule rule = Lifecycle.rule(action);
        if (!rule.from().contains(status)) {
            throw ProblemException.invalidTransition(status.name(),
                    "INVALID_TRANSITION.status", action.name(), status.name());
        }
        RequestStatus from = status;
        RequestStatus to = rule.target().from(this);
        List<Detail> details = effect(action, payload, move);
        List<Lifecycle.Recorded> records = rule.records();
        for (int i = 0; i < records.size(); i++) {
            Lifecycle.Recorded recorded = records.get(i);
            Detail detail = details.get(i);
            Visibility visibility = recorded.shown().forParty(move.party());
            boolean last = i == records.size() - 1;
            // A row that names its target moves there even from that same status: a re-routed ROUTED
            // request starts the new administration's acknowledgement clock.
            if (last && (to != from || rule.target().status() != null)) {
                moveTo(to, move, recorded.type(), detail.message(), visibility, detail.data());
            } else {
                touch(move);
                record(move, recorded.type(), from, last ? from : to, detail.message(), visibility, detail.data());
            }
        }
        switch (rule.then()) {
            case DELIVER_UNLESS_REVIEWED -> {
                if (!circumstances.reviewRequired()) {
                    apply(Action.APPROVE_ANSWER, payload, move, circumstances);
                }
            }
            case CLOSE_IF_SATISFIED -> {
                if (((Payload.Rating) payload).satisfied() && status == RequestStatus.ANSWERED) {
                    closedAt = move.now();
                    moveTo(RequestStatus.CLOSED, move, EventType.CLOSED, EventTexts.stored(EventTexts.SATISFIED),
                            Visibility.PUBLIC, data("reason", "SATISFIED"));
                }
            }
            case NOTHING -> {
            }
        }
    }

    /** The message and data of an event an action records. */
    private record Detail(String message, Map<String, Object> data) {
    }

    /** What an action changes besides the status, and what its events say, in the order the table records them. */
    private List<Detail> effect(Action action, Payload payload, Move move) {
        Instant now = move.now();
        return switch (action) {
            case QUALIFY -> {
                Payload.Qualification q = (Payload.Qualification) payload;
                Map<String, Object> data = new LinkedHashMap<>();
                RequestType previousType = null;
                if (q.correctedType() != null && q.correctedType() != type) {
                    previousType = type;
                    data.put("previousType", type.name());
                    type = q.correctedType();
                }
                boolean categoryCorrected = q.correctedCategoryId() != null && !q.correctedCategoryId().equals(categoryId);
                if (categoryCorrected) {
                    data.put("previousCategoryId", categoryId.toString());
                    categoryId = q.correctedCategoryId();
                }
                data.put("type", type.name());
                data.put("categoryId", categoryId.toString());
                qualified = true;
                yield List.of(new Detail(EventTexts.qualified(previousType, type, categoryCorrected), data));
            }
            case REJECT -> {
                Payload.Rejection r = (Payload.Rejection) payload;
                rejectionReason = r.reasonCode();
                duplicateOf = r.duplicateOf();
                closedAt = now;
                yield List.of(new Detail(r.message(), data("reasonCode", r.reasonCode(), "duplicateOf", r.duplicateOf())));
            }
            case ROUTE -> {
                Payload.Routing r = (Payload.Routing) payload;
                qualified = true;
                administrationId = r.administrationId();
                yield List.of(new Detail(r.administrationName(), data("administrationId", administrationId)));
            }
            case REROUTE -> {
                Payload.Routing r = (Payload.Routing) payload;
                UUID previous = administrationId;
                administrationId = r.administrationId();
                yield List.of(new Detail(r.reason(), data("fromAdministrationId", previous, "toAdministrationId", administrationId)),
                        new Detail(r.administrationName(), data("administrationId", administrationId)));
            }
            case ACKNOWLEDGE -> List.of(new Detail(null, data("administrationId", administrationId)));
            case REQUEST_INFORMATION -> {
                resumeStatus = status;
                yield List.of(new Detail(((Payload.Text) payload).text(), data("resumeStatus", status)));
            }
            case REPLY -> {
                RequestStatus back = resumeStatus;
                resumeStatus = null;
                yield List.of(new Detail(((Payload.Text) payload).text(), data("resumedStatus", back)));
            }
            case HAND_BACK -> {
                UUID previous = administrationId;
                administrationId = null;
                yield List.of(new Detail(((Payload.Text) payload).text(), data("administrationId", previous)));
            }
            case SUBMIT_ANSWER -> List.of(new Detail(null,
                    data("answerId", ((Payload.AnswerStep) payload).answerId(), "administrationId", administrationId)));
            case APPROVE_ANSWER -> {
                answeredAt = now;
                yield List.of(new Detail(null,
                        data("answerId", ((Payload.AnswerStep) payload).answerId(), "administrationId", administrationId)));
            }
            case RETURN_ANSWER -> {
                Payload.AnswerStep a = (Payload.AnswerStep) payload;
                yield List.of(new Detail(a.remarks(), data("answerId", a.answerId(), "administrationId", administrationId)));
            }
            case CLOSE -> {
                closedAt = now;
                yield List.of(new Detail(((Payload.Text) payload).text(), data("reason", "OSEP")));
            }
            case AUTO_CLOSE -> {
                closedAt = now;
                yield List.of(new Detail(EventTexts.stored(EventTexts.AUTO_CLOSED),
                        data("reason", "DISPUTE_WINDOW_OVER")));
            }
            case REOPEN -> {
                reopenCount++;
                yield List.of(new Detail(((Payload.Text) payload).text(),
                        data("administrationId", administrationId, "reopenCount", reopenCount)));
            }
            case RATE -> {
                Payload.Rating r = (Payload.Rating) payload;
                yield List.of(new Detail(EventTexts.stored(EventTexts.FEEDBACK, r.rating(), r.satisfied() ? 1 : 0),
                        data("answerId", r.answerId(), "rating", r.rating(), "satisfied", r.satisfied())));
            }
            case ADD_NOTE -> List.of(new Detail(((Payload.Text) payload).text(), Map.of()));
            case ADD_ATTACHMENT -> {
                Payload.File f = (Payload.File) payload;
                yield List.of(new Detail(f.fileName(), data("attachmentId", f.attachmentId())));
            }
            case FLAG_OVERDUE -> {
                overdueDueAt = dueAt;
                yield List.of(new Detail(EventTexts.stored(EventTexts.OVERDUE, currentStage()),
                        data("stage", currentStage(), "dueAt", dueAt, "level", "OVERDUE")));
            }
            case ESCALATE -> {
                escalatedDueAt = dueAt;
                yield List.of(new Detail(EventTexts.stored(EventTexts.ESCALATED, currentStage()),
                        data("stage", currentStage(), "dueAt", dueAt, "level", "ESCALATED")));
            }
        };
    }

    /** Event data from key-value pairs, values as JSON strings, numbers or booleans; null values left out. */
    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null) {
                data.put((String) pairs[i], value instanceof Number || value instanceof Boolean ? value : value.toString());
            }
        }
        return data;
    }

    private void moveTo(RequestStatus to, Move move, EventType event, String message, Visibility visibility,
            Map<String, Object> data) {
        RequestStatus from = status;
        Instant now = move.now();
        recordStageOutcome(from, to, move);
        status = to;
        statusChangedAt = now;
        Deadlines deadlines = move.deadlines();
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
    Stage currentStage() {
        return switch (status) {
            case RECEIVED -> Stage.TRIAGE;
            case ROUTED -> Stage.ACKNOWLEDGEMENT;
            case IN_PROGRESS, UNDER_REVIEW -> Stage.ANSWER;
            default -> null;
        };
    }

    /** OSEP is responsible for triage and for reviewing answers; the administration for the rest. */
    boolean osepResponsible() {
        return status == RequestStatus.RECEIVED || status == RequestStatus.UNDER_REVIEW;
    }

    /** Not yet reminded of the current deadline. */
    boolean awaitsReminder() {
        return dueAt != null && !dueAt.equals(remindedDueAt);
    }

    void reminded() {
        remindedDueAt = dueAt;
    }

    /** Past its deadline and not yet flagged for it. */
    boolean awaitsOverdueFlag(Instant now) {
        return dueAt != null && now.isAfter(dueAt) && !dueAt.equals(overdueDueAt);
    }

    /** Flagged overdue longer than {@code delay} ago and not yet escalated to OSEP's supervisors. */
    boolean awaitsEscalation(Instant now, java.time.Duration delay) {
        return dueAt != null && dueAt.equals(overdueDueAt) && now.isAfter(dueAt.plus(delay)) && !dueAt.equals(escalatedDueAt);
    }

    private void touch(Move move) {
        updatedAt = move.now();
    }

    private void record(Move move, EventType event, RequestStatus from, RequestStatus to, String message,
            Visibility visibility, Map<String, Object> data) {
        newEvents.add(new RequestEvent(id, move.now(), event, move.actor(), from, to, message, visibility, data));
    }

    /** Events recorded since load, in order; the service persists and then clears them. */
    List<RequestEvent> newEvents() {
        return newEvents;
    }

    /**
     * A signed-in citizen takes this request, filed without an account, into theirs. Whether they
     * asked for anonymity does not change: the administration still sees neither contact nor
     * account. Recorded as an internal event that names no one.
     */
    void claimedBy(UUID citizenId, Move move) {
        this.citizenId = citizenId;
        touch(move);
        record(move, EventType.CLAIMED, status, status, null, Visibility.INTERNAL, Map.of());
    }

    boolean personalDataErased() {
        return personalDataErasedAt != null;
    }

    boolean acceptsAccessKey(String hash) {
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

    RequestStatus resumeStatus() {
        return resumeStatus;
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
