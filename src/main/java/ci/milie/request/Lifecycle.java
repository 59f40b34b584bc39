package ci.milie.request;

import static ci.milie.request.RequestStatus.ANSWERED;
import static ci.milie.request.RequestStatus.AWAITING_CITIZEN;
import static ci.milie.request.RequestStatus.CLOSED;
import static ci.milie.request.RequestStatus.IN_PROGRESS;
import static ci.milie.request.RequestStatus.RECEIVED;
import static ci.milie.request.RequestStatus.REJECTED;
import static ci.milie.request.RequestStatus.ROUTED;
import static ci.milie.request.RequestStatus.UNDER_REVIEW;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ci.milie.common.Roles;

/**
 * The one transition table of a request: for each action, the statuses it may start from, the
 * status it leads to and the roles allowed to take it. Anything not listed is refused (409).
 *
 * <p>Two moves depend on the request itself, not only on its status: a citizen's reply returns
 * to the status the request had before information was asked ({@link #RESUME}), and an answer
 * goes straight to ANSWERED when its administration is trusted (no OSEP review).
 */
public final class Lifecycle {

    /** Target meaning "the status the request had before it waited for the citizen". */
    public static final RequestStatus RESUME = null;

    public record Transition(Set<RequestStatus> from, RequestStatus to, Set<String> roles) {
    }

    private static final Map<Action, Transition> TABLE = new EnumMap<>(Action.class);

    static {
        String osep = Roles.OSEP;
        String agent = Roles.AGENT;
        TABLE.put(Action.QUALIFY, new Transition(Set.of(RECEIVED), RECEIVED, Set.of(osep)));
        TABLE.put(Action.REJECT, new Transition(Set.of(RECEIVED), REJECTED, Set.of(osep)));
        TABLE.put(Action.ROUTE, new Transition(Set.of(RECEIVED), ROUTED, Set.of(osep)));
        TABLE.put(Action.REROUTE, new Transition(Set.of(ROUTED, IN_PROGRESS), ROUTED, Set.of(osep)));
        TABLE.put(Action.ACKNOWLEDGE, new Transition(Set.of(ROUTED), IN_PROGRESS, Set.of(agent)));
        TABLE.put(Action.REQUEST_INFORMATION, new Transition(Set.of(RECEIVED, ROUTED, IN_PROGRESS), AWAITING_CITIZEN,
                Set.of(osep, agent)));
        TABLE.put(Action.CITIZEN_REPLY, new Transition(Set.of(AWAITING_CITIZEN), RESUME, Set.of(Roles.CITIZEN)));
        TABLE.put(Action.HAND_BACK, new Transition(Set.of(ROUTED, IN_PROGRESS), RECEIVED, Set.of(agent)));
        TABLE.put(Action.SUBMIT_ANSWER, new Transition(Set.of(IN_PROGRESS), UNDER_REVIEW, Set.of(agent)));
        TABLE.put(Action.APPROVE_ANSWER, new Transition(Set.of(UNDER_REVIEW), ANSWERED, Set.of(osep)));
        TABLE.put(Action.RETURN_ANSWER, new Transition(Set.of(UNDER_REVIEW), IN_PROGRESS, Set.of(osep)));
        TABLE.put(Action.CLOSE, new Transition(Set.of(ANSWERED, IN_PROGRESS), CLOSED, Set.of(osep)));
        TABLE.put(Action.REOPEN, new Transition(Set.of(ANSWERED), ROUTED, Set.of(Roles.CITIZEN)));
        TABLE.put(Action.CONFIRM, new Transition(Set.of(ANSWERED), CLOSED, Set.of(Roles.CITIZEN)));
        TABLE.put(Action.AUTO_CLOSE, new Transition(Set.of(ANSWERED), CLOSED, Set.of(Actor.SYSTEM)));
    }

    private Lifecycle() {
    }

    public static Transition of(Action action) {
        return TABLE.get(action);
    }

    /** The status {@code action} leads to from {@code status}, if the table allows it at all. */
    public static Optional<RequestStatus> target(RequestStatus status, Action action, RequestStatus resumeStatus) {
        Transition transition = TABLE.get(action);
        if (transition == null || !transition.from().contains(status)) {
            return Optional.empty();
        }
        return Optional.of(transition.to() == RESUME ? resumeStatus : transition.to());
    }

    public static boolean allows(RequestStatus status, Action action) {
        Transition transition = TABLE.get(action);
        return transition != null && transition.from().contains(status);
    }

    public static boolean roleMay(String role, Action action) {
        return TABLE.get(action).roles().contains(role);
    }

    /** The actions possible from a status, for clients to show only the buttons that work. */
    public static List<Action> actionsFrom(RequestStatus status) {
        return TABLE.entrySet().stream().filter(e -> e.getValue().from().contains(status)).map(Map.Entry::getKey).toList();
    }
}
