package ci.milie.request;

/**
 * Where the bytes of attachments live: in the attachment row (the default) or in a directory
 * ({@code milie.attachments.directory}); {@link AttachmentStorageProducer} picks one from the
 * configuration. Both are called inside the transaction that saves the attachment.
 */
public interface AttachmentStorage {

    /** Keeps the bytes of a new attachment, noting where on the attachment. */
    void write(Attachment attachment, byte[] content);

    /** The bytes of an attachment, as written. */
    byte[] read(Attachment attachment);
}
