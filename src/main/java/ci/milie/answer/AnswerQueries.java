package ci.milie.answer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.request.AnswerLookup;

/** Answers as the request's views show them. */
@ApplicationScoped
class AnswerQueries implements AnswerLookup {

    private final AnswerRepository answers;

    AnswerQueries(AnswerRepository answers) {
        this.answers = answers;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnswerSummary> delivered(UUID requestId) {
        return answers.deliveredOf(requestId).stream()
                .map(a -> new AnswerSummary((UUID) a[0], Answer.Status.DELIVERED.name(), (String) a[1], (Instant) a[2],
                        (Instant) a[3], null))
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnswerSummary> all(UUID requestId) {
        return answers.ofRequest(requestId).stream()
                .map(a -> new AnswerSummary(a.id(), a.status().name(), a.text(), a.submittedAt(), a.deliveredAt(),
                        a.remarks()))
                .toList();
    }
}
