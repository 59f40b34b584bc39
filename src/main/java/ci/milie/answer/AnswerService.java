package ci.milie.answer;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;
import ci.milie.request.Action;
import ci.milie.request.Payload;
import ci.milie.request.RequestCommands;
import ci.milie.request.RequestFacts;
import ci.milie.request.RequestLinks;
import ci.milie.request.RequestStatus;

/**
 * The administration answers; OSEP approves or returns the answer; the approved answer reaches the
 * citizen. The request moves through its door; this module keeps the answers themselves.
 */
@ApplicationScoped
public class AnswerService {

    private final RequestCommands commands;
    private final AnswerRepository answers;
    private final Outbox outbox;
    private final RequestLinks links;
    private final Clock clock;

    AnswerService(RequestCommands commands, AnswerRepository answers, Outbox outbox, RequestLinks links, Clock clock) {
        this.commands = commands;
        this.answers = answers;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public AnswerView submit(UUID requestId, AnswerCommands.Submit command, Caller caller, String ifMatch) {
        Instant now = clock.instant();
        commands.check(requestId, Action.SUBMIT_ANSWER, caller, null, ifMatch);
        Answer answer = new Answer(requestId, caller.id().orElseThrow(), command.text().strip(), now);
        RequestFacts request = commands.apply(requestId, Action.SUBMIT_ANSWER, new Payload.AnswerStep(answer.id(), null),
                caller, null, ifMatch).request();
        if (request.status() == RequestStatus.ANSWERED) {
            // The administration is trusted: no review, the answer is delivered at once.
            answer.deliver(now);
            notifyDelivered(request, answer);
        }
        answers.persist(answer);
        return AnswerView.of(answer, request.status());
    }

    @Transactional
    public AnswerView review(UUID requestId, UUID answerId, AnswerCommands.Review command, Caller caller, String ifMatch) {
        boolean approve = command.decision() == AnswerCommands.Decision.APPROVE;
        Action action = approve ? Action.APPROVE_ANSWER : Action.RETURN_ANSWER;
        commands.check(requestId, action, caller, null, ifMatch);
        Answer answer = answers.findByIdOptional(answerId).filter(a -> a.requestId().equals(requestId))
                .orElseThrow(() -> ProblemException.notFound("NOT_FOUND.answer"));
        if (!answer.isUnderReview()) {
            throw ProblemException.conflict("ANSWER_NOT_UNDER_REVIEW", "ANSWER_NOT_UNDER_REVIEW.already", answer.status().name());
        }
        String remarks = command.remarks() == null ? null : command.remarks().strip();
        if (!approve && (remarks == null || remarks.isEmpty())) {
            throw ProblemException.invalid("remarks", "field.remarks");
        }
        Instant now = clock.instant();
        UUID reviewer = caller.id().orElseThrow();
        RequestFacts request = commands.apply(requestId, action, new Payload.AnswerStep(answer.id(), remarks), caller,
                null, ifMatch).request();
        if (approve) {
            answer.approve(reviewer, now);
            notifyDelivered(request, answer);
        } else {
            answer.giveBack(reviewer, remarks, now);
        }
        return AnswerView.of(answer, request.status());
    }

    private void notifyDelivered(RequestFacts request, Answer answer) {
        outbox.notify(request.citizen(), MessageKind.ANSWER_DELIVERED,
                Map.of("trackingCode", request.trackingCode(), "subject", request.subject(), "answer", answer.text(),
                        "trackingUrl", links.tracking(request.trackingCode(), null),
                        "ratingUrl", links.rating(request.trackingCode())),
                request.id());
    }
}
