package ci.milie.notification;

/** Sends one text message to an E.164 phone number. Implementations throw when delivery fails. */
public interface SmsSender {

    void send(String to, String text);

    /** The gateway refused or could not be reached; the caller decides whether to retry. */
    class SmsDeliveryException extends RuntimeException {
        public SmsDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
