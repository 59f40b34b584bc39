package ci.milie.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(description = "What the document leaves out, and why, in French and in English") Notes notes) {

    public static final String FORMAT = "milie-export/1";

    @Schema(name = "DataExportScope")
    public enum Scope {
        ACCOUNT, CONTACT, REQUEST
    }

    @Schema(name = "DataExportAccount")
    public record Account(UUID id, String email, String phone, String fullName, String preferredLanguage,
            Instant createdAt, Instant lastLoginAt) {
    }

    @Schema(name = "DataExportRequest")
    public record Request(UUID id, String trackingCode, String type, Category category, String channel, String subject,
            String description, String region, String locality, Double latitude, Double longitude, Contact contact,
            boolean anonymous, String status, Instant submittedAt, Instant closedAt,
            @Schema(description = "The current deadline, if one runs") Instant dueAt,
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
    public record Contact(String name, String email, String phone, String language) {
    }

    @Schema(name = "DataExportEvent")
    public record Event(String type, Instant occurredAt, String fromStatus, String toStatus, String message,
            @Schema(description = "Whether the citizen did it") boolean byCitizen) {
    }

    @Schema(name = "DataExportAnswer")
    public record Answer(String text, Instant deliveredAt,
            @Schema(description = "Ids of the files joined to this answer, among the request's attachments") List<UUID> attachmentIds) {
    }

    @Schema(name = "DataExportRating")
    public record Rating(int rating, boolean satisfied, Integer clarity, Integer speed, Integer courtesy, String comment,
            Instant submittedAt) {
    }

    @Schema(name = "DataExportAttachment")
    public record Attachment(UUID id, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, Instant uploadedAt,
            @Schema(description = "The file, base64; null past the export's size limit", nullable = true) String content,
            @Schema(description = "Where this caller downloads the file when its content is not inline", nullable = true)
            String downloadPath) {
    }

    @Schema(name = "DataExportMessage")
    public record Message(String channel, String recipient, String kind, String subject, String status,
            Instant createdAt, Instant sentAt) {
    }

    @Schema(name = "DataExportNotes")
    public record Notes(String fr, String en) {
    }
}
