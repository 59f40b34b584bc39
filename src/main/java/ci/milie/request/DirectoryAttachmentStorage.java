package ci.milie.request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

/**
 * The bytes in files of one directory, each under a random name (never the client's), readable
 * by the application's user only. A file written in a transaction that then rolls back is
 * deleted, so the directory holds no file without its row. Attachments stored in the database
 * before the directory was configured are still read from there.
 */
final class DirectoryAttachmentStorage implements AttachmentStorage {

    private static final Logger LOG = Logger.getLogger(DirectoryAttachmentStorage.class);

    private final Path directory;
    private final TransactionSynchronizationRegistry transactions;

    DirectoryAttachmentStorage(Path directory, TransactionSynchronizationRegistry transactions) {
        this.directory = directory.toAbsolutePath().normalize();
        this.transactions = transactions;
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the attachments directory " + this.directory, e);
        }
    }

    @Override
    public void write(Attachment attachment, byte[] content) {
        String name = UUID.randomUUID().toString();
        Path target = directory.resolve(name);
        Path partial = directory.resolve(name + ".part");
        try {
            Files.write(partial, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            ownerOnly(partial);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("random attachment name already taken", e);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write an attachment", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    deleteQuietly(target);
                }
            }
        });
        attachment.storedAt(name);
    }

    @Override
    public byte[] read(Attachment attachment) {
        if (attachment.storagePath() == null) {
            return new DatabaseAttachmentStorage().read(attachment);
        }
        Path file = directory.resolve(attachment.storagePath()).normalize();
        if (!file.getParent().equals(directory)) {
            throw new IllegalStateException("attachment " + attachment.id() + " points outside the attachments directory");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment " + attachment.id(), e);
        }
    }

    @Override
    public void deleteAfterCommit(String storagePath) {
        if (storagePath == null) {
            return;
        }
        Path file = directory.resolve(storagePath).normalize();
        if (!file.getParent().equals(directory)) {
            throw new IllegalStateException("an attachment points outside the attachments directory");
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    deleteQuietly(file);
                }
            }
        });
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", file.getFileName(), e.getClass().getSimpleName());
        }
    }
}
