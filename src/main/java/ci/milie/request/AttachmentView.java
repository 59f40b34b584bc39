package ci.milie.request;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A file of a request, as listed; its bytes are at {@code GET /requests/{id}/attachments/{attachmentId}}. */
@Schema(name = "AttachmentView")
public record AttachmentView(
        UUID id,
        @Schema(description = "Display name: the uploaded name without path or control characters, ending in the real type's extension. "
                + "On an anonymous request the administration sees the files it did not join itself as piece-jointe.<extension>") String fileName,
        @Schema(description = "Decided from the file's first bytes", enumeration = { "image/jpeg", "image/png", "application/pdf" }) String contentType,
        @Schema(description = "Size in bytes") long size,
        @Schema(description = "SHA-256 of the bytes, hexadecimal") String sha256,
        Instant uploadedAt,
        @Schema(description = "Role of the uploader: citizen (with a token or the access key), or the staff role",
                enumeration = { Views.ACTOR_CITIZEN, Views.ACTOR_ANONYMOUS, Views.ACTOR_OPERATOR, Views.ACTOR_OSEP, Views.ACTOR_AGENT,
                        Views.ACTOR_SUPERVISOR, Views.ACTOR_SYSADMIN, Views.ACTOR_SYSTEM, Views.ACTOR_INTEGRATION }) String uploadedBy) {
}
