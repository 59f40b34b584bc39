package ci.milie.request;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.identity.Revocations;

/** Who may open which stream, decided when it opens, with the same rules as the reads it mirrors. */
@ApplicationScoped
class LiveOpeners {

    private final RequestQueries queries;
    private final RequestRepository requests;

    LiveOpeners(RequestQueries queries, RequestRepository requests) {
        this.queries = queries;
        this.requests = requests;
    }

    /**
     * One request, for its key holder or its signed-in owner: the same 404 as tracking for an
     * unknown code, a wrong key, or anyone else (guesses counted, 429 past the limits).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    LiveStream.Opener tracking(String code, String accessKey, Caller caller, Optional<Revocations.SessionOf> session,
            String language) {
        UUID id = queries.trackedId(code, accessKey);
        CitizenRequest request = requests.findById(id);
        RequestAccess.Sight sight = RequestAccess.sight(request, caller, accessKey);
        if (sight.party() != Party.OWNER && sight.party() != Party.KEY_HOLDER) {
            throw ProblemException.notFound("NOT_FOUND.request");
        }
        // A key holder's stream lives as long as the key; an owner's, as long as the session.
        Optional<Revocations.SessionOf> held = sight.party() == Party.OWNER ? session : Optional.empty();
        return new LiveStream.Opener(LiveStream.Kind.TRACKING, snapshot(caller), held, id,
                new RequestAccess.Sight(sight.party(), true, sight.seesContact()), language);
    }

    LiveStream.Opener mine(Caller caller, Optional<Revocations.SessionOf> session, String language) {
        requireRole(caller, Roles.CITIZEN);
        caller.id().orElseThrow(() -> ProblemException.notFound("NOT_FOUND.account"));
        return new LiveStream.Opener(LiveStream.Kind.MINE, snapshot(caller), session, null, null, language);
    }

    /** Staff: the requests they may read, as their work queue scopes them (403 for an agent without an administration). */
    LiveStream.Opener staff(Caller caller, Optional<Revocations.SessionOf> session, String language) {
        requireRole(caller, Roles.OSEP, Roles.SUPERVISOR, Roles.AGENT, Roles.OPERATOR);
        RequestAccess.scope(caller);
        return new LiveStream.Opener(LiveStream.Kind.STAFF, snapshot(caller), session, null, null, language);
    }

    /**
     * The streams that take a ticket cannot leave roles to {@code @RolesAllowed} (a ticket comes
     * without a token): the same 401 and 403 here.
     */
    static void requireRole(Caller caller, String... roles) {
        if (caller.isAnonymous()) {
            throw ProblemException.unauthorized("UNAUTHENTICATED", "UNAUTHENTICATED.token");
        }
        for (String role : roles) {
            if (caller.hasRole(role)) {
                return;
            }
        }
        throw ProblemException.forbidden("FORBIDDEN.role");
    }

    /** A tracking stream's ticket opens the stream of the request it was issued for, under that request's code only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    LiveStream.Opener onlyFor(LiveStream.Opener opener, String trackingCode) {
        CitizenRequest request = requests.findById(opener.requestId());
        if (request == null || !request.trackingCode().equals(TrackingCodes.normalise(trackingCode))) {
            throw badTicket();
        }
        return opener;
    }

    static ProblemException badTicket() {
        return ProblemException.unauthorized("UNAUTHENTICATED", "UNAUTHENTICATED.ticket");
    }

    /** The caller outlives the HTTP request that opened the stream. */
    private static Caller snapshot(Caller caller) {
        return Caller.of(caller.roles(), caller.id().orElse(null), caller.administrationId().orElse(null));
    }
}
