package ci.milie.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.directory.AdministrationSummary;
import ci.milie.directory.DirectoryQueries;
import ci.milie.directory.RequestType;
import ci.milie.notification.Outbox;

/**
 * The one door into a request: every change, by a person or by Miliê's jobs, comes through here.
 * It finds what the caller is to the request ({@link RequestAccess#sight}), asks the lifecycle
 * table whether that party may take the action now, applies it on the aggregate, saves it with
 * its events, and publishes one {@link RequestEventRecorded} per event row once the transaction
 * commits, in the order recorded. Checks come in a fixed order: 404 (may not see it), 409 (stale If-Match), 403 (may never
 * do this), 409 (not in this status), then the action's policies.
 */
@ApplicationScoped
public class RequestCommands {

    /** A request after a change, and the events the change recorded. */
    public record Change(RequestFacts request, List<RequestEventRecorded> events) {
    }

    /** What the deadline watch did to one request. */
    public record DeadlineCheck(RequestFacts request, boolean reminded, boolean flagged, boolean escalated) {
    }

    private final RequestRepository requests;
    private final RequestAccess access;
    private final DirectoryQueries directory;
    private final AnswerLookup answers;
    private final RatingLookup ratings;
    private final DisputeConfig disputes;
    private final Deadlines deadlines;
    private final EventPublisher publisher;
    private final Outbox outbox;
    private final Duration escalationDelay;
    private final Clock clock;

    RequestCommands(RequestRepository requests, RequestAccess access, DirectoryQueries directory, AnswerLookup answers, RatingLookup ratings,
            DisputeConfig disputes, Deadlines deadlines, EventPublisher publisher, Outbox outbox,
            @ConfigProperty(name = "milie.deadlines.escalation-delay") Duration escalationDelay, Clock clock) {
        this.requests = requests;
        this.access = access;
        this.directory = directory;
        this.answers = answers;
        this.ratings = ratings;
        this.disputes = disputes;
        this.deadlines = deadlines;
        this.publisher = publisher;
        this.outbox = outbox;
        this.escalationDelay = escalationDelay;
        this.clock = clock;
    }

    /** Takes {@code action} on the request for the caller, if the lifecycle table allows it. */
    @Transactional
    public Change apply(UUID id, Action action, Payload payload, Caller caller, String accessKey, String ifMatch) {
        CitizenRequest request = load(id, caller, accessKey, ifMatch);
        return take(request, action, payload, caller, accessKey);
    }

    /**
     * Whether the caller may take {@code action} on the request now, without taking it: the same
     * checks as {@link #apply} but the policies that read the action's input. Returns what the
     * caller is to the request; throws the refusal otherwise.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Party check(UUID id, Action action, Caller caller, String accessKey) {
        return check(id, action, caller, accessKey, null);
    }

    /** {@link #check(UUID, Action, Caller, String)}, first comparing {@code If-Match} with the request's version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Party check(UUID id, Action action, Caller caller, String accessKey, String ifMatch) {
        CitizenRequest request = load(id, caller, accessKey, ifMatch);
        Party party = RequestAccess.sight(request, caller, accessKey).party();
        Lifecycle.refusal(request, action, null, party, circumstances(request, clock.instant()), false).ifPresent(r -> {
            throw r;
        });
        return party;
    }

    /** The routing endpoint: routes a received request, re-routes a routed one. */
    @Transactional
    public Change route(UUID id, UUID administrationId, String reason, Caller caller, String ifMatch) {
        CitizenRequest request = load(id, caller, null, ifMatch);
        Action action = Lifecycle.routing(request.status());
        Party party = RequestAccess.sight(request, caller, null).party();
        // Who and when first (403, 409); the administration named is the caller's input (400).
        Lifecycle.refusal(request, action, null, party, circumstances(request, clock.instant()), false).ifPresent(r -> {
            throw r;
        });
        String name = directory.administration(administrationId).map(AdministrationSummary::name).orElse(null);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return take(request, action, new Payload.Routing(administrationId, name, why), caller, null);
    }

    /** The thread endpoint: the citizen's reply, or a question from staff. */
    @Transactional
    public Change message(UUID id, String text, Caller caller, String accessKey, String ifMatch) {
        CitizenRequest request = load(id, caller, accessKey, ifMatch);
        Action action = Lifecycle.message(RequestAccess.sight(request, caller, accessKey).party());
        return take(request, action, new Payload.Text(text), caller, accessKey);
    }

    /**
     * A signed-in citizen takes a request filed without an account into their account, once its
     * tracking code and key were checked ({@link RequestQueries#openedByKey}). Only a citizen to
     * whom a code proved the request's e-mail or phone may; a request already theirs is left as it
     * is (a repeated claim succeeds); one in another account, or whose personal data were erased,
     * stays where it is (409).
     */
    @Transactional
    public void claim(UUID id, Caller caller, String provenEmail, String provenPhone) {
        CitizenRequest request = requests.findByIdOptional(id).orElseThrow(RequestAccess::notFound);
        UUID citizenId = caller.id().orElseThrow(RequestAccess::notFound);
        if (request.personalDataErased()) {
            throw ProblemException.conflict("PERSONAL_DATA_ERASED", "PERSONAL_DATA_ERASED.unclaimable");
        }
        if (citizenId.equals(request.citizenId())) {
            return;
        }
        if (request.citizenId() != null) {
            throw ProblemException.conflict("REQUEST_ALREADY_CLAIMED", "REQUEST_ALREADY_CLAIMED.another-account");
        }
        if (!request.contact().isOneOf(provenEmail, provenPhone)) {
            throw new ProblemException(403, "CLAIM_CONTACT_MISMATCH", "CLAIM_CONTACT_MISMATCH.unproven");
        }
        request.claimedBy(citizenId, new CitizenRequest.Move(Actor.of(caller), Party.OWNER, clock.instant(), deadlines));
        save(request);
    }

    /** Files a new request: the one creation, with its SUBMITTED event published like every other. */
    CitizenRequest submit(CitizenRequest.Submission submission, String trackingCode, String accessKeyHash, Caller caller) {
        Party party = submission.enteredByStaffId() != null ? Party.OPERATOR_WHO_ENTERED
                : submission.citizenId() != null ? Party.OWNER : Party.KEY_HOLDER;
        CitizenRequest request = CitizenRequest.submit(submission, trackingCode, accessKeyHash,
                new CitizenRequest.Move(Actor.of(caller), party, clock.instant(), deadlines));
        save(request);
        return request;
    }

    /**
     * One look at a request's deadline for Miliê's watch: a reminder shortly before it is due, the
     * overdue flag once it passed, the escalation after the delay. Empty when nothing runs.
     */
    @Transactional
    public Optional<DeadlineCheck> watchDeadline(UUID id, Duration reminderLead) {
        CitizenRequest request = requests.findById(id);
        if (request == null || request.currentStage() == null || request.dueAt() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Circumstances circumstances = circumstances(request, now);
        boolean flagged = false;
        boolean reminded = false;
        boolean escalated = false;
        if (request.awaitsOverdueFlag(now)) {
            act(request, Action.FLAG_OVERDUE, Payload.NONE, Caller.system(), Party.SYSTEM, circumstances);
            flagged = true;
        } else if (now.isBefore(request.dueAt()) && request.awaitsReminder()
                && deadlines.remaining(request.dueAt(), now).compareTo(reminderLead) <= 0) {
            request.reminded();
            reminded = true;
        }
        if (request.awaitsEscalation(now, escalationDelay)) {
            act(request, Action.ESCALATE, Payload.NONE, Caller.system(), Party.SYSTEM, circumstances);
            escalated = true;
        }
        Change change = save(request);
        return Optional.of(new DeadlineCheck(change.request(), reminded, flagged, escalated));
    }

    /** Answered requests whose dispute window ended before {@code now}, oldest first: the auto-closure's work. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> disputeWindowOver(Instant now, int limit) {
        return requests.answeredBefore(now.minus(disputes.reopenWindow()), limit);
    }

    /** Open requests due before {@code horizon}, most urgent first: the deadline watch's candidates. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> dueBefore(Instant horizon, int limit) {
        return requests.openDueBefore(horizon, limit);
    }

    /**
     * Exactly the actions this caller may take on the request now: the table's parties and
     * statuses, and every policy that does not depend on what the caller would send. An integration
     * client without the scope to act reads as its party and is offered nothing.
     */
    List<Action> allowedActions(CitizenRequest request, RequestAccess.Sight sight) {
        if (!sight.seesRequest() || !sight.mayAct()) {
            return List.of();
        }
        return Lifecycle.allowedActions(request, sight.party(), circumstances(request, clock.instant(), null));
    }

    /** The same, when the caller has already read the request's delivered answers (oldest first). */
    List<Action> allowedActions(CitizenRequest request, RequestAccess.Sight sight, List<AnswerLookup.AnswerSummary> delivered) {
        if (!sight.seesRequest() || !sight.mayAct()) {
            return List.of();
        }
        return Lifecycle.allowedActions(request, sight.party(), circumstances(request, clock.instant(), delivered));
    }

    /** Until when the citizen may still dispute the answer; null when the window is not open. */
    Instant reopenUntil(CitizenRequest request) {
        return request.status() == RequestStatus.ANSWERED ? Policies.disputableUntil(request, disputes.reopenWindow()) : null;
    }

    private CitizenRequest load(UUID id, Caller caller, String accessKey, String ifMatch) {
        CitizenRequest request = access.visibleTo(id, caller, accessKey);
        if (ifMatch != null && !ifMatch.isBlank()) {
            String expected = ifMatch.trim().replace("W/", "").replace("\"", "");
            if (!expected.equals(Long.toString(request.version()))) {
                throw ProblemException.conflict("CONCURRENT_MODIFICATION",
                        "CONCURRENT_MODIFICATION.reload");
            }
        }
        return request;
    }

    private Change take(CitizenRequest request, Action action, Payload payload, Caller caller, String accessKey) {
        Party party = RequestAccess.sight(request, caller, accessKey).party();
        if (action == Action.RATE) {
            // One rating per answer: two at once must not both pass the rule.
            requests.lock(request);
        }
        act(request, action, payload, caller, party, circumstances(request, clock.instant()));
        return save(request);
    }

    private void act(CitizenRequest request, Action action, Payload payload, Caller caller, Party party,
            Circumstances circumstances) {
        Lifecycle.refusal(request, action, payload, party, circumstances, true).ifPresent(r -> {
            throw r;
        });
        request.apply(action, payload, new CitizenRequest.Move(Actor.of(caller, party), party, circumstances.now(),
                deadlines), circumstances);
    }

    private Change save(CitizenRequest request) {
        List<RequestEventRecorded> recorded = requests.save(request).stream()
                .map(event -> RequestEventRecorded.of(event, request.administrationId())).toList();
        publisher.afterCommit(recorded);
        // in this transaction: a push exists if and only if the change commits
        PushNotices.of(request, recorded).ifPresent(notice -> outbox.push(request.citizenId(), request.id(), notice));
        return new Change(RequestFacts.of(request), recorded);
    }

    private Circumstances circumstances(CitizenRequest request, Instant now) {
        return circumstances(request, now, null);
    }

    /** {@code delivered}: the request's delivered answers when already read, else null (read when needed). */
    private Circumstances circumstances(CitizenRequest request, Instant now, List<AnswerLookup.AnswerSummary> delivered) {
        Optional<UUID> known = delivered == null ? null
                : delivered.isEmpty() ? Optional.empty() : Optional.of(delivered.get(delivered.size() - 1).id());
        return new Circumstances() {
            private Optional<UUID> latest = known;

            @Override
            public Instant now() {
                return now;
            }

            @Override
            public Duration reopenWindow() {
                return disputes.reopenWindow();
            }

            @Override
            public int maxReopenings() {
                return disputes.maxReopenings();
            }

            @Override
            public Duration escalationDelay() {
                return escalationDelay;
            }

            @Override
            public boolean reviewRequired() {
                return request.administrationId() == null || directory.administration(request.administrationId())
                        .map(a -> a.answerReviewRequired()).orElse(true);
            }

            @Override
            public Optional<UUID> latestDeliveredAnswer() {
                if (latest == null) {
                    List<AnswerLookup.AnswerSummary> delivered = answers.delivered(request.id());
                    latest = delivered.isEmpty() ? Optional.empty() : Optional.of(delivered.get(delivered.size() - 1).id());
                }
                return latest;
            }

            @Override
            public boolean rated(UUID answerId) {
                return ratings.rated(answerId);
            }

            @Override
            public boolean administrationActive(UUID administrationId) {
                return directory.activeAdministration(administrationId).isPresent();
            }

            @Override
            public boolean categoryAccepts(UUID categoryId, RequestType type) {
                return directory.category(categoryId).map(c -> c.accepts(type)).orElse(false);
            }
        };
    }
}
