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
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
@Tag(name = "Work queues", description = "Staff's lists of requests, scoped by role and filtered")
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
            + "operators look a request up by tracking code and caller's phone",
            description = "The requests the caller may list, filtered (every filter narrows: they combine with AND), "
                    + "one page at a time: follow nextCursor until it is null. OSEP and supervisors list every request; "
                    + "an agent only those routed to their administration; an operator must send trackingCode and phone "
                    + "and gets at most that one request. Filters name parameters as the statistics do (categoryCode, "
                    + "type, administrationId, from, to: a date `to` includes that whole day). A malformed filter is a "
                    + "400 VALIDATION_FAILED naming it; citizens get 403 (their own list is GET /api/v1/me/requests). "
                    + "Each item names its category (labels) and the administration in charge (null until routed). No "
                    + "total, by design: counting everything a filter matches would read every matching request on each "
                    + "page (tens of thousands for a national overdue queue, or a text search), where a page reads one "
                    + "index range; the counts a dashboard shows come from GET /api/v1/stats.")
    @APIResponse(responseCode = "200", description = "One page of request summaries, newest first unless sorted by dueAt",
            content = @Content(schema = @Schema(implementation = RequestPage.class)))
    public Page<Views.RequestSummary> listWorkQueue(
            @Parameter(description = "Only requests in one of these statuses; repeat the parameter for several "
                    + "(?status=ROUTED&status=IN_PROGRESS)", explode = Explode.TRUE, style = ParameterStyle.FORM,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RequestStatus.class))
            @QueryParam("status") List<String> status,
            @QueryParam("type") @Parameter(description = "Only requests of this type",
                    schema = @Schema(implementation = RequestType.class)) String type,
            @QueryParam("categoryCode") @Parameter(description = "Only requests of this category, by its code "
                    + "(an unknown or inactive code is a 400)", example = "ETAT-CIVIL") String categoryCode,
            @QueryParam("administrationId") @Parameter(description = "Only requests routed to this administration",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String administrationId,
            @QueryParam("channel") @Parameter(description = "Only requests received through this channel",
                    schema = @Schema(implementation = Channel.class)) String channel,
            @QueryParam("region") @Parameter(description = "Only requests from this region (exact, case-insensitive)",
                    example = "Abidjan") String region,
            @QueryParam("from") @Parameter(description = "Submitted at or after: ISO-8601 instant, or date (from the start of that day, UTC)",
                    example = "2026-11-01") String from,
            @QueryParam("to") @Parameter(description = "Submitted before this ISO-8601 instant (exclusive), or up to this "
                    + "date (inclusive: the whole day, UTC)", example = "2026-11-30") String to,
            @QueryParam("overdue") @Parameter(description = "true: only requests past their current stage's deadline; "
                    + "false: only those within it", schema = @Schema(implementation = Boolean.class)) String overdue,
            @QueryParam("dueBefore") @Parameter(description = "Only requests whose current stage is due before this ISO-8601 "
                    + "instant (or the start of this date, UTC)", example = "2026-12-01T00:00:00Z") String dueBefore,
            @QueryParam("q") @Parameter(description = "Full-text search in subject and description (French stemming, "
                    + "at most 200 characters); never in the citizen's contact", example = "coupure électricité") String q,
            @QueryParam("trackingCode") @Parameter(description = "Only the request with this tracking code (any case); "
                    + "operators must send it with phone", example = "MIL-7K2Q-9XPT") String trackingCode,
            @QueryParam("phone") @Parameter(description = "The citizen's phone; operators send it with trackingCode. "
                    + "For agents it matches only requests whose contact they may see: never an anonymous one",
                    example = "+2250701020304") String phone,
            @QueryParam("sort") @DefaultValue("submittedAt") @Parameter(description = "submittedAt (newest first) or dueAt (most urgent first)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "submittedAt", "dueAt" }, defaultValue = "submittedAt")) String sort,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) @Parameter(description = "Page size, 1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page; absent for the first page") String cursor) {
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
        UUID categoryId = categoryCode == null || categoryCode.isBlank() ? null : directory.activeCategory(categoryCode)
                .map(c -> c.id())
                .orElseThrow(() -> ProblemException.invalid("categoryCode", "field.unknownCategoryCode"));
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 200) {
            throw ProblemException.invalid("q", "field.atMostCharacters", 200);
        }
        String normalisedPhone = phone == null || phone.isBlank() ? null : PhoneNumbers.normalise(phone)
                .orElseThrow(() -> ProblemException.invalid("phone", "field.phone"));
        WorkQueue.Sort order = switch (sort) {
            case "submittedAt" -> WorkQueue.Sort.SUBMITTED;
            case "dueAt" -> WorkQueue.Sort.DUE;
            default -> throw ProblemException.invalid("sort", "field.sort");
        };
        var filter = new WorkQueue.Filter(statuses, Params.enumValue(type, RequestType.class, "type"), categoryId,
                Params.uuid(administrationId, "administrationId"), Params.enumValue(channel, Channel.class, "channel"),
                region == null || region.isBlank() ? null : region.strip(), Params.instant(from, "from", false),
                Params.instant(to, "to", true),
                Params.bool(overdue, "overdue"), Params.instant(dueBefore, "dueBefore", false), text, null,
                trackingCode == null || trackingCode.isBlank() ? null : TrackingCodes.normalise(trackingCode),
                normalisedPhone, false, null);
        return queues.queue(filter, order, limit, cursor, caller);
    }

    @Schema(name = "RequestPage")
    record RequestPage(List<Views.RequestSummary> items, 
            @Schema(description = "Opaque cursor of the next page; null on the last page", nullable = true) String nextCursor) {
    }
}
