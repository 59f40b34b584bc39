package ci.milie.common;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses query parameters by hand: JAX-RS answers 404 when a query parameter does not convert,
 * where a client deserves a 400 naming the parameter.
 */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
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
        throw ProblemException.invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(external).collect(Collectors.joining(", ")));
    }

    public static Boolean bool(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }
}
