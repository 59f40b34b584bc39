package ci.milie.notification;

/** Sends one text message to an E.164 phone number. Implementations throw when delivery fails. */
public interface SmsSender {

    /**
     * Hands the text to the gateway and returns the id it gave the message, which its delivery
     * receipt will name (SmsDeliveries); null when it gave none (no receipt can then be matched).
     */
    String send(String to, String text);

    /** The gateway refused or could not be reached; the caller decides whether to retry. */
    class SmsDeliveryException extends RuntimeException {
        public SmsDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
