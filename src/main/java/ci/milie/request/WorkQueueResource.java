package ci.milie.request;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.common.Page;
import ci.milie.common.Params;
import ci.milie.common.PhoneNumbers;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.directory.DirectoryQueries;
import ci.milie.directory.RequestType;

@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work queues")
public class WorkQueueResource {

    private final WorkQueueService queues;
    private final DirectoryQueries directory;
    private final Caller caller;

    WorkQueueResource(WorkQueueService queues, DirectoryQueries directory, Caller caller) {
        this.queues = queues;
        this.directory = directory;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.OSEP, Roles.SUPERVISOR, Roles.AGENT, Roles.OPERATOR })
    @Operation(summary = "Work queue, scoped by role: OSEP and supervisors see all, agents their administration's; "
            + "operators look a request up by tracking code and caller's phone")
    @APIResponse(responseCode = "200", description = "One page of requests",
            content = @Content(schema = @Schema(implementation = RequestPage.class)))
    public Page<Views.RequestSummary> listWorkQueue(
            @Parameter(description = "One or more statuses", schema = @Schema(implementation = RequestStatus.class))
            @QueryParam("status") List<String> status,
            @QueryParam("type") @Parameter(schema = @Schema(implementation = RequestType.class)) String type,
            @QueryParam("category") @Parameter(description = "Category code") String category,
            @QueryParam("administrationId") @Parameter(schema = @Schema(format = "uuid")) String administrationId,
            @QueryParam("channel") @Parameter(schema = @Schema(implementation = Channel.class)) String channel,
            @QueryParam("region") String region,
            @QueryParam("from") @Parameter(description = "Submitted at or after (ISO-8601)") String from,
            @QueryParam("to") @Parameter(description = "Submitted before (ISO-8601)") String to,
            @QueryParam("overdue") @Parameter(schema = @Schema(implementation = Boolean.class)) String overdue,
            @QueryParam("dueBefore") @Parameter(description = "Current stage due before (ISO-8601)") String dueBefore,
            @QueryParam("q") @Parameter(description = "Full-text search in subject and description (French); never in the citizen's contact") String q,
            @QueryParam("trackingCode") @Parameter(description = "Operators: with phone") String trackingCode,
            @QueryParam("phone") @Parameter(description = "The citizen's phone; operators send it with trackingCode. "
                    + "For agents it matches only requests whose contact they may see: never an anonymous one") String phone,
            @QueryParam("sort") @DefaultValue("submittedAt") @Parameter(description = "submittedAt (newest first) or dueAt (most urgent first)") String sort,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") String cursor) {
        Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        if (status != null) {
            for (String s : status) {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        statuses.add(Params.enumValue(part, RequestStatus.class, "status"));
                    }
                }
            }
        }
        UUID categoryId = category == null || category.isBlank() ? null : directory.activeCategory(category)
                .map(c -> c.id())
                .orElseThrow(() -> ProblemException.invalid("category", "is not a known category code"));
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        String normalisedPhone = phone == null || phone.isBlank() ? null : PhoneNumbers.normalise(phone)
                .orElseThrow(() -> ProblemException.invalid("phone", "must be a phone number"));
        WorkQueue.Sort order = switch (sort) {
            case "submittedAt" -> WorkQueue.Sort.SUBMITTED;
            case "dueAt" -> WorkQueue.Sort.DUE;
            default -> throw ProblemException.invalid("sort", "must be submittedAt or dueAt");
        };
        var filter = new WorkQueue.Filter(statuses, Params.enumValue(type, RequestType.class, "type"), categoryId,
                Params.uuid(administrationId, "administrationId"), Params.enumValue(channel, Channel.class, "channel"),
                region == null || region.isBlank() ? null : region.strip(), Params.instant(from, "from", false),
                Params.instant(to, "to", false),
                Params.bool(overdue, "overdue"), Params.instant(dueBefore, "dueBefore", false), text, null,
                trackingCode == null || trackingCode.isBlank() ? null : TrackingCodes.normalise(trackingCode),
                normalisedPhone, false);
        return queues.queue(filter, order, limit, cursor, caller);
    }

    @Schema(name = "RequestPage")
    record RequestPage(List<Views.RequestSummary> items, String nextCursor) {
    }
}
