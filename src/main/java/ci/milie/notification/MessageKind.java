package ci.milie.notification;

/**
 * The messages Miliê sends to citizens, each a Qute template in French and English, for e-mail
 * (subject and text) and SMS (short text). The values each template reads are listed here. A value
 * named {@code …Url} is one of our links (under {@code milie.public-base-url}); any other text is
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
    DEADLINE_MISSED
}
