package ci.milie.notification;

/**
 * The messages Miliê sends to citizens, each a Qute template in French and English, for e-mail
 * (subject and text) and SMS (short text). The values each template reads are listed here. A value
 * named {@code …Url} is one of our links (under {@code milie.front-end.base-url}); any other text is
 * shown defused, never as a link.
 */
public enum MessageKind {
    /** code, minutes */
    OTP_CODE,
    /** code, minutes: confirms an export or an erasure of the citizen's data (not a sign-in) */
    PRIVACY_CODE,
    /** trackingCode, subject, trackingUrl (carries the access key) */
    RECEIPT,
    /** trackingCode, question, trackingUrl */
    INFORMATION_REQUESTED,
    /** trackingCode, reasonCode, message, trackingUrl */
    REJECTED,
    /** trackingCode, subject, answer, trackingUrl, ratingUrl */
    ANSWER_DELIVERED,
    /** To OSEP and the administration: trackingCode, subject, reason, reopenCount */
    REQUEST_REOPENED,
    /** To the side responsible for the current stage: trackingCode, subject, stage, dueAt */
    DEADLINE_REMINDER,
    /** To the administration, then OSEP's supervisors: trackingCode, subject, stage, dueAt, level */
    DEADLINE_MISSED,
    /** To an integration client's technical contact: clientName, webhookId, reasonCode (GONE or FAILURES), failures */
    WEBHOOK_DISABLED,
    /** No values: confirms STOP; with the codes, the only SMS an opted-out number still gets (SmsOptOuts) */
    SMS_OPTED_OUT,
    /** No values: confirms START */
    SMS_OPTED_IN,
    /**
     * A reply to a command texted to the short code (channel.SmsCommands), SMS only: its text is
     * written by the caller from messages/texts (sms.reply.*), not from a template (see Outbox#reply)
     */
    SMS_REPLY,
    /** A push notification to a citizen's device (PUSH channel only): texts in messages/push_{fr,en}, see PushTexts */
    PUSH;

    /** The kinds that go to staff (administrations, OSEP), never to a citizen. */
    public static final java.util.Set<MessageKind> TO_STAFF = java.util.EnumSet.of(REQUEST_REOPENED, DEADLINE_REMINDER,
            DEADLINE_MISSED, WEBHOOK_DISABLED);

    /**
     * Whether a message of this kind is sent to a number that opted out of SMS: the opt-out's
     * confirmation, and the codes the citizen asked for this minute (signing in, confirming an
     * export or an erasure), which STOP did not mean to refuse. Nothing Miliê sends unasked.
     */
    public boolean reachesOptedOut() {
        return this == SMS_OPTED_OUT || this == OTP_CODE || this == PRIVACY_CODE;
    }

    /** The kinds rendered from templates (e-mail and SMS): all but PUSH and SMS_REPLY. */
    public static java.util.List<MessageKind> templated() {
        return java.util.Arrays.stream(values()).filter(kind -> kind != PUSH && kind != SMS_REPLY).toList();
    }

    /** The kinds a text message may be of: all but PUSH. */
    public static java.util.List<MessageKind> sentBySms() {
        return java.util.Arrays.stream(values()).filter(kind -> kind != PUSH).toList();
    }

    /** The names of the kinds that go to citizens, as stored in {@code outbox_message.kind}. */
    public static java.util.List<String> toCitizens() {
        return java.util.Arrays.stream(values()).filter(kind -> !TO_STAFF.contains(kind)).map(Enum::name).toList();
    }
}
