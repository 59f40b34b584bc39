package ci.milie.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import ci.milie.common.ProblemException;

/** Query parameters shared by the statistics endpoints, parsed into 400s that name the parameter. */
final class StatsParams {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final MediaType CSV = MediaType.valueOf(StatsCsv.MEDIA_TYPE);

    private StatsParams() {
    }

    /**
     * {@code [from, to)}: each an ISO-8601 instant or date (a date {@code to} includes that whole
     * day, UTC = Abidjan time); by default the last 30 days up to now.
     */
    static Instant[] period(String from, String to, Clock clock) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant(to, "to", true);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_PERIOD) : instant(from, "from", false);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "must be before to");
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

    private static Instant instant(String raw, String name, boolean endOfDay) {
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            try {
                LocalDate date = LocalDate.parse(raw.trim());
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw ProblemException.invalid(name, "must be an ISO-8601 date or instant");
            }
        }
    }

    static String region(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.strip().length() > 100) {
            throw ProblemException.invalid("region", "must be at most 100 characters");
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
