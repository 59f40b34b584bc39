package ci.milie.request;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.Limit;
import ci.milie.common.ProblemException;
import ci.milie.common.RateLimiter;

/**
 * Guessing limits on the secrets that open a request without a token: wrong access keys, counted
 * per request (its tracking code, or its id on the endpoints that name it) and per client
 * address, and unknown tracking codes per address. Only failures are written; a right key is
 * checked against the counters only when this instance saw failures for it lately.
 */
@ApplicationScoped
class KeyAttempts {

    private final RateLimiter limiter;

    KeyAttempts(RateLimiter limiter) {
        this.limiter = limiter;
    }

    static boolean given(String accessKey) {
        return accessKey != null && !accessKey.isBlank();
    }

    /** Before a key is checked for {@code target}: 429 if that request or this client failed too often. */
    void beforeKey(String target) {
        limiter.beforeAttempt(Limit.ACCESS_KEY_PER_ADDRESS, limiter.client());
        limiter.beforeAttempt(Limit.ACCESS_KEY_PER_CODE, target);
    }

    /** A wrong key for {@code target} (or no such request): counted on both; 429 if one too many. */
    void wrongKey(String target) {
        ProblemException refused = null;
        try {
            limiter.failed(Limit.ACCESS_KEY_PER_ADDRESS, limiter.client());
        } catch (ProblemException e) {
            refused = e;
        }
        try {
            limiter.failed(Limit.ACCESS_KEY_PER_CODE, target);
        } catch (ProblemException e) {
            refused = refused == null ? e : refused;
        }
        if (refused != null) {
            throw refused;
        }
    }

    /** Before a tracking code is looked up: 429 if this client tried too many unknown codes. */
    void beforeCode() {
        limiter.beforeAttempt(Limit.TRACKING_CODE_PER_ADDRESS, limiter.client());
    }

    /** A well-formed tracking code that names no request; 429 if one too many. */
    void unknownCode() {
        limiter.failed(Limit.TRACKING_CODE_PER_ADDRESS, limiter.client());
    }
}
