package ci.milie.request;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    long countOf(UUID requestId) {
        return count("requestId", requestId);
    }

    /** The request's files, oldest first, without their bytes. */
    List<AttachmentView> views(UUID requestId) {
        return getEntityManager().createQuery("select new ci.milie.request.AttachmentView(a.id, a.fileName, "
                + "a.contentType, a.sizeBytes, a.sha256, a.uploadedAt, a.uploadedBy) from Attachment a "
                + "where a.requestId = ?1 order by a.uploadedAt, a.id", AttachmentView.class)
                .setParameter(1, requestId).getResultList();
    }

    /** The file, only if it belongs to that request. */
    Optional<Attachment> of(UUID requestId, UUID attachmentId) {
        return find("id = ?1 and requestId = ?2", attachmentId, requestId).firstResultOptional();
    }
}
