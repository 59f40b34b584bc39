package ci.milie.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.Languages;
import ci.milie.common.ProblemException;
import ci.milie.directory.AdministrationRef;
import ci.milie.directory.CategorySummary;
import ci.milie.directory.DirectoryQueries;

/** Reads of a request for each audience: staff, its owner, anyone with its tracking code. */
@ApplicationScoped
public class RequestQueries {

    private final RequestAccess access;
    private final KeyAttempts keyAttempts;
    private final RequestCommands commands;
    private final RequestRepository requests;
    private final DirectoryQueries directory;
    private final AnswerLookup answers;
    private final Deadlines deadlines;
    private final Clock clock;

    RequestQueries(RequestAccess access, KeyAttempts keyAttempts, RequestCommands commands, RequestRepository requests, DirectoryQueries directory, AnswerLookup answers,
            Deadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.access = access;
        this.keyAttempts = keyAttempts;
        this.commands = commands;
        this.requests = requests;
        this.directory = directory;
        this.answers = answers;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.RequestView detail(UUID id, Caller caller, String accessKey) {
        CitizenRequest request = access.visibleTo(id, caller, accessKey);
        return view(request, RequestAccess.sight(request, caller, accessKey));
    }

    /**
     * The request as the caller of a change sees it right after: a caller who just gave it away
     * (an agent handing it back) still gets the result of the move, without further actions.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.RequestView afterChange(UUID id, Caller caller, String accessKey) {
        CitizenRequest request = requests.findByIdOptional(id).orElseThrow(RequestAccess::notFound);
        RequestAccess.Sight sight = RequestAccess.sight(request, caller, accessKey);
        return view(request, sight.seesRequest() ? sight : new RequestAccess.Sight(sight.party(), true, false, sight.mayAct()));
    }

    Views.RequestView view(CitizenRequest r, RequestAccess.Sight sight) {
        boolean staff = sight.staffView();
        CategorySummary category = directory.category(r.categoryId()).orElseThrow();
        boolean hideContact = !sight.seesContact();
        List<Action> allowed = commands.allowedActions(r, sight);
        Contact c = r.contact();
        Location l = r.location();
        return new Views.RequestView(r.id(), r.trackingCode(), r.type(), categoryRef(category), r.channel(),
                r.subject(), r.description(), r.status(), r.qualified(), administration(r.administrationId()),
                administration(r.suggestedAdministrationId()),
                staff ? administration(category.defaultAdministrationId()) : null,
                new Views.LocationView(l.region(), l.locality(), l.latitude(), l.longitude()),
                hideContact ? null : new Views.ContactView(c.fullName(), c.email(), c.phone(), c.preferredLanguage()),
                r.anonymous(), r.submittedAt(), r.updatedAt(), r.dueAt(), deadline(r), r.answeredAt(), r.closedAt(),
                r.rejectionReason() == null ? null : new Views.Rejection(r.rejectionReason(), r.duplicateOf()),
                r.reopenCount(), staff ? answers.all(r.id()) : answers.delivered(r.id()),
                allowed, reopenUntil(r, allowed), r.version(), allowed.contains(Action.RATE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Views.EventView> events(UUID id, Caller caller, String accessKey) {
        CitizenRequest request = access.visibleTo(id, caller, accessKey);
        RequestAccess.Sight sight = RequestAccess.sight(request, caller, accessKey);
        boolean staff = sight.staffView();
        return requests.events(request.id(), !staff).stream()
                .map(e -> eventView(e, staff, true, sight.seesContact())).toList();
    }

    /**
     * Public tracking. The code alone shows the status and the public timeline; with the right
     * key, also the thread and the answers (see {@link #tracked} for wrong keys and limits).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.TrackingView track(String rawCode, String accessKey) {
        return trackingView(tracked(rawCode, accessKey), accessKey);
    }

    /**
     * Public tracking (no key) for a caller counted by another limit: a feature phone's number, on
     * an aggregator's callback. The per-address count of unknown codes would lump together every
     * caller of one aggregator, which calls from one address.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.TrackingView trackForCountedCaller(String rawCode) {
        String code = TrackingCodes.normalise(rawCode);
        if (!TrackingCodes.FORMAT.matcher(code).matches()) {
            throw ProblemException.notFound("NOT_FOUND.request");
        }
        return trackingView(requests.findForTracking(code).orElseThrow(() -> ProblemException.notFound("NOT_FOUND.request")),
                null);
    }

    private Views.TrackingView trackingView(RequestRepository.TrackingRow r, String accessKey) {
        boolean withKey = KeyAttempts.given(accessKey);
        String language = Languages.ofCurrentRequest();
        List<Views.EventView> timeline = r.timeline().stream()
                .map(e -> new Views.EventView(e.id(), e.type(), EventTexts.label(e.type(), language), e.occurredAt(),
                        e.fromStatus(), e.toStatus(), withKey ? EventTexts.render(e.type(), e.message(), language) : null,
                        Visibility.PUBLIC, e.actorRole(), null))
                .toList();
        // The key holder's actions, from the same table as the owner's view: what the app offers next.
        List<Action> allowed = List.of();
        CitizenRequest request = null;
        List<AnswerLookup.AnswerSummary> delivered = null;
        if (withKey) {
            request = requests.findToRead(r.id());
            // read once: shown, and what the rules ask of the latest one
            delivered = answers.delivered(r.id());
            allowed = commands.allowedActions(request, RequestAccess.sight(request, Caller.anonymous(), accessKey), delivered);
        }
        return new Views.TrackingView(r.trackingCode(), withKey ? r.id() : null, r.type(),
                new Views.CategoryRef(r.categoryId(), r.categoryCode(), r.categoryLabelFr(), r.categoryLabelEn()),
                r.status(), r.submittedAt(), r.updatedAt(), r.dueAt(), r.administrationName(), timeline,
                delivered, allowed.contains(Action.RATE),
                request == null ? null : reopenUntil(request, allowed));
    }

    /**
     * The request a tracking code and its access key open, for the key holder's other doors (the
     * export and the erasure of its data): the same checks and guessing limits as {@link #track}, and the same 404
     * for an unknown code, a wrong key or no key at all.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID openedByKey(String rawCode, String accessKey) {
        RequestRepository.TrackingRow r = tracked(rawCode, accessKey);
        if (!KeyAttempts.given(accessKey)) {
            throw ProblemException.notFound("NOT_FOUND.request");
        }
        return r.id();
    }

    /**
     * The id of the request a tracking code names, with the same checks and guessing limits as
     * {@link #track} (its key checked when one is given): for the live stream of one request.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    UUID trackedId(String rawCode, String accessKey) {
        return tracked(rawCode, accessKey).id();
    }

    /**
     * The request of a tracking code, its key checked when one is given. A wrong key answers exactly
     * like an unknown code (not found), so guessing keys teaches nothing; unknown codes and wrong
     * keys count towards the guessing limits (429 past them).
     */
    private RequestRepository.TrackingRow tracked(String rawCode, String accessKey) {
        String code = TrackingCodes.normalise(rawCode);
        if (!TrackingCodes.FORMAT.matcher(code).matches()) {
            throw ProblemException.notFound("NOT_FOUND.request");
        }
        boolean keyGiven = KeyAttempts.given(accessKey);
        keyAttempts.beforeCode();
        if (keyGiven) {
            keyAttempts.beforeKey(code);
        }
        // One query: the request with its category, its administration's name and its public timeline.
        var found = requests.findForTracking(code);
        if (found.isEmpty()) {
            keyAttempts.unknownCode();
            throw ProblemException.notFound("NOT_FOUND.request");
        }
        if (keyGiven && !RequestAccess.holdsKey(found.get().accessKeyHash(), accessKey)) {
            keyAttempts.wrongKey(code);
            throw ProblemException.notFound("NOT_FOUND.request");
        }
        return found.get();
    }

    /** The signed-in citizen's own requests, newest first; with {@code updatedSince}, only those changed after it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Views.MyRequestPage mine(Caller caller, int limit, String cursor, Instant updatedSince) {
        UUID citizenId = caller.id().orElseThrow(() -> ProblemException.notFound("NOT_FOUND.account"));
        WorkQueue.Filter filter = WorkQueue.Filter.forCitizen(citizenId, updatedSince);
        WorkQueue queue = new WorkQueue(requests.getEntityManager(), clock);
        var page = queue.page(filter, WorkQueue.Sort.SUBMITTED, limit, cursor);
        return new Views.MyRequestPage(page.items(), page.nextCursor(), queue.count(filter));
    }

    /** Until when the caller may dispute the answer: only while REOPEN is allowed, so never a second copy of its rule. */
    private Instant reopenUntil(CitizenRequest r, List<Action> allowed) {
        return allowed.contains(Action.REOPEN) ? commands.reopenUntil(r) : null;
    }

    private Views.DeadlineView deadline(CitizenRequest r) {
        java.time.Instant now = clock.instant();
        var stage = r.currentStage();
        java.time.Duration left = null;
        java.time.Duration overdueBy = null;
        if (r.dueAt() != null) {
            if (now.isAfter(r.dueAt())) {
                overdueBy = java.time.Duration.between(r.dueAt(), now);
            } else {
                left = deadlines.remaining(r.dueAt(), now);
            }
        }
        boolean paused = r.status() == RequestStatus.AWAITING_CITIZEN;
        return new Views.DeadlineView(stage, r.dueAt(), seconds(left), seconds(overdueBy),
                paused, paused ? seconds(r.pausedRemaining()) : null, r.triageMet(), r.acknowledgementMet(), r.answerMet());
    }

    private static Long seconds(java.time.Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private static Views.CategoryRef categoryRef(CategorySummary category) {
        return new Views.CategoryRef(category.id(), category.code(), category.labelFr(), category.labelEn());
    }

    private AdministrationRef administration(UUID id) {
        return id == null ? null : directory.administration(id)
                .map(a -> new AdministrationRef(a.id(), a.code(), a.name())).orElse(null);
    }

    /**
     * One event as the caller may read it. To a caller who may not see the contact, the citizen's
     * own events carry no account id and a file the citizen joined no name (events recorded before
     * file names were kept out of anonymous requests' history included them).
     */
    static Views.EventView eventView(RequestEvent e, boolean staff, boolean withMessage, boolean seesContact) {
        return eventView(e, staff, withMessage, seesContact, Languages.ofCurrentRequest());
    }

    /** The same, in a given language (live streams render outside the HTTP request that opened them). */
    static Views.EventView eventView(RequestEvent e, boolean staff, boolean withMessage, boolean seesContact, String language) {
        boolean citizenHidden = !seesContact && ContactVisibility.citizenActor(e.actorRole());
        String message = withMessage ? e.message() : null;
        if (message != null && !seesContact && e.type() == EventType.ATTACHMENT_ADDED) {
            message = ContactVisibility.recordedFileName(true, e.actorRole(), message);
        }
        return new Views.EventView(e.id(), e.type(), EventTexts.label(e.type(), language), e.occurredAt(), e.fromStatus(),
                e.toStatus(), EventTexts.render(e.type(), message, language), e.visibility(), e.actorRole(),
                staff && !citizenHidden ? e.actorId() : null);
    }
}
