package ci.milie.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import ci.milie.common.Params;
import ci.milie.common.ProblemException;

/** Query parameters shared by the statistics endpoints, parsed into 400s that name the parameter. */
final class StatsParams {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    /** The most points a time series lists, whatever its interval. */
    static final int MAX_BUCKETS = 400;
    private static final MediaType CSV = MediaType.valueOf(StatsCsv.MEDIA_TYPE);

    private StatsParams() {
    }

    /**
     * {@code [from, to)}: each an ISO-8601 instant or date (a date {@code to} includes that whole
     * day, UTC = Abidjan time); by default from the midnight 30 days before {@code to} (UTC) up to
     * {@code to}, now unless given: the rolled-up days then cover all but the last, partial one (a
     * partial first day was computed from the requests at each call: 70 ms of 300 at 5M requests).
     */
    static Instant[] period(String from, String to, Clock clock) {
        Instant end = to == null || to.isBlank() ? clock.instant() : Params.instant(to, "to", true);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_PERIOD).truncatedTo(ChronoUnit.DAYS) : Params.instant(from, "from", false);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "field.fromBeforeTo");
        }
        return new Instant[] { start, end };
    }

    /**
     * The period widened to whole days (UTC = Abidjan time): {@code from} back to its midnight,
     * {@code to} (exclusive) on to the next one unless it is a midnight already. Anonymous readers
     * sending instants a second apart then share one cached computation instead of one each.
     */
    static Instant[] wholeDays(Instant[] period) {
        Instant start = period[0].truncatedTo(ChronoUnit.DAYS);
        Instant end = period[1].truncatedTo(ChronoUnit.DAYS);
        if (end.isBefore(period[1])) {
            end = end.plus(1, ChronoUnit.DAYS);
        }
        return new Instant[] { start, end };
    }

    /** How many day, week or month buckets (UTC) the period {@code [from, to)} touches. */
    static long buckets(Instant from, Instant to, String interval) {
        java.time.LocalDate first = java.time.LocalDate.ofInstant(from, java.time.ZoneOffset.UTC);
        java.time.LocalDate last = java.time.LocalDate.ofInstant(to.minusNanos(1), java.time.ZoneOffset.UTC);
        return switch (interval) {
            case "day" -> java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
            case "week" -> java.time.temporal.ChronoUnit.WEEKS.between(
                    first.with(java.time.DayOfWeek.MONDAY), last.with(java.time.DayOfWeek.MONDAY)) + 1;
            default -> java.time.temporal.ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1)) + 1;
        };
    }

    static String region(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.strip().length() > 100) {
            throw ProblemException.invalid("region", "field.atMostCharacters", 100);
        }
        return raw.strip();
    }

    /** Whether the client prefers CSV to JSON; anything else, including no Accept header, gets JSON. */
    static boolean wantsCsv(HttpHeaders headers) {
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        for (MediaType type : acceptable) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(CSV)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
