package ci.milie.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import ci.milie.directory.AdministrationRef;
import ci.milie.directory.RequestType;

/** What the request module shows, one record per audience. */
public final class Views {

    private Views() {
    }

    @Schema(name = "CategoryRef")
    public record CategoryRef(UUID id, String code, String labelFr, String labelEn) {
    }

    @Schema(name = "LocationView")
    public record LocationView(String region, String locality, Double latitude, Double longitude) {
    }

    @Schema(name = "ContactView")
    public record ContactView(String fullName, String email, String phone, String preferredLanguage) {
    }

    @Schema(name = "Rejection")
    public record Rejection(String reasonCode, UUID duplicateOf) {
    }

    /** The full request, for staff who may see it and for its owner. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
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
            @Schema(description = "When the current stage is due; absent while waiting for the citizen and once answered") Instant dueAt,
            DeadlineView deadline,
            Instant answeredAt,
            Instant closedAt,
            Rejection rejection,
            int reopenCount,
            List<AnswerLookup.AnswerSummary> answers,
            @Schema(description = "Exactly the actions the caller may take on the request now") List<Action> allowedActions,
            @Schema(description = "Until when the citizen may still dispute the answer (with REOPEN in allowedActions)") Instant reopenUntil,
            @Schema(description = "Optimistic-locking version") long version) {
    }

    /** The clock of the current stage, and how the past stages went. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DeadlineView")
    public record DeadlineView(
            @Schema(description = "TRIAGE, ACKNOWLEDGEMENT or ANSWER; absent when no stage is running") String stage,
            Instant dueAt,
            @Schema(description = "Seconds of working time left, while not overdue") Long timeLeftSeconds,
            @Schema(description = "Seconds since the deadline passed") Long overdueBySeconds,
            @Schema(description = "True while waiting for the citizen: the clock is stopped") boolean paused,
            @Schema(description = "Seconds of working time left when the clock stopped") Long pausedTimeLeftSeconds,
            @Schema(description = "Whether OSEP's triage met its deadline, once done") Boolean triageMet,
            @Schema(description = "Whether the acknowledgement met its deadline, once done") Boolean acknowledgementMet,
            @Schema(description = "Whether the answer met its deadline, once delivered") Boolean answerMet) {
    }

    /** One line of a work queue. */
    @Schema(name = "RequestSummary")
    public record RequestSummary(UUID id, String trackingCode, RequestType type, String categoryCode, Channel channel,
            String subject, RequestStatus status, UUID administrationId, String region, Instant submittedAt,
            Instant dueAt, boolean overdue) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EventView")
    public record EventView(UUID id, EventType type, Instant occurredAt, RequestStatus fromStatus,
            RequestStatus toStatus, String message, Visibility visibility,
            @Schema(description = "citizen, anonymous, osep, agent, operator or system") String actorRole,
            @Schema(description = "Staff only; never the citizen's account to the administration of an anonymous request") UUID actorId) {
    }

    /** What anyone with the tracking code sees; with the access key, also the thread and the answers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TrackingView")
    public record TrackingView(
            String trackingCode,
            @Schema(description = "Only with the access key") UUID id,
            RequestType type,
            CategoryRef category,
            RequestStatus status,
            Instant submittedAt,
            Instant updatedAt,
            Instant dueAt,
            @Schema(description = "Where the request is being handled", nullable = true) String administrationName,
            @Schema(description = "Public events; their messages only with the access key") List<EventView> timeline,
            @Schema(description = "Only with the access key") List<AnswerLookup.AnswerSummary> answers) {
    }
}
