package ci.milie.integration;

import java.time.Duration;

/** Why {@link ClientCredentials} issues no token; {@link TokenResource} writes it as RFC 6749 asks. */
class TokenRefused extends RuntimeException {

    private final int status;
    private final String error;
    private final boolean basic;
    private final Duration retryAfter;

    private TokenRefused(int status, String error, String description, boolean basic, Duration retryAfter) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.basic = basic;
        this.retryAfter = retryAfter;
    }

    static TokenRefused request(String error, String description) {
        return new TokenRefused(400, error, description, false, null);
    }

    /** A client that authenticated with the Authorization header is told 401 and how to authenticate (§5.2). */
    static TokenRefused client(boolean basic) {
        return new TokenRefused(basic ? 401 : 400, "invalid_client", "Client authentication failed", basic, null);
    }

    static TokenRefused tooMany(Duration retryAfter) {
        return new TokenRefused(429, "invalid_request", "Too many token requests from this address; try again later",
                false, retryAfter);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    boolean basic() {
        return basic;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
