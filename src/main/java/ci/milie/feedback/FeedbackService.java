package ci.milie.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.directory.DirectoryQueries;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;
import ci.milie.request.Actor;
import ci.milie.request.AnswerLookup;
import ci.milie.request.CitizenRequest;
import ci.milie.request.RequestAccess;
import ci.milie.request.RequestQueries;
import ci.milie.request.RequestRepository;
import ci.milie.request.RequestStatus;
import ci.milie.request.Views;
import ci.milie.sla.DeadlinePolicy;

/** The citizen's last word on an answer: rate it, or dispute it within the window. */
@ApplicationScoped
public class FeedbackService {

    private final RequestAccess access;
    private final RequestRepository requests;
    private final RequestQueries queries;
    private final AnswerLookup answers;
    private final FeedbackRepository feedback;
    private final DirectoryQueries directory;
    private final DeadlinePolicy deadlines;
    private final Outbox outbox;
    private final FeedbackConfig config;
    private final String osepEmail;
    private final Clock clock;

    FeedbackService(RequestAccess access, RequestRepository requests, RequestQueries queries, AnswerLookup answers,
            FeedbackRepository feedback, DirectoryQueries directory, DeadlinePolicy deadlines, Outbox outbox,
            FeedbackConfig config, @ConfigProperty(name = "milie.osep.contact-email") String osepEmail, Clock clock) {
        this.access = access;
        this.requests = requests;
        this.queries = queries;
        this.answers = answers;
        this.feedback = feedback;
        this.directory = directory;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.config = config;
        this.osepEmail = osepEmail;
        this.clock = clock;
    }

    /**
     * Rates the latest delivered answer, once. Satisfied while the request is ANSWERED: it closes
     * at once, there is nothing left to dispute.
     */
    @Transactional
    public FeedbackView rate(UUID id, FeedbackCommands.Rate command, Caller caller, String accessKey) {
        CitizenRequest request = submitterRequest(id, caller, accessKey);
        requests.lock(request);
        List<AnswerLookup.AnswerSummary> delivered = answers.delivered(request.id());
        if (delivered.isEmpty()) {
            throw ProblemException.conflict("NO_DELIVERED_ANSWER", "There is no answer to rate yet");
        }
        UUID answerId = delivered.get(delivered.size() - 1).id();
        if (feedback.existsFor(answerId)) {
            throw ProblemException.conflict("FEEDBACK_ALREADY_GIVEN", "This answer was already rated");
        }
        Instant now = clock.instant();
        Feedback given = new Feedback(request.id(), answerId, command, now);
        feedback.persist(given);
        CitizenRequest.Move move = new CitizenRequest.Move(actorOf(caller), now, deadlines);
        request.feedbackGiven(move, command.rating(), command.satisfied());
        if (command.satisfied() && request.status() == RequestStatus.ANSWERED) {
            request.closeSatisfied(move);
        }
        requests.save(request);
        return given.view();
    }

    /** Disputes the answer: back to the same administration, which OSEP and the administration are told. */
    @Transactional
    public Views.RequestView reopen(UUID id, FeedbackCommands.Reopen command, Caller caller, String accessKey) {
        CitizenRequest request = submitterRequest(id, caller, accessKey);
        String reason = command.reason().strip();
        request.reopen(new CitizenRequest.Move(actorOf(caller), clock.instant(), deadlines), reason,
                config.reopenWindow(), config.maxReopenings());
        requests.save(request);
        Map<String, Object> values = Map.of("trackingCode", request.trackingCode(), "subject", request.subject(),
                "reason", reason, "reopenCount", request.reopenCount());
        outbox.notify(new Outbox.Recipient(osepEmail, null, "fr"), MessageKind.REQUEST_REOPENED, values, request.id());
        directory.administration(request.administrationId())
                .filter(a -> a.contactEmail() != null)
                .ifPresent(a -> outbox.notify(new Outbox.Recipient(a.contactEmail(), null, "fr"),
                        MessageKind.REQUEST_REOPENED, values, request.id()));
        return queries.detail(id, caller, accessKey);
    }

    private CitizenRequest submitterRequest(UUID id, Caller caller, String accessKey) {
        CitizenRequest request = access.visibleTo(id, caller, accessKey);
        if (!access.isSubmitter(request, caller, accessKey)) {
            throw ProblemException.forbidden("Only the citizen who submitted the request rates or disputes its answer");
        }
        return request;
    }

    private static Actor actorOf(Caller caller) {
        return caller.hasRole(Roles.CITIZEN) ? Actor.of(caller) : Actor.keyHolder();
    }
}
