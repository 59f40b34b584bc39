package ci.milie.request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.common.Secrets;
import ci.milie.request.FileTypes.FileType;


/**
 * Files joined to a request. The citizen (account or access key), OSEP and the administration
 * in charge add them while the request is open; whoever may see the request lists and downloads
 * them; anyone else gets the 404 of a request that does not exist.
 */
@ApplicationScoped
public class AttachmentService {

    /** A file as received: the client's name, its size, and where the upload was spooled. */
    public record Upload(String fileName, long size, Path file) {
    }

    /** A file to send back. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    private record Accepted(FileType type, String fileName, byte[] content) {
    }

    private final RequestAccess access;
    private final RequestCommands commands;
    private final AttachmentRepository attachments;
    private final AttachmentStorage storage;
    private final AttachmentsConfig config;
    private final Clock clock;

    AttachmentService(RequestAccess access, RequestCommands commands, AttachmentRepository attachments,
            AttachmentStorage storage, AttachmentsConfig config, Clock clock) {
        this.access = access;
        this.commands = commands;
        this.attachments = attachments;
        this.storage = storage;
        this.config = config;
        this.clock = clock;
    }

    /** Adds the files, all or none: one refused file refuses the upload. */
    @Transactional
    public List<AttachmentView> upload(UUID requestId, List<Upload> uploads, Caller caller, String accessKey) {
        Party party = commands.check(requestId, Action.ADD_ATTACHMENT, caller, accessKey);
        CitizenRequest request = access.visibleTo(requestId, caller, accessKey);
        if (uploads.isEmpty()) {
            throw ProblemException.invalid("file", "field.fileRequired");
        }
        long existing = attachments.countOf(requestId);
        if (existing + uploads.size() > config.maxPerRequest()) {
            throw ProblemException.conflict("TOO_MANY_ATTACHMENTS", "TOO_MANY_ATTACHMENTS.limit",
                    config.maxPerRequest(), existing);
        }
        List<Accepted> accepted = uploads.stream().map(this::accept).toList();

        Instant now = clock.instant();
        String uploadedBy = party.isCitizen() ? Roles.CITIZEN : Actor.of(caller).role();
        List<AttachmentView> views = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            Accepted file = accepted.get(i);
            // a microsecond apart, so that the files of one upload list in the order they were sent
            Attachment attachment = new Attachment(requestId, file.type(), file.fileName(), file.content().length,
                    Secrets.sha256(file.content()), uploadedBy, now.plus(i, ChronoUnit.MICROS));
            // the history is read by the administration too: on an anonymous request it never names the file
            String recorded = ContactVisibility.recordedFileName(request.anonymous(), uploadedBy, file.fileName());
            commands.apply(requestId, Action.ADD_ATTACHMENT, new Payload.File(attachment.id(), recorded), caller,
                    accessKey, null);
            storage.write(attachment, file.content());
            attachments.persist(attachment);
            views.add(shownTo(caller, request, attachment.view()));
        }
        return views;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttachmentView> list(UUID requestId, Caller caller, String accessKey) {
        CitizenRequest request = access.visibleTo(requestId, caller, accessKey);
        boolean staff = RequestAccess.sight(request, caller, accessKey).staffView();
        return attachments.views(request.id()).stream()
                .filter(view -> staff || Roles.CITIZEN.equals(view.uploadedBy()))
                .map(view -> shownTo(caller, request, view))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Download download(UUID requestId, UUID attachmentId, Caller caller, String accessKey) {
        CitizenRequest request = access.visibleTo(requestId, caller, accessKey);
        boolean staff = RequestAccess.sight(request, caller, accessKey).staffView();
        // Staff files are working documents, like internal notes: the citizen sees only their own.
        Attachment attachment = attachments.of(request.id(), attachmentId)
                .filter(a -> staff || Roles.CITIZEN.equals(a.uploadedBy()))
                .orElseThrow(() -> ProblemException.notFound("NOT_FOUND.attachment"));
        byte[] content = storage.read(attachment);
        if (!Secrets.sameHash(attachment.sha256(), Secrets.sha256(content))) {
            throw new IllegalStateException("attachment " + attachment.id() + " no longer matches its SHA-256");
        }
        return new Download(ContactVisibility.fileName(caller, request.anonymous(), attachment.uploadedBy(),
                attachment.fileName()), attachment.contentType(), content);
    }

    /**
     * The bytes of one file of a request, for a caller that has already decided whose data it reads
     * (the export of a citizen's data); checked against the SHA-256 kept at upload.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] storedContent(UUID requestId, UUID attachmentId) {
        Attachment attachment = attachments.of(requestId, attachmentId)
                .orElseThrow(() -> ProblemException.notFound("NOT_FOUND.attachment"));
        byte[] content = storage.read(attachment);
        if (!Secrets.sameHash(attachment.sha256(), Secrets.sha256(content))) {
            throw new IllegalStateException("attachment " + attachment.id() + " no longer matches its SHA-256");
        }
        return content;
    }

    /** The file as this caller may see it: under a neutral name if its name could tell who the citizen is. */
    private static AttachmentView shownTo(Caller caller, CitizenRequest request, AttachmentView view) {
        return new AttachmentView(view.id(),
                ContactVisibility.fileName(caller, request.anonymous(), view.uploadedBy(), view.fileName()),
                view.contentType(), view.size(), view.sha256(), view.uploadedAt(), view.uploadedBy());
    }

    /** The file's real type, proven by parsing it, and its safe name; or 413 / 415. */
    private Accepted accept(Upload upload) {
        long max = config.maxSize().asLongValue();
        if (upload.size() > max) {
            throw tooLarge(max);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded file", e);
        }
        if (content.length > max) {
            throw tooLarge(max);
        }
        FileType type = FileTypes.detect(content).orElseThrow(() -> new ProblemException(415,
                "UNSUPPORTED_FILE_TYPE", "UNSUPPORTED_FILE_TYPE.accepted", FileTypes.ACCEPTED));
        try {
            content = FileContents.check(content, type, config.maxPixels(), config.maxPages());
        } catch (FileContents.Refused refused) {
            throw refused.tooComplex()
                    ? new ProblemException(415, "FILE_TOO_COMPLEX", refused.detailKey(), refused.detailArgs())
                    : new ProblemException(415, "INVALID_FILE", refused.detailKey(), refused.detailArgs());
        }
        return new Accepted(type, FileNames.sanitise(upload.fileName(), type), content);
    }

    private static ProblemException tooLarge(long max) {
        long mb = 1024 * 1024;
        return max % mb == 0 ? new ProblemException(413, "FILE_TOO_LARGE", "FILE_TOO_LARGE.megabytes", max / mb)
                : new ProblemException(413, "FILE_TOO_LARGE", "FILE_TOO_LARGE.bytes", max);
    }
}
