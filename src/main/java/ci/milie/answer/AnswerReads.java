package ci.milie.answer;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.request.RequestQueries;
import ci.milie.request.Views;

/**
 * One answer, for whoever may read it: exactly the answers the request's view shows this caller
 * (staff who may see the request: every answer; its citizen: the delivered ones, without OSEP's
 * remarks). Any other answer is not found.
 */
@ApplicationScoped
class AnswerReads {

    private final RequestQueries requests;

    AnswerReads(RequestQueries requests) {
        this.requests = requests;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AnswerView get(UUID requestId, UUID answerId, Caller caller, String accessKey) {
        Views.RequestView request = requests.detail(requestId, caller, accessKey);
        return request.answers().stream().filter(a -> a.id().equals(answerId)).findFirst()
                .map(a -> new AnswerView(a.id(), request.id(), a.status(), a.text(), a.submittedAt(), a.deliveredAt(),
                        a.remarks(), request.status()))
                .orElseThrow(() -> ProblemException.notFound("NOT_FOUND.answer"));
    }
}
