package ci.milie.feedback;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ci.milie.common.Caller;
import ci.milie.directory.DirectoryQueries;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;
import ci.milie.request.Action;
import ci.milie.request.AnswerLookup;
import ci.milie.request.Payload;
import ci.milie.request.RequestCommands;
import ci.milie.request.RequestFacts;
import ci.milie.request.RequestQueries;
import ci.milie.request.Views;

/** The citizen's last word on an answer: rate it, or dispute it within the window; both through the request's door. */
@ApplicationScoped
public class FeedbackService {

    private final RequestCommands commands;
    private final RequestQueries queries;
    private final AnswerLookup answers;
    private final FeedbackRepository feedback;
    private final DirectoryQueries directory;
    private final Outbox outbox;
    private final String osepEmail;
    private final Clock clock;

    FeedbackService(RequestCommands commands, RequestQueries queries, AnswerLookup answers, FeedbackRepository feedback,
            DirectoryQueries directory, Outbox outbox, @ConfigProperty(name = "milie.osep.contact-email") String osepEmail,
            Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.answers = answers;
        this.feedback = feedback;
        this.directory = directory;
        this.outbox = outbox;
        this.osepEmail = osepEmail;
        this.clock = clock;
    }

    /**
     * Rates the latest delivered answer, once (the lifecycle's rule). Satisfied while the request
     * is ANSWERED: it closes at once, there is nothing left to dispute.
     */
    @Transactional
    public FeedbackView rate(UUID id, FeedbackCommands.Rate command, Caller caller, String accessKey) {
        commands.check(id, Action.RATE, caller, accessKey);
        var delivered = answers.delivered(id);
        UUID answerId = delivered.get(delivered.size() - 1).id();
        commands.apply(id, Action.RATE, new Payload.Rating(answerId, command.rating(), command.satisfied()), caller,
                accessKey, null);
        Feedback given = new Feedback(id, answerId, command, clock.instant());
        feedback.persist(given);
        return given.view();
    }

    /** A rating keyed on a feature phone: the score and satisfied or not, nothing more. */
    @Transactional
    public FeedbackView rateByPhone(UUID id, int rating, boolean satisfied, Caller caller) {
        return rate(id, new FeedbackCommands.Rate(rating, satisfied, null, null), caller, null);
    }

    /** Disputes the answer: back to the same administration, which OSEP and the administration are told. */
    @Transactional
    public Views.RequestView reopen(UUID id, FeedbackCommands.Reopen command, Caller caller, String accessKey) {
        String reason = command.reason().strip();
        RequestFacts request = commands.apply(id, Action.REOPEN, new Payload.Text(reason), caller, accessKey, null)
                .request();
        Map<String, Object> values = Map.of("trackingCode", request.trackingCode(), "subject", request.subject(),
                "reason", reason, "reopenCount", request.reopenCount());
        outbox.notify(new Outbox.Recipient(osepEmail, null, "fr"), MessageKind.REQUEST_REOPENED, values, request.id());
        directory.administration(request.administrationId())
                .filter(a -> a.contactEmail() != null)
                .ifPresent(a -> outbox.notify(new Outbox.Recipient(a.contactEmail(), null, "fr"),
                        MessageKind.REQUEST_REOPENED, values, request.id()));
        return queries.detail(id, caller, accessKey);
    }
}
