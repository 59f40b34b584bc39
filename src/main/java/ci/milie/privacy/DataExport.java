package ci.milie.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.directory.RequestType;
import ci.milie.request.Channel;
import ci.milie.request.EventType;
import ci.milie.request.RequestStatus;

/**
 * The document a citizen gets when they ask for their data (law 2013-450): their account, their
 * requests with what they see of them, and the messages Miliê sent them. Its {@code format} names
 * this shape; a change that breaks a reader gets a new version.
 */
@Schema(name = "DataExport")
public record DataExport(
        @Schema(description = "The version of this document's shape", examples = "milie-export/1") String format,
        Instant exportedAt,
        @Schema(description = "ACCOUNT (a signed-in citizen), CONTACT (OSEP for a caller's e-mail or phone) or REQUEST (one request, by its access key)")
        Scope scope,
        @Schema(description = "Absent for one request by its key, or when no account has that contact", nullable = true)
        Account account,
        List<Request> requests,
        List<Message> messages,
        @Schema(description = "The devices that receive push notifications for the account or these requests (their "
                + "tokens are not shown)") List<Device> devices,
        @Schema(description = "What the document leaves out, and why, in French and in English") Notes notes) {

    public static final String FORMAT = "milie-export/1";

    @Schema(name = "DataExportScope")
    public enum Scope {
        ACCOUNT, CONTACT, REQUEST
    }

    @Schema(name = "DataExportAccount")
    public record Account(UUID id, @Schema(nullable = true) String email, @Schema(nullable = true) String phone,
            @Schema(nullable = true) String fullName, String preferredLanguage,
            Instant createdAt, @Schema(nullable = true) Instant lastLoginAt) {
    }

    @Schema(name = "DataExportRequest")
    public record Request(UUID id, String trackingCode, @Schema(implementation = RequestType.class) String type, Category category,
            @Schema(implementation = Channel.class) String channel, String subject, String description,
            @Schema(nullable = true) String region, @Schema(nullable = true) String locality,
            @Schema(nullable = true) Double latitude, @Schema(nullable = true) Double longitude, Contact contact,
            boolean anonymous, @Schema(implementation = RequestStatus.class) String status, Instant submittedAt,
            @Schema(nullable = true) Instant closedAt,
            @Schema(description = "The current deadline, if one runs", nullable = true) Instant dueAt,
            @Schema(nullable = true) String administration,
            @Schema(description = "The public events, oldest first; the administration's internal notes are withheld")
            List<Event> timeline,
            @Schema(description = "The answers delivered to the citizen") List<Answer> answers,
            List<Rating> ratings,
            @Schema(description = "The files the citizen joined; staff's working documents are withheld") List<Attachment> attachments) {
    }

    @Schema(name = "DataExportCategory")
    public record Category(String code, String labelFr, String labelEn) {
    }

    @Schema(name = "DataExportContact")
    public record Contact(@Schema(nullable = true) String name, @Schema(nullable = true) String email,
            @Schema(nullable = true) String phone, String language) {
    }

    @Schema(name = "DataExportEvent")
    public record Event(@Schema(implementation = EventType.class) String type, Instant occurredAt,
            @Schema(nullable = true) RequestStatus fromStatus, @Schema(nullable = true) RequestStatus toStatus, @Schema(nullable = true) String message,
            @Schema(description = "Whether the citizen did it") boolean byCitizen) {
    }

    @Schema(name = "DataExportAnswer")
    public record Answer(String text, Instant deliveredAt,
            @Schema(description = "Ids of the files joined to this answer, among the request's attachments") List<UUID> attachmentIds) {
    }

    @Schema(name = "DataExportRating")
    public record Rating(int rating, boolean satisfied, @Schema(nullable = true) Integer clarity,
            @Schema(nullable = true) Integer speed, @Schema(nullable = true) Integer courtesy,
            @Schema(nullable = true) String comment, Instant submittedAt) {
    }

    @Schema(name = "DataExportAttachment")
    public record Attachment(UUID id, String fileName, String contentType, long sizeBytes, String sha256,
            @Schema(description = "Always citizen: the export lists the files the citizen joined", enumeration = "citizen") String uploadedBy,
            Instant uploadedAt,
            @Schema(description = "The file, base64; null past the export's size limit", nullable = true) String content,
            @Schema(description = "Where this caller downloads the file when its content is not inline", nullable = true)
            String downloadPath) {
    }

    @Schema(name = "DataExportMessage")
    public record Message(@Schema(enumeration = { "EMAIL", "SMS", "PUSH" }) String channel, String recipient,
            @Schema(description = "What the message was about", examples = "RECEIPT") String kind,
            @Schema(description = "E-mails only", nullable = true) String subject,
            @Schema(enumeration = { "PENDING", "SENDING", "SENT", "FAILED" }) String status,
            Instant createdAt, @Schema(nullable = true) Instant sentAt) {
    }

    @Schema(name = "DataExportDevice")
    public record Device(@Schema(enumeration = { "ANDROID", "IOS", "WEB" }) String platform, String appVersion,
            @Schema(enumeration = { "fr", "en" }) String language, Instant createdAt, Instant lastSeenAt) {
    }

    @Schema(name = "DataExportNotes")
    public record Notes(String fr, String en) {
    }
}
