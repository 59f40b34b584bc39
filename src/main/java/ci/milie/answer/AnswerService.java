package ci.milie.answer;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.directory.DirectoryQueries;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;
import ci.milie.request.Actor;
import ci.milie.request.CitizenRequest;
import ci.milie.request.RequestAccess;
import ci.milie.request.RequestLinks;
import ci.milie.request.RequestRepository;
import ci.milie.sla.DeadlinePolicy;

/** The administration answers; OSEP approves or returns the answer; the approved answer reaches the citizen. */
@ApplicationScoped
public class AnswerService {

    private final RequestAccess access;
    private final RequestRepository requests;
    private final AnswerRepository answers;
    private final DirectoryQueries directory;
    private final DeadlinePolicy deadlines;
    private final Outbox outbox;
    private final RequestLinks links;
    private final Clock clock;

    AnswerService(RequestAccess access, RequestRepository requests, AnswerRepository answers, DirectoryQueries directory,
            DeadlinePolicy deadlines, Outbox outbox, RequestLinks links, Clock clock) {
        this.access = access;
        this.requests = requests;
        this.answers = answers;
        this.directory = directory;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public AnswerView submit(UUID requestId, AnswerCommands.Submit command, Caller caller, String ifMatch) {
        CitizenRequest request = access.forAction(requestId, caller, null, ifMatch);
        Instant now = clock.instant();
        boolean reviewRequired = directory.administration(request.administrationId())
                .map(a -> a.answerReviewRequired()).orElse(true);
        request.answerSubmitted(move(caller, now), reviewRequired);
        Answer answer = new Answer(request.id(), caller.id().orElseThrow(), command.text().strip(), now);
        if (!reviewRequired) {
            answer.deliver(now);
            notifyDelivered(request, answer);
        }
        answers.persist(answer);
        requests.save(request);
        return AnswerView.of(answer, request.status());
    }

    @Transactional
    public AnswerView review(UUID requestId, UUID answerId, AnswerCommands.Review command, Caller caller, String ifMatch) {
        CitizenRequest request = access.forAction(requestId, caller, null, ifMatch);
        Answer answer = answers.findByIdOptional(answerId).filter(a -> a.requestId().equals(request.id()))
                .orElseThrow(() -> ProblemException.notFound("Answer"));
        if (!answer.isUnderReview()) {
            throw ProblemException.conflict("ANSWER_NOT_UNDER_REVIEW", "This answer was already " + answer.status());
        }
        Instant now = clock.instant();
        UUID reviewer = caller.id().orElseThrow();
        if (command.decision() == AnswerCommands.Decision.APPROVE) {
            request.answerApproved(move(caller, now));
            answer.approve(reviewer, now);
            notifyDelivered(request, answer);
        } else {
            if (command.remarks() == null || command.remarks().isBlank()) {
                throw ProblemException.invalid("remarks", "tell the administration what to change");
            }
            request.answerReturned(move(caller, now), command.remarks().strip());
            answer.giveBack(reviewer, command.remarks().strip(), now);
        }
        requests.save(request);
        return AnswerView.of(answer, request.status());
    }

    private void notifyDelivered(CitizenRequest request, Answer answer) {
        var contact = request.contact();
        outbox.notify(new Outbox.Recipient(contact.email(), contact.phone(), contact.preferredLanguage()),
                MessageKind.ANSWER_DELIVERED,
                Map.of("trackingCode", request.trackingCode(), "subject", request.subject(), "answer", answer.text(),
                        "trackingUrl", links.tracking(request.trackingCode(), null),
                        "ratingUrl", links.rating(request.trackingCode())),
                request.id());
    }

    private CitizenRequest.Move move(Caller caller, Instant now) {
        return new CitizenRequest.Move(Actor.of(caller), now, deadlines);
    }
}
