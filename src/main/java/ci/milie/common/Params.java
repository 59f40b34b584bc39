package ci.milie.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses query parameters by hand: JAX-RS answers 404 when a query parameter does not convert,
 * where a client deserves a 400 naming the parameter.
 */
public final class Params {

    /** Dates outside these years are typing mistakes or probes, and some do not fit PostgreSQL. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private Params() {
    }

    /**
     * An ISO-8601 instant or date (a date is the start of that day, UTC = Abidjan time, or the start
     * of the next day when {@code dateMeansEndOfDay}), in the years {@value #FIRST_YEAR} to
     * {@value #LAST_YEAR}; null when absent.
     */
    public static Instant instant(String raw, String name, boolean dateMeansEndOfDay) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            try {
                LocalDate date = LocalDate.parse(raw.trim());
                instant = (dateMeansEndOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException again) {
                throw ProblemException.invalid(name, "field.dateOrInstant");
            }
        }
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR + (dateMeansEndOfDay ? 1 : 0)) {
            throw ProblemException.invalid(name, "field.years", FIRST_YEAR, LAST_YEAR);
        }
        return instant;
    }

    public static UUID uuid(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "field.uuid");
        }
    }

    public static <E extends Enum<E>> E enumValue(String raw, Class<E> type, String name) {
        return enumValue(raw, type, name, Enum::name);
    }

    /** Matches {@code raw} against each constant's external name (its JSON form). */
    public static <E extends Enum<E>> E enumValue(String raw, Class<E> type, String name, Function<E, String> external) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (external.apply(constant).equals(raw.trim())) {
                return constant;
            }
        }
        throw ProblemException.invalid(name, "field.oneOf", Arrays.stream(type.getEnumConstants())
                .map(external).collect(Collectors.joining(", ")));
    }

    public static Boolean bool(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "field.boolean");
        };
    }
}
