package ci.milie.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.common.Roles;
import ci.milie.directory.AdministrationRef;
import ci.milie.directory.RequestType;

/** What the request module shows, one record per audience. */
public final class Views {

    // The roles an event or a file can name (common.Roles, Actor), spelt out for the contract's enums.
    static final String ACTOR_CITIZEN = "citizen";
    static final String ACTOR_ANONYMOUS = "anonymous";
    static final String ACTOR_OPERATOR = "operator";
    static final String ACTOR_OSEP = "osep";
    static final String ACTOR_AGENT = "agent";
    static final String ACTOR_SUPERVISOR = "supervisor";
    static final String ACTOR_SYSADMIN = "sysadmin";
    static final String ACTOR_SYSTEM = "system";
    static final String ACTOR_INTEGRATION = Roles.INTEGRATION;

    /** The ETag every move that answers with the request's view sends (see RequestViewTags). */
    public static final String MOVED_ETAG_DOC = "The request's new version, the same tag GET /requests/{id} gives: send it "
            + "back as If-Match on the next move";

    static final String CAN_RATE_DOC = "Whether the caller may rate the latest delivered answer now (POST "
            + "/requests/{id}/feedback accepted): exactly when RATE is in the allowed actions";

    private Views() {
    }

    @Schema(name = "CategoryRef")
    public record CategoryRef(UUID id, String code, String labelFr, String labelEn) {
    }

    @Schema(name = "LocationView")
    public record LocationView(@Schema(nullable = true) String region, @Schema(nullable = true) String locality,
            @Schema(nullable = true) Double latitude, @Schema(nullable = true) Double longitude) {
    }

    @Schema(name = "ContactView")
    public record ContactView(@Schema(nullable = true) String fullName, @Schema(nullable = true) String email,
            @Schema(nullable = true) String phone, @Schema(examples = "fr") String preferredLanguage) {
    }

    @Schema(name = "Rejection")
    public record Rejection(@Schema(ref = "RejectionReason") String reasonCode,
            @Schema(description = "The request this one repeats, for DUPLICATE", nullable = true) UUID duplicateOf) {
    }

    /** The full request, for staff who may see it and for its owner. */
    @Schema(name = "RequestView")
    public record RequestView(
            UUID id,
            String trackingCode,
            RequestType type,
            CategoryRef category,
            Channel channel,
            String subject,
            String description,
            RequestStatus status,
            boolean qualified,
            @Schema(description = "Where the request is routed", nullable = true) AdministrationRef administration,
            @Schema(description = "The administration the citizen suggested", nullable = true) AdministrationRef suggestedAdministration,
            @Schema(description = "The category's default administration: OSEP's routing suggestion", nullable = true) AdministrationRef defaultAdministration,
            LocationView location,
            @Schema(description = "Hidden from the administration when the citizen asked for anonymity", nullable = true) ContactView contact,
            boolean anonymous,
            Instant submittedAt,
            Instant updatedAt,
            @Schema(description = "When the current stage is due; null while waiting for the citizen and once answered", nullable = true) Instant dueAt,
            DeadlineView deadline,
            @Schema(nullable = true) Instant answeredAt,
            @Schema(nullable = true) Instant closedAt,
            @Schema(description = "Why OSEP rejected the request, once rejected", nullable = true) Rejection rejection,
            int reopenCount,
            List<AnswerLookup.AnswerSummary> answers,
            @Schema(description = "Exactly the actions the caller may take on the request now") List<Action> allowedActions,
            @Schema(description = "Until when the citizen may still dispute the answer; null unless REOPEN is in allowedActions", nullable = true) Instant reopenUntil,
            @Schema(description = "Optimistic-locking version") long version,
            @Schema(description = CAN_RATE_DOC) boolean canRate) {
    }

    /** The clock of the current stage, and how the past stages went. */
    @Schema(name = "DeadlineView")
    public record DeadlineView(
            @Schema(description = "The stage whose clock runs; null when no stage is running", nullable = true) Stage stage,
            @Schema(nullable = true) Instant dueAt,
            @Schema(description = "Seconds of working time left, while not overdue", nullable = true) Long timeLeftSeconds,
            @Schema(description = "Seconds since the deadline passed", nullable = true) Long overdueBySeconds,
            @Schema(description = "True while waiting for the citizen: the clock is stopped") boolean paused,
            @Schema(description = "Seconds of working time left when the clock stopped", nullable = true) Long pausedTimeLeftSeconds,
            @Schema(description = "Whether OSEP's triage met its deadline, once done", nullable = true) Boolean triageMet,
            @Schema(description = "Whether the acknowledgement met its deadline, once done", nullable = true) Boolean acknowledgementMet,
            @Schema(description = "Whether the answer met its deadline, once delivered", nullable = true) Boolean answerMet) {
    }

    /** One line of a work queue. */
    @Schema(name = "RequestSummary")
    public record RequestSummary(UUID id, String trackingCode, RequestType type, String categoryCode,
            @Schema(description = "The category's label in French", examples = "État civil") String categoryLabelFr,
            @Schema(description = "The category's label in English", examples = "Civil registry") String categoryLabelEn,
            Channel channel,
            String subject, RequestStatus status, @Schema(description = "Where the request is routed", nullable = true) UUID administrationId,
            @Schema(description = "The name of the administration in charge; null until routed", nullable = true,
                    examples = "Office national de l'état civil et de l'identification") String administrationName,
            @Schema(nullable = true) String region, Instant submittedAt,
            @Schema(nullable = true) Instant dueAt, boolean overdue) {
    }

    /** A citizen's own requests, one page, and how many there are in all. */
    @Schema(name = "MyRequestPage")
    public record MyRequestPage(List<RequestSummary> items,
            @Schema(description = "Opaque cursor of the next page; null on the last page", nullable = true) String nextCursor,
            @Schema(description = "How many of the caller's requests match (with updatedSince: changed since then), all "
                    + "pages together", examples = "12") long total) {
    }

    @Schema(name = "EventView")
    public record EventView(UUID id, EventType type,
            @Schema(description = "The event type's label in the reader's language (Accept-Language: fr, default, or en)",
                    examples = "Transmise à une administration") String label,
            Instant occurredAt, @Schema(nullable = true) RequestStatus fromStatus,
            @Schema(nullable = true) RequestStatus toStatus,
            @Schema(description = "Null when the event has none or the caller may not read it. What a person wrote, as "
                    + "written; what Miliê wrote (closure, rating, missed deadline, qualification), in the reader's language",
                    nullable = true) String message,
            Visibility visibility,
            @Schema(description = "Who acted: a role, anonymous (without an account, or with the access key), system, or "
                    + "integration (an integration client: actorId is the client's id)",
                    enumeration = { ACTOR_CITIZEN, ACTOR_ANONYMOUS, ACTOR_OPERATOR, ACTOR_OSEP, ACTOR_AGENT, ACTOR_SUPERVISOR,
                            ACTOR_SYSADMIN, ACTOR_SYSTEM, ACTOR_INTEGRATION }) String actorRole,
            @Schema(description = "Staff only; never the citizen's account to the administration of an anonymous request", nullable = true) UUID actorId) {
    }

    /** What anyone with the tracking code sees; with the access key, also the thread and the answers. */
    @Schema(name = "TrackingView")
    public record TrackingView(
            String trackingCode,
            @Schema(description = "Only with the access key; null without", nullable = true) UUID id,
            RequestType type,
            CategoryRef category,
            RequestStatus status,
            Instant submittedAt,
            Instant updatedAt,
            @Schema(nullable = true) Instant dueAt,
            @Schema(description = "Where the request is being handled", nullable = true) String administrationName,
            @Schema(description = "Public events; their messages only with the access key") List<EventView> timeline,
            @Schema(description = "Only with the access key; null without", nullable = true) List<AnswerLookup.AnswerSummary> answers,
            @Schema(description = CAN_RATE_DOC + "; always false without the access key") boolean canRate,
            @Schema(description = "With the access key: until when the citizen may still dispute the answer, null when they "
                    + "may not dispute it now; always null without the key", nullable = true) Instant reopenUntil) {
    }
}
