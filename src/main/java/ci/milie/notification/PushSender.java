package ci.milie.notification;

import java.time.Duration;
import java.util.Map;

/** Sends one notification to one device token. Implementations throw when delivery fails, saying what to do next. */
public interface PushSender {

    void send(String token, PushMessage message);

    /** What a device shows (title, body) and what the app reads (data: event, trackingCode, status). */
    record PushMessage(String title, String body, Map<String, String> data) {
    }

    /** The provider refused or could not be reached. */
    class PushDeliveryException extends RuntimeException {

        public enum Verdict {
            /** Try again later (server error, throttled, unreachable), not before {@code retryAfter} if given. */
            RETRY,
            /** The message itself was refused (400): sending it again would fail the same way. */
            REJECTED,
            /** The token is no longer valid (the app was uninstalled or its token renewed): forget the device. */
            UNREGISTERED
        }

        private final Verdict verdict;
        private final Duration retryAfter;

        public PushDeliveryException(Verdict verdict, String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.verdict = verdict;
            this.retryAfter = retryAfter;
        }

        public Verdict verdict() {
            return verdict;
        }

        /** The provider's Retry-After, or null. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
