package ci.milie.request;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** A directory when {@code milie.attachments.directory} is set, otherwise the database. */
@ApplicationScoped
public class AttachmentStorageProducer {

    @Produces
    @ApplicationScoped
    AttachmentStorage attachmentStorage(AttachmentsConfig config, TransactionSynchronizationRegistry transactions) {
        return config.directory().map(String::strip).filter(dir -> !dir.isEmpty())
                .<AttachmentStorage> map(dir -> new DirectoryAttachmentStorage(Path.of(dir), transactions))
                .orElseGet(DatabaseAttachmentStorage::new);
    }
}
