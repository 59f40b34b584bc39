package ci.milie.request;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.common.Secrets;

/**
 * Object-level authorisation, first layer: what a caller is to a request ({@link Party}), whether
 * they may see it at all, and which of its fields (the citizen's identity: {@link ContactVisibility},
 * which also serves the filters over many requests). Every read and write asks here;
 * the lifecycle table then says what that party may do. Anyone who may not see a request gets the
 * same 404 as for one that does not exist, so existence never leaks.
 */
@ApplicationScoped
public class RequestAccess {

    /** What a caller sees of one request. */
    public record Sight(Party party, boolean seesRequest, boolean seesContact, boolean mayAct) {

        /** A sight whose caller's token may act on the request (every sight but a read-only client's). */
        public Sight(Party party, boolean seesRequest, boolean seesContact) {
            this(party, seesRequest, seesContact, true);
        }

        /** Staff's view: internal events, every answer, the routing suggestion. */
        public boolean staffView() {
            return switch (party) {
                case OSEP, SUPERVISOR, AGENT_IN_CHARGE, OPERATOR_WHO_ENTERED, SYSTEM -> true;
                default -> false;
            };
        }

    }

    /**
     * The same rule over many requests, for lists and filters: an agent's lists hold only their
     * administration's requests; an operator looks a request up by tracking code and phone only;
     * the filters on who the citizen is match anonymous requests only for those who may see them.
     */
    public record Scope(Optional<UUID> administrationId, boolean byCodeAndPhoneOnly, boolean seesAnonymousContacts) {
    }

    private final RequestRepository requests;
    private final KeyAttempts keyAttempts;

    RequestAccess(RequestRepository requests, KeyAttempts keyAttempts) {
        this.requests = requests;
        this.keyAttempts = keyAttempts;
    }

    /**
     * The request, if the caller (token or access key) may see it; otherwise 404. A key that opens
     * nothing counts towards the guessing limits (429 past them, before the key is even checked).
     */
    CitizenRequest visibleTo(UUID id, Caller caller, String accessKey) {
        boolean keyed = KeyAttempts.given(accessKey);
        if (keyed) {
            keyAttempts.beforeKey(id.toString());
        }
        CitizenRequest request = requests.findByIdOptional(id).orElse(null);
        if (request == null || !sight(request, caller, accessKey).seesRequest()) {
            if (keyed) {
                keyAttempts.wrongKey(id.toString());
            }
            throw notFound();
        }
        return request;
    }

    /** The one function: who the caller is to this request, and what they see of it. */
    public static Sight sight(CitizenRequest request, Caller caller, String accessKey) {
        Party party = party(request, caller, accessKey);
        boolean sees = switch (party) {
            case OSEP, SUPERVISOR, AGENT_IN_CHARGE, OPERATOR_WHO_ENTERED, OWNER, KEY_HOLDER, SYSTEM -> true;
            default -> false;
        };
        boolean contact = sees && (party == Party.SYSTEM || ContactVisibility.seesContact(caller, request.anonymous()));
        return new Sight(party, sees, contact, caller.mayActOnRequests());
    }

    /** What the lists of requests may show this (staff) caller. */
    public static Scope scope(Caller caller) {
        Optional<UUID> administration = Optional.empty();
        boolean manager = caller.hasRole(Roles.OSEP) || caller.hasRole(Roles.SUPERVISOR);
        if (caller.hasRole(Roles.AGENT) && !manager) {
            administration = Optional.of(caller.administrationId()
                    .orElseThrow(() -> ProblemException.forbidden("FORBIDDEN.no-administration")));
        }
        boolean operator = caller.hasRole(Roles.OPERATOR) && !manager;
        return new Scope(administration, operator, ContactVisibility.seesContact(caller, true));
    }

    private static Party party(CitizenRequest request, Caller caller, String accessKey) {
        if (caller.isSystem()) {
            return Party.SYSTEM;
        }
        if (caller.hasRole(Roles.OSEP)) {
            return Party.OSEP;
        }
        if (caller.hasRole(Roles.SUPERVISOR)) {
            return Party.SUPERVISOR;
        }
        if (caller.hasRole(Roles.AGENT)) {
            boolean inCharge = request.administrationId() != null
                    && caller.administrationId().map(request.administrationId()::equals).orElse(false);
            return inCharge ? Party.AGENT_IN_CHARGE : Party.AGENT_ELSEWHERE;
        }
        if (caller.hasRole(Roles.OPERATOR)) {
            boolean entered = request.enteredByStaffId() != null
                    && caller.id().map(request.enteredByStaffId()::equals).orElse(false);
            return entered ? Party.OPERATOR_WHO_ENTERED : Party.OPERATOR;
        }
        if (caller.hasRole(Roles.CITIZEN) && request.citizenId() != null
                && caller.id().map(request.citizenId()::equals).orElse(false)) {
            return Party.OWNER;
        }
        if (holdsKey(request, accessKey)) {
            return Party.KEY_HOLDER;
        }
        if (caller.hasRole(Roles.CITIZEN)) {
            return Party.OTHER_CITIZEN;
        }
        return caller.hasRole(Roles.SYSADMIN) ? Party.SYSADMIN : Party.ANONYMOUS;
    }

    static boolean holdsKey(CitizenRequest request, String accessKey) {
        return plausibleKey(accessKey) && request.acceptsAccessKey(Secrets.sha256(accessKey));
    }

    /** The same check against the stored hash, for reads that do not load the request. */
    static boolean holdsKey(String accessKeyHash, String accessKey) {
        return plausibleKey(accessKey) && Secrets.sameHash(accessKeyHash, Secrets.sha256(accessKey));
    }

    private static boolean plausibleKey(String accessKey) {
        return accessKey != null && !accessKey.isBlank() && accessKey.length() <= 100;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("NOT_FOUND.request");
    }
}
