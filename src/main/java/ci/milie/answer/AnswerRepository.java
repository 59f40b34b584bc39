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

    List<Answer> deliveredOf(UUID requestId) {
        return list("requestId = ?1 and status = ?2 order by deliveredAt", requestId, Answer.Status.DELIVERED);
    }
}
