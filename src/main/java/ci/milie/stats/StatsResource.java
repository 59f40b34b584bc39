package ci.milie.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ci.milie.common.Caller;
import ci.milie.common.Params;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.directory.RequestType;
import ci.milie.request.Channel;

@Path("/stats")
@Produces({ MediaType.APPLICATION_JSON, StatsCsv.MEDIA_TYPE })
@Tag(name = "Statistics")
@RolesAllowed({ Roles.SUPERVISOR, Roles.OSEP, Roles.AGENT })
public class StatsResource {

    // The filters every staff figure takes, described once: the same words for the same parameter.
    static final String FROM = "Start of the period, inclusive: an ISO-8601 date (from its midnight, UTC = Abidjan "
            + "time) or instant; default the midnight (UTC) 30 days before to";
    static final String TO = "End of the period: an ISO-8601 date, inclusive (the whole day counts), or an instant, "
            + "exclusive; default now";
    static final String ADMINISTRATION = "Only the requests of this administration (id); an agent may name their own "
            + "only, and sees it without naming it";
    static final String CATEGORY = "Only the requests of this category, by code (as in the category list), such as "
            + "ETAT-CIVIL; an unknown code is 400";
    static final String TYPE = "Only the requests of this type";
    static final String CHANNEL = "Only the requests received through this channel";
    static final String REGION = "Only the requests located in this region, as written in their location (exact "
            + "match, at most 100 characters)";
    static final String CSV = "JSON, or CSV with Accept: text/csv.";

    private final StatsService stats;
    private final Caller caller;
    private final Clock clock;

    StatsResource(StatsService stats, Caller caller, Clock clock) {
        this.stats = stats;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/overview")
    @Operation(summary = "Requests received (by type, channel, category, region), answered, closed and rejected in a "
            + "period; open backlog and overdue now",
            description = "Supervisors and OSEP see the platform or any administration; an agent sees only their "
                    + "administration's figures (another administration is 404). " + CSV)
    @APIResponse(responseCode = "200", description = "The overview", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsOverview.class),
                    examples = @ExampleObject(name = "figures", value = StatsExamples.STATS_OVERVIEW)),
            @Content(mediaType = StatsCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such administration, or not the agent's")
    public Response getStatsOverview(
            @QueryParam("from") @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING),
                    example = "2026-10-01") String from,
            @QueryParam("to") @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING),
                    example = "2026-12-31") String to,
            @QueryParam("administrationId") @Parameter(description = ADMINISTRATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String administrationId,
            @QueryParam("categoryCode") @Parameter(description = CATEGORY, example = "ETAT-CIVIL") String categoryCode,
            @QueryParam("type") @Parameter(description = TYPE, schema = @Schema(implementation = RequestType.class)) String type,
            @QueryParam("channel") @Parameter(description = CHANNEL, schema = @Schema(implementation = Channel.class)) String channel,
            @QueryParam("region") @Parameter(description = REGION, example = "Abidjan") String region,
            @Context HttpHeaders headers) {
        StatsOverview overview = stats.overview(filter(from, to, administrationId, categoryCode, type, channel, region),
                caller);
        return StatsParams.wantsCsv(headers) ? StatsCsv.response(StatsCsv.overview(overview), "overview")
                : Response.ok(overview, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/administrations")
    @Operation(summary = "Per administration: volumes, times to acknowledge and answer in working days (median, 90th "
            + "percentile), deadlines met, handbacks, re-routings and satisfaction",
            description = "Same filters and scoping as the overview. " + CSV)
    @APIResponse(responseCode = "200", description = "One row per administration with activity in the period", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdministrationStatsReport.class),
                    examples = @ExampleObject(name = "figures", value = StatsExamples.ADMINISTRATIONS)),
            @Content(mediaType = StatsCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such administration, or not the agent's")
    public Response getAdministrationStats(
            @QueryParam("from") @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING),
                    example = "2026-10-01") String from,
            @QueryParam("to") @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING),
                    example = "2026-12-31") String to,
            @QueryParam("administrationId") @Parameter(description = ADMINISTRATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String administrationId,
            @QueryParam("categoryCode") @Parameter(description = CATEGORY, example = "ETAT-CIVIL") String categoryCode,
            @QueryParam("type") @Parameter(description = TYPE, schema = @Schema(implementation = RequestType.class)) String type,
            @QueryParam("channel") @Parameter(description = CHANNEL, schema = @Schema(implementation = Channel.class)) String channel,
            @QueryParam("region") @Parameter(description = REGION, example = "Abidjan") String region,
            @Context HttpHeaders headers) {
        AdministrationStatsReport report = stats.administrations(
                filter(from, to, administrationId, categoryCode, type, channel, region), caller);
        return StatsParams.wantsCsv(headers) ? StatsCsv.response(StatsCsv.administrations(report), "administrations")
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/categories")
    @Operation(summary = "Per category: volumes, times to acknowledge and answer in working days (median, 90th "
            + "percentile), deadlines met and satisfaction",
            description = "Same filters and scoping as the overview (an agent sees the categories of their "
                    + "administration's requests). " + CSV)
    @APIResponse(responseCode = "200", description = "One row per category with activity in the period", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryStatsReport.class),
                    examples = @ExampleObject(name = "figures", value = StatsExamples.CATEGORIES)),
            @Content(mediaType = StatsCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such administration, or not the agent's")
    public Response getCategoryStats(
            @QueryParam("from") @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING),
                    example = "2026-10-01") String from,
            @QueryParam("to") @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING),
                    example = "2026-12-31") String to,
            @QueryParam("administrationId") @Parameter(description = ADMINISTRATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String administrationId,
            @QueryParam("categoryCode") @Parameter(description = CATEGORY, example = "ETAT-CIVIL") String categoryCode,
            @QueryParam("type") @Parameter(description = TYPE, schema = @Schema(implementation = RequestType.class)) String type,
            @QueryParam("channel") @Parameter(description = CHANNEL, schema = @Schema(implementation = Channel.class)) String channel,
            @QueryParam("region") @Parameter(description = REGION, example = "Abidjan") String region,
            @Context HttpHeaders headers) {
        CategoryStatsReport report = stats.categories(
                filter(from, to, administrationId, categoryCode, type, channel, region), caller);
        return StatsParams.wantsCsv(headers) ? StatsCsv.response(StatsCsv.categories(report), "categories")
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/timeseries")
    @Operation(summary = "Received, answered and average rating per day, week or month",
            description = "Same filters and scoping as the overview; every bucket of the period is listed, empty "
                    + "ones with zeros. At most 400 buckets (else 400 naming interval). " + CSV)
    @APIResponse(responseCode = "200", description = "One point per bucket, oldest first", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeSeries.class),
                    examples = @ExampleObject(name = "figures", value = StatsExamples.TIME_SERIES)),
            @Content(mediaType = StatsCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such administration, or not the agent's")
    public Response getTimeSeries(
            @QueryParam("interval") @DefaultValue("day") @Parameter(description = "Bucket size: day, week (Monday to "
                    + "Sunday) or month, UTC", schema = @Schema(enumeration = { "day", "week", "month" })) String interval,
            @QueryParam("from") @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING),
                    example = "2026-10-01") String from,
            @QueryParam("to") @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING),
                    example = "2026-12-31") String to,
            @QueryParam("administrationId") @Parameter(description = ADMINISTRATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String administrationId,
            @QueryParam("categoryCode") @Parameter(description = CATEGORY, example = "ETAT-CIVIL") String categoryCode,
            @QueryParam("type") @Parameter(description = TYPE, schema = @Schema(implementation = RequestType.class)) String type,
            @QueryParam("channel") @Parameter(description = CHANNEL, schema = @Schema(implementation = Channel.class)) String channel,
            @QueryParam("region") @Parameter(description = REGION, example = "Abidjan") String region,
            @Context HttpHeaders headers) {
        if (!java.util.List.of("day", "week", "month").contains(interval)) {
            throw ProblemException.invalid("interval", "field.interval");
        }
        StatsFilter filter = filter(from, to, administrationId, categoryCode, type, channel, region);
        long buckets = StatsParams.buckets(filter.from(), filter.to(), interval);
        if (buckets > StatsParams.MAX_BUCKETS) {
            throw ProblemException.invalid("interval", "field.tooManyBuckets", buckets, filter.from().toString(),
                    filter.to().toString(), StatsParams.MAX_BUCKETS);
        }
        TimeSeries series = stats.series(filter, interval, caller);
        return StatsParams.wantsCsv(headers) ? StatsCsv.response(StatsCsv.series(series), "timeseries")
                : Response.ok(series, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/administrations/{id}/quarterly")
    @Operation(summary = "Quarterly report of one administration: every figure for the quarter, the previous quarter "
            + "beside it",
            description = "Supervisors and OSEP for any administration; an agent for their own (another is 404). "
                    + "JSON, or CSV with Accept: text/csv (one row per figure, one column per quarter).")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuarterlyReport.class),
                    examples = @ExampleObject(name = "figures", value = StatsExamples.QUARTERLY)),
            @Content(mediaType = StatsCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such administration, or not the agent's")
    public Response getQuarterlyReport(
            @PathParam("id") @Parameter(description = "The administration's id",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id,
            @QueryParam("quarter") @Parameter(description = "The quarter, as YYYY-Qn; default the current quarter",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-Q[1-4]$"), example = "2026-Q4") String quarter,
            @Context HttpHeaders headers) {
        UUID administration = Params.uuid(id, "id");
        Quarter q = quarter == null || quarter.isBlank() ? Quarter.of(clock.instant()) : Quarter.parse(quarter, "quarter");
        QuarterlyReport report = stats.quarterly(administration, q, caller);
        return StatsParams.wantsCsv(headers) ? StatsCsv.response(StatsCsv.quarterly(report), "quarterly-" + q)
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private StatsFilter filter(String from, String to, String administrationId, String categoryCode, String type,
            String channel, String region) {
        Instant[] period = StatsParams.period(from, to, clock);
        UUID administration = Params.uuid(administrationId, "administrationId");
        RequestType requestType = Params.enumValue(type, RequestType.class, "type");
        Channel requestChannel = Params.enumValue(channel, Channel.class, "channel");
        UUID category = categoryCode == null || categoryCode.isBlank() ? null
                : stats.categoryId(categoryCode.strip())
                        .orElseThrow(() -> ProblemException.invalid("categoryCode", "field.unknownCategoryCode"));
        return new StatsFilter(period[0], period[1], administration, category,
                requestType == null ? null : requestType.name(), requestChannel == null ? null : requestChannel.name(),
                StatsParams.region(region));
    }

}
