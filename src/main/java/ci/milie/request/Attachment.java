package ci.milie.request;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ci.milie.request.FileTypes.FileType;

/**
 * A file joined to a request: its metadata, and its bytes either in {@code content} or in a file
 * of the attachments directory named by {@code storagePath} (see {@link AttachmentStorage}).
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    private UUID id;
    @Column(name = "request_id")
    private UUID requestId;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;
    @Column(name = "storage_path")
    private String storagePath;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected Attachment() {
    }

    Attachment(UUID requestId, FileType type, String fileName, long sizeBytes, String sha256, String uploadedBy,
            Instant uploadedAt) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.contentType = type.mediaType();
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    void keepContent(byte[] bytes) {
        this.content = bytes;
        this.storagePath = null;
    }

    void storedAt(String path) {
        this.storagePath = path;
        this.content = null;
    }

    AttachmentView view() {
        return new AttachmentView(id, fileName, contentType, sizeBytes, sha256, uploadedAt, uploadedBy);
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    byte[] content() {
        return content;
    }

    String storagePath() {
        return storagePath;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
