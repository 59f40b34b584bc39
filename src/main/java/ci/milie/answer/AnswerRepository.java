package ci.milie.answer;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class AnswerRepository implements PanacheRepositoryBase<Answer, UUID> {

    List<Answer> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by submittedAt", requestId);
    }

    /**
     * The delivered answers' id, text, submission and delivery times, oldest first: columns, not
     * entities (every keyed tracking read asks; nothing is changed through them).
     */
    List<Object[]> deliveredOf(UUID requestId) {
        return getEntityManager().createQuery("select a.id, a.text, a.submittedAt, a.deliveredAt from Answer a"
                + " where a.requestId = ?1 and a.status = ?2 order by a.deliveredAt", Object[].class)
                .setParameter(1, requestId).setParameter(2, Answer.Status.DELIVERED).getResultList();
    }
}
