package ci.milie.request;

/**
 * Where the bytes of attachments live: in the attachment row (the default) or in a directory
 * ({@code milie.attachments.directory}); {@link AttachmentStorageProducer} picks one from the
 * configuration. Both are called inside the transaction that saves (or deletes) the attachment.
 */
public interface AttachmentStorage {

    /** Keeps the bytes of a new attachment, noting where on the attachment. */
    void write(Attachment attachment, byte[] content);

    /** The bytes of an attachment, as written. */
    byte[] read(Attachment attachment);

    /**
     * Deletes the bytes kept outside the row at {@code storagePath} (an attachment's
     * {@code storage_path}) once the current transaction commits, so that a rollback never leaves a
     * row without its file. Bytes in the row go with the row.
     */
    void deleteAfterCommit(String storagePath);
}
