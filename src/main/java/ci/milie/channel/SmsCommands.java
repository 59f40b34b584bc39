package ci.milie.channel;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import ci.milie.common.Caller;
import ci.milie.common.Messages;
import ci.milie.common.ProblemException;
import ci.milie.common.Secrets;
import ci.milie.directory.RequestType;
import ci.milie.feedback.FeedbackService;
import ci.milie.identity.CitizenDirectory;
import ci.milie.notification.Outbox;
import ci.milie.notification.SmsOptOuts;
import ci.milie.request.AnswerLookup;
import ci.milie.request.Channel;
import ci.milie.request.RatingLookup;
import ci.milie.request.RequestQueries;
import ci.milie.request.RequestStatus;
import ci.milie.request.SubmissionService;
import ci.milie.request.SubmitRequestCommand;
import ci.milie.request.Views;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The commands texted to the short code, in French or English, in any case, with or without
 * accents: SUIVI/STATUS code, NOTE/RATE score code, RECLAMATION/COMPLAINT text, STOP (or ARRET)
 * and START; anything else is answered with the help. Each reply leaves through the outbox, so
 * a number that sent STOP gets none. A message the aggregator posts again (same aggregator, same
 * id) does nothing more: its id is recorded in the transaction of its effect.
 */
@ApplicationScoped
public class SmsCommands {

    private static final Logger LOG = Logger.getLogger(SmsCommands.class);
    private static final Messages TEXTS = Messages.TEXTS;
    private static final Messages LABELS = Messages.load("labels");
    private static final DateTimeFormatter DAY_FR = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final Pattern CODE = Pattern.compile("MIL-[0-9A-Z]{4}-[0-9A-Z]{4}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** The one door's shortest description. */
    static final int MIN_DESCRIPTION = 10;

    /** What a message asked, as read from its first word. */
    @Schema(name = "SmsCommand", description = "A command texted to the short code")
    public enum Command {
        STATUS, RATE, COMPLAINT, STOP, START, HELP
    }

    /** A message received: who sent it (E.164), through which aggregator, under which id, and its text. */
    public record Received(String aggregator, String messageId, String phone, String text) {
    }

    /** What was done: the command read, and whether the message had been received before (then nothing was done). */
    public record Handled(Command command, boolean repeated) {
    }

    /** A message read: its command, the language its word is in (null: either), and what follows the word. */
    record Parsed(Command command, String language, String rest) {
    }

    private final RequestQueries queries;
    private final FeedbackService feedback;
    private final SubmissionService submissions;
    private final SmsOptOuts optOuts;
    private final Outbox outbox;
    private final PhoneIdentity identity;
    private final CitizenDirectory citizens;
    private final AnswerLookup answers;
    private final RatingLookup ratings;
    private final AggregatorConfig config;
    private final EntityManager em;
    private final Clock clock;

    SmsCommands(RequestQueries queries, FeedbackService feedback, SubmissionService submissions, SmsOptOuts optOuts,
            Outbox outbox, PhoneIdentity identity, CitizenDirectory citizens, AnswerLookup answers, RatingLookup ratings,
            AggregatorConfig config, EntityManager em, Clock clock) {
        this.queries = queries;
        this.feedback = feedback;
        this.submissions = submissions;
        this.optOuts = optOuts;
        this.outbox = outbox;
        this.identity = identity;
        this.citizens = citizens;
        this.answers = answers;
        this.ratings = ratings;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Runs the message's command and queues its reply, once per message id. What only reads (a
     * status, whether a request can be rated) is looked up first, outside the transaction that
     * records the message: a lookup that refuses (an unknown code) would doom it. A change the
     * platform then refuses (a rating given meanwhile, a limit) rolls that transaction back; the
     * refusal is answered in a transaction of its own, which records the id.
     */
    public Handled receive(Received message) {
        Parsed parsed = parse(message.text());
        String language = language(message.phone(), parsed);
        try {
            Runnable effect = prepare(message, parsed, language);
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!firstTime(message)) {
                    return new Handled(parsed.command(), true);
                }
                effect.run();
                return new Handled(parsed.command(), false);
            });
        } catch (ProblemException refused) {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!firstTime(message)) {
                    return new Handled(parsed.command(), true);
                }
                String[] rated = parsed.command() == Command.RATE ? rated(parsed.rest()) : null;
                if (rated != null && refused.status() != 429 && refused.status() < 500) {
                    outbox.reply(message.phone(), TEXTS.text(language, "sms.reply.not-rateable", rated[1]));
                } else {
                    LOG.warnf("SMS command %s refused: %d %s", parsed.command(), refused.status(), refused.code());
                    outbox.reply(message.phone(), TEXTS.text(language, "sms.reply.failed"));
                }
                return new Handled(parsed.command(), false);
            });
        }
    }

    /** What the command does, once its reads are done: run in the transaction that records the message. */
    private Runnable prepare(Received message, Parsed parsed, String language) {
        String phone = message.phone();
        return switch (parsed.command()) {
            case STATUS -> reply(phone, status(parsed.rest(), language));
            case RATE -> rate(phone, parsed.rest(), language);
            case COMPLAINT -> () -> file(message, parsed.rest(), language);
            case STOP -> () -> optOuts.optOut(phone, language);
            case START -> () -> optOuts.optIn(phone, language);
            case HELP -> reply(phone, TEXTS.text(language, "sms.reply.help"));
        };
    }

    private Runnable reply(String phone, String text) {
        return () -> outbox.reply(phone, text);
    }

    /** Records the message's id; false when it was there already (the aggregator's repeat, or a concurrent one now committed). */
    private boolean firstTime(Received message) {
        return em.createNativeQuery("insert into sms_inbound (aggregator, message_id, received_at) values (?1, ?2, ?3) "
                + "on conflict do nothing")
                .setParameter(1, message.aggregator()).setParameter(2, message.messageId())
                .setParameter(3, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate() == 1;
    }

    /**
     * What any code tells anyone, as on the tracking page and the USSD menu: the status and the
     * deadline, nothing about the person. A text that is no code gets the help.
     */
    private String status(String rest, String language) {
        String code = UssdMenu.trackingCode(rest);
        if (!CODE.matcher(code).matches()) {
            return TEXTS.text(language, "sms.reply.help");
        }
        try {
            Views.TrackingView tracked = queries.trackForCountedCaller(code);
            String label = LABELS.text(language, "RequestStatus." + tracked.status().name());
            if (open(tracked.status()) && tracked.dueAt() != null) {
                return TEXTS.text(language, "sms.reply.status", tracked.trackingCode(), label, day(tracked.dueAt(), language));
            }
            return TEXTS.text(language, "sms.reply.status.final", tracked.trackingCode(), label);
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                return TEXTS.text(language, "sms.reply.status.unknown", code);
            }
            throw refused;
        }
    }

    /**
     * Rates the sender's own request, answered and not rated yet, through the feedback service. Any
     * other code (unknown, someone else's, not answered) gets the same not-rateable reply: it tells
     * nothing of a request that is not the sender's. 4 or 5 reads as satisfied (the request closes),
     * 1 to 3 as not (it stays open to a dispute on the web or in the app).
     */
    private Runnable rate(String phone, String rest, String language) {
        String[] scoreAndCode = rated(rest);
        if (scoreAndCode == null) {
            return reply(phone, TEXTS.text(language, "sms.reply.help"));
        }
        int score = Integer.parseInt(scoreAndCode[0]);
        String code = scoreAndCode[1];
        Optional<UUID> account = identity.existingAccount(phone);
        Optional<Views.RequestSummary> request = account.flatMap(id -> mine(id, code));
        if (request.isEmpty() || !rateable(request.get())) {
            return reply(phone, TEXTS.text(language, "sms.reply.not-rateable", code));
        }
        return () -> {
            feedback.rateByPhone(request.get().id(), score, score >= 4, Caller.featurePhone(account.get()));
            outbox.reply(phone, TEXTS.text(language, "sms.reply.rated", score, code));
        };
    }

    /** "4 MIL-7KQ2-9XD3" (or "4 7kq29xd3", "4/5 …") as {"4", "MIL-7KQ2-9XD3"}; null when it is not a score and a code. */
    static String[] rated(String rest) {
        String[] words = SPACES.split(rest.strip(), 2);
        String score = words[0].replaceFirst("/5$", "");
        if (words.length < 2 || !score.matches("[1-5]")) {
            return null;
        }
        String code = UssdMenu.trackingCode(words[1].strip());
        return CODE.matcher(code).matches() ? new String[] { score, code } : null;
    }

    private Optional<Views.RequestSummary> mine(UUID account, String code) {
        String cursor = null;
        do {
            Views.MyRequestPage page = queries.mine(Caller.featurePhone(account), 50, cursor, null);
            Optional<Views.RequestSummary> found = page.items().stream().filter(r -> r.trackingCode().equals(code))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return Optional.empty();
    }

    /** As the USSD menu offers: answered, and its latest delivered answer not rated yet. */
    private boolean rateable(Views.RequestSummary request) {
        if (request.status() != RequestStatus.ANSWERED) {
            return false;
        }
        var delivered = answers.delivered(request.id());
        return !delivered.isEmpty() && !ratings.rated(delivered.get(delivered.size() - 1).id());
    }

    /**
     * Files a complaint through the one door, as the USSD menu does: channel SMS, the sender's
     * number as its contact, the number's account as its owner. A text names no category nor
     * region: it goes to the configured category for what is not classified yet, without a
     * region, and OSEP sets both when it qualifies it. The door's receipt (the code and the
     * access link, by SMS) is the reply. Too short a text gets the help.
     */
    private void file(Received message, String description, String language) {
        if (description.length() < MIN_DESCRIPTION) {
            outbox.reply(message.phone(), TEXTS.text(language, "sms.reply.help"));
            return;
        }
        String text = description.length() > 5000 ? description.substring(0, 5000) : description;
        SubmitRequestCommand command = new SubmitRequestCommand(RequestType.COMPLAINT, config.sms().complaintCategory(),
                Channel.SMS, UssdMenu.subject(text), text, null, null,
                new SubmitRequestCommand.ContactInput(null, null, message.phone(), language), false);
        UUID account = identity.account(message.phone());
        // the message id is recorded too; this key makes the door itself see a repeat as one request
        String key = "sms-" + Secrets.sha256(message.aggregator() + "|" + message.messageId());
        submissions.submit(command, Caller.featurePhone(account), key);
    }

    /**
     * The language the command word is in (SUIVI: French, STATUS: English): the sender just wrote
     * in it. For a word of both (STOP, START) or none (the help), the account's language when the
     * number has an account, else French. The account's comes second because every account has
     * one, French unless the citizen chose otherwise: it would answer RATE in French.
     */
    private String language(String phone, Parsed parsed) {
        if (parsed.language() != null) {
            return parsed.language();
        }
        return identity.existingAccount(phone).flatMap(citizens::contactOf)
                .map(CitizenDirectory.CitizenContact::preferredLanguage).orElse("fr");
    }

    /** The command of a text: its first word, in any case and with or without accents; the rest as typed. */
    static Parsed parse(String text) {
        String stripped = text == null ? "" : text.strip();
        String[] words = SPACES.split(stripped, 2);
        String rest = words.length < 2 ? "" : SPACES.matcher(words[1].strip()).replaceAll(" ");
        String word = Normalizer.normalize(words[0], Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return switch (word) {
            case "SUIVI" -> new Parsed(Command.STATUS, "fr", rest);
            case "STATUS" -> new Parsed(Command.STATUS, "en", rest);
            case "NOTE" -> new Parsed(Command.RATE, "fr", rest);
            case "RATE" -> new Parsed(Command.RATE, "en", rest);
            case "RECLAMATION" -> new Parsed(Command.COMPLAINT, "fr", rest);
            case "COMPLAINT" -> new Parsed(Command.COMPLAINT, "en", rest);
            case "ARRET" -> new Parsed(Command.STOP, "fr", rest);
            case "STOP" -> new Parsed(Command.STOP, null, rest);
            case "START" -> new Parsed(Command.START, null, rest);
            default -> new Parsed(Command.HELP, null, rest);
        };
    }

    private static boolean open(RequestStatus status) {
        return status != RequestStatus.CLOSED && status != RequestStatus.REJECTED && status != RequestStatus.ANSWERED;
    }

    private static String day(Instant instant, String language) {
        return ("en".equals(language) ? DAY_EN : DAY_FR).format(instant);
    }

    /** Forgets the ids of messages received long enough ago that no aggregator posts them again. */
    @Scheduled(identity = "sms-inbound-purge", every = "${milie.purge.interval}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldIds() {
        forgetIdsBefore(clock.instant().minus(config.sms().inboundIdsKept()));
    }

    /** Deletes the ids received before {@code before}; returns how many. */
    int forgetIdsBefore(Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from sms_inbound where received_at < ?1")
                .setParameter(1, before.atOffset(ZoneOffset.UTC)).executeUpdate());
    }
}
