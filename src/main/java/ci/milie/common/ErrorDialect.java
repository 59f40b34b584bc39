package ci.milie.common;

/**
 * A protocol served under its own paths whose errors are not problem+json (Open311 GeoReport v2).
 * Every client error answered there — by a resource, a mapper, or the router's own handlers before
 * the REST layer (a body, a URL or headers too large, an origin refused) — is written its way
 * ({@link ErrorDialects}); server errors stay problem+json.
 */
public interface ErrorDialect {

    /** A body and its media type. */
    record Written(String mediaType, String body) {
    }

    /** Whether this dialect answers for the path (raw, as requested). */
    boolean serves(String path);

    /** The problem, as this dialect says it on this path. */
    Written write(String path, ProblemDetail problem);
}
