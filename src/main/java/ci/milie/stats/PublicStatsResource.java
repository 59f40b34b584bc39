package ci.milie.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import ci.milie.common.Limit;
import ci.milie.common.RateLimiter;

@Path("/public/stats")
@Produces({ MediaType.APPLICATION_JSON, StatsCsv.MEDIA_TYPE })
@Tag(name = "Statistics")
public class PublicStatsResource {

    /** As long as the roll-up may lag behind for past days (milie.stats.rollup-interval). */
    static final int CACHE_SECONDS = 300;

    private final StatsService stats;
    private final RateLimiter limiter;
    private final Clock clock;

    PublicStatsResource(StatsService stats, RateLimiter limiter, Clock clock) {
        this.stats = stats;
        this.limiter = limiter;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Operation(summary = "Open data: per administration and per category, requests received and answered, median "
            + "time to answer, share within deadline, average rating and share satisfied; rankings of administrations",
            description = "No token. No personal data and no request text; any figure resting on fewer than 5 "
                    + "requests (or ratings) is null and named in withheld. Periods are whole days (UTC, Abidjan time): "
                    + "from and to in the answer say which days were counted. JSON, or CSV with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The open data for the period", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicStats.class),
                    examples = @ExampleObject(name = "open data", value = StatsExamples.PUBLIC_STATS)),
            @Content(mediaType = StatsCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many reads from this address; try again after "
            + "Retry-After seconds")
    public Response getPublicStats(
            @QueryParam("from") @Parameter(description = "Start of the period, inclusive: an ISO-8601 date or instant, "
                    + "taken back to its day's start (UTC = Abidjan time); default 30 days before to",
                    schema = @Schema(type = SchemaType.STRING), example = "2026-10-01") String from,
            @QueryParam("to") @Parameter(description = "End of the period: an ISO-8601 date, inclusive (the whole day "
                    + "counts), or an instant, exclusive, taken on to the next midnight UTC unless it is one; default "
                    + "today (whole day)", schema = @Schema(type = SchemaType.STRING), example = "2026-12-31") String to,
            @Context HttpHeaders headers) {
        limiter.hit(Limit.PUBLIC_STATS_PER_ADDRESS, limiter.client());
        // By default whole days, the 30 up to today included: the same period all day long, so that
        // every reader shares one computation (see StatsService.publicStats).
        String end = to == null || to.isBlank() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString() : to;
        Instant[] period = StatsParams.wholeDays(StatsParams.period(from, end, clock));
        PublicStats open = stats.publicStats(StatsFilter.period(period[0], period[1]));
        Response response = StatsParams.wantsCsv(headers) ? StatsCsv.response(StatsCsv.publicStats(open), "public-stats")
                : Response.ok(open, MediaType.APPLICATION_JSON_TYPE).build();
        // The same for every reader: browsers and the transparency page's CDN may keep it a while.
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "public, max-age=" + CACHE_SECONDS);
        return response;
    }
}
