package ci.milie.request;

/** The bytes in the attachment row ({@code content bytea}): one system of record, one backup. */
final class DatabaseAttachmentStorage implements AttachmentStorage {

    @Override
    public void write(Attachment attachment, byte[] content) {
        attachment.keepContent(content);
    }

    @Override
    public byte[] read(Attachment attachment) {
        if (attachment.content() == null) {
            throw new IllegalStateException("attachment " + attachment.id()
                    + " is stored in a directory: set milie.attachments.directory to read it");
        }
        return attachment.content();
    }

    @Override
    public void deleteAfterCommit(String storagePath) {
        // the bytes are in the row: deleting the row deletes them
    }
}
