package ci.milie.request;

import static ci.milie.request.RequestStatus.ANSWERED;
import static ci.milie.request.RequestStatus.AWAITING_CITIZEN;
import static ci.milie.request.RequestStatus.CLOSED;
import static ci.milie.request.RequestStatus.IN_PROGRESS;
import static ci.milie.request.RequestStatus.RECEIVED;
import static ci.milie.request.RequestStatus.REJECTED;
import static ci.milie.request.RequestStatus.ROUTED;
import static ci.milie.request.RequestStatus.UNDER_REVIEW;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ci.milie.common.ProblemException;

/**
 * The one table of a request's life: for each action, the statuses it starts from, where it leads,
 * who may take it, the rules that are not statuses, the events it records and what follows. The
 * aggregate applies it, the door checks it, {@code allowedActions} is read from it: nothing else
 * decides a move.
 */
public final class Lifecycle {

    /** Where an action leads: a status, the same status, or back where the request was before it waited. */
    public record Target(RequestStatus status, boolean resume) {
        static final Target STAYS = new Target(null, false);
        static final Target RESUME = new Target(null, true);

        static Target to(RequestStatus status) {
            return new Target(status, false);
        }

        RequestStatus from(CitizenRequest request) {
            return resume ? request.resumeStatus() : status == null ? request.status() : status;
        }
    }

    /** Who reads an event: everyone who follows the request, staff only, or public when the citizen did it. */
    public enum Shown {
        PUBLIC, INTERNAL, PUBLIC_WHEN_CITIZEN;

        Visibility forParty(Party party) {
            return this == PUBLIC || (this == PUBLIC_WHEN_CITIZEN && party.isCitizen()) ? Visibility.PUBLIC
                    : Visibility.INTERNAL;
        }
    }

    /** An event an action records. */
    public record Recorded(EventType type, Shown shown) {
    }

    /** What may follow an action in the same move. */
    public enum Then {
        NOTHING,
        /** An answer of an administration whose answers OSEP does not review is delivered at once. */
        DELIVER_UNLESS_REVIEWED,
        /** A satisfied rating of an answered request closes it: nothing is left to dispute. */
        CLOSE_IF_SATISFIED
    }

    /** One row of the table. */
    public record Rule(Action action, Class<? extends Payload> payload, Set<RequestStatus> from, Target target,
            Set<Party> parties, List<Policy> policies, List<Recorded> records, Then then) {
    }

    private static final Set<RequestStatus> ALL = Set.copyOf(EnumSet.allOf(RequestStatus.class));
    private static final Set<Party> CITIZEN = Party.CITIZEN;
    private static final Map<Action, Rule> TABLE = new EnumMap<>(Action.class);

    static {
        row(Action.QUALIFY, Payload.Qualification.class, Set.of(RECEIVED), Target.STAYS, Set.of(Party.OSEP), List.of(Policies.CATEGORY_TAKES_THE_TYPE),
                List.of(internal(EventType.QUALIFIED)));
        row(Action.REJECT, Payload.Rejection.class, Set.of(RECEIVED), Target.to(REJECTED), Set.of(Party.OSEP), List.of(),
                List.of(shown(EventType.REJECTED)));
        row(Action.ROUTE, Payload.Routing.class, Set.of(RECEIVED), Target.to(ROUTED), Set.of(Party.OSEP),
                List.of(Policies.ROUTED_TO_AN_ACTIVE_ADMINISTRATION),
                List.of(shown(EventType.ROUTED)));
        row(Action.REROUTE, Payload.Routing.class, Set.of(ROUTED, IN_PROGRESS), Target.to(ROUTED), Set.of(Party.OSEP),
                List.of(Policies.REROUTING_NEEDS_A_REASON, Policies.ROUTED_TO_AN_ACTIVE_ADMINISTRATION,
                        Policies.REROUTING_CHANGES_THE_ADMINISTRATION),
                List.of(internal(EventType.REROUTED), shown(EventType.ROUTED)));
        row(Action.ACKNOWLEDGE, Payload.None.class, Set.of(ROUTED), Target.to(IN_PROGRESS), Set.of(Party.AGENT_IN_CHARGE), List.of(),
                List.of(shown(EventType.ACKNOWLEDGED)));
        row(Action.REQUEST_INFORMATION, Payload.Text.class, Set.of(RECEIVED, ROUTED, IN_PROGRESS), Target.to(AWAITING_CITIZEN),
                Set.of(Party.OSEP, Party.AGENT_IN_CHARGE), List.of(), List.of(shown(EventType.INFORMATION_REQUESTED)));
        row(Action.REPLY, Payload.Text.class, Set.of(AWAITING_CITIZEN), Target.RESUME, CITIZEN, List.of(),
                List.of(shown(EventType.CITIZEN_REPLIED)));
        row(Action.HAND_BACK, Payload.Text.class, Set.of(ROUTED, IN_PROGRESS), Target.to(RECEIVED), Set.of(Party.AGENT_IN_CHARGE), List.of(),
                List.of(internal(EventType.HANDED_BACK)));
        TABLE.put(Action.SUBMIT_ANSWER, new Rule(Action.SUBMIT_ANSWER, Payload.AnswerStep.class, Set.of(IN_PROGRESS), Target.to(UNDER_REVIEW),
                Set.of(Party.AGENT_IN_CHARGE), List.of(), List.of(internal(EventType.ANSWER_SUBMITTED)),
                Then.DELIVER_UNLESS_REVIEWED));
        row(Action.APPROVE_ANSWER, Payload.AnswerStep.class, Set.of(UNDER_REVIEW), Target.to(ANSWERED), Set.of(Party.OSEP), List.of(),
                List.of(shown(EventType.ANSWER_DELIVERED)));
        row(Action.RETURN_ANSWER, Payload.AnswerStep.class, Set.of(UNDER_REVIEW), Target.to(IN_PROGRESS), Set.of(Party.OSEP), List.of(),
                List.of(internal(EventType.ANSWER_RETURNED)));
        row(Action.CLOSE, Payload.Text.class, Set.of(ANSWERED, IN_PROGRESS), Target.to(CLOSED), Set.of(Party.OSEP),
                List.of(Policies.COMPLAINT_CLOSED_ONLY_ONCE_ANSWERED), List.of(shown(EventType.CLOSED)));
        row(Action.REOPEN, Payload.Text.class, Set.of(ANSWERED), Target.to(ROUTED), CITIZEN,
                List.of(Policies.REOPEN_WINDOW, Policies.REOPEN_LIMIT), List.of(shown(EventType.REOPENED)));
        TABLE.put(Action.RATE, new Rule(Action.RATE, Payload.Rating.class, ALL, Target.STAYS, CITIZEN,
                List.of(Policies.ONE_RATING_PER_DELIVERED_ANSWER), List.of(shown(EventType.FEEDBACK_GIVEN)),
                Then.CLOSE_IF_SATISFIED));
        row(Action.ADD_NOTE, Payload.Text.class, ALL, Target.STAYS, Set.of(Party.OSEP, Party.AGENT_IN_CHARGE), List.of(),
                List.of(internal(EventType.NOTE_ADDED)));
        row(Action.ADD_ATTACHMENT, Payload.File.class, ALL, Target.STAYS,
                Set.of(Party.OWNER, Party.KEY_HOLDER, Party.OSEP, Party.AGENT_IN_CHARGE),
                List.of(Policies.FILES_UNTIL_CLOSED),
                List.of(new Recorded(EventType.ATTACHMENT_ADDED, Shown.PUBLIC_WHEN_CITIZEN)));
        row(Action.AUTO_CLOSE, Payload.None.class, Set.of(ANSWERED), Target.to(CLOSED), Set.of(Party.SYSTEM),
                List.of(Policies.DISPUTE_WINDOW_OVER), List.of(shown(EventType.CLOSED)));
        row(Action.FLAG_OVERDUE, Payload.None.class, RequestStatus.RUNNING, Target.STAYS, Set.of(Party.SYSTEM), List.of(Policies.PAST_DUE),
                List.of(internal(EventType.DEADLINE_MISSED)));
        row(Action.ESCALATE, Payload.None.class, RequestStatus.RUNNING, Target.STAYS, Set.of(Party.SYSTEM),
                List.of(Policies.ESCALATION_DUE), List.of(internal(EventType.DEADLINE_MISSED)));
        if (TABLE.size() != Action.values().length) {
            throw new IllegalStateException("every action needs its row in the lifecycle table");
        }
    }

    private Lifecycle() {
    }

    private static void row(Action action, Class<? extends Payload> payload, Set<RequestStatus> from, Target target,
            Set<Party> parties, List<Policy> policies, List<Recorded> records) {
        TABLE.put(action, new Rule(action, payload, from, target, parties, policies, records, Then.NOTHING));
    }

    private static Recorded shown(EventType type) {
        return new Recorded(type, Shown.PUBLIC);
    }

    private static Recorded internal(EventType type) {
        return new Recorded(type, Shown.INTERNAL);
    }

    public static Rule rule(Action action) {
        return TABLE.get(action);
    }

    /** Whether the table lets {@code action} start from {@code status} at all (whoever asks). */
    public static boolean allows(RequestStatus status, Action action) {
        return TABLE.get(action).from().contains(status);
    }

    /**
     * The first refusal of the table for this party taking this action now, in a fixed order:
     * 403 when the party may never take it, 409 when the status does not allow it, then the
     * row's policies (those reading the action's input only when {@code withInput}).
     */
    public static Optional<ProblemException> refusal(CitizenRequest request, Action action, Payload payload, Party party,
            Circumstances circumstances, boolean withInput) {
        Rule rule = TABLE.get(action);
        if (withInput && !rule.payload().isInstance(payload)) {
            throw new IllegalArgumentException(action + " carries a " + rule.payload().getSimpleName() + ", not " + payload);
        }
        if (!rule.parties().contains(party)) {
            return Optional.of(ProblemException.forbidden("FORBIDDEN.action", action.name()));
        }
        if (!rule.from().contains(request.status())) {
            return Optional.of(ProblemException.invalidTransition(request.status().name(),
                    "INVALID_TRANSITION.status", action.name(), request.status().name()));
        }
        if (party.isCitizen() && request.personalDataErased()) {
            // erased at the citizen's request: nothing more of theirs comes in (a file, a reply, a comment)
            return Optional.of(ProblemException.conflictInStatus("PERSONAL_DATA_ERASED", request.status().name(),
                    "PERSONAL_DATA_ERASED.nothing-more"));
        }
        for (Policy policy : rule.policies()) {
            if (withInput || !policy.readsInput()) {
                Optional<ProblemException> refused = policy.refusal(request, payload, circumstances);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        return Optional.empty();
    }

    /** Exactly the actions this party may take on the request now, whatever it would send. */
    public static List<Action> allowedActions(CitizenRequest request, Party party, Circumstances circumstances) {
        List<Action> allowed = new ArrayList<>();
        for (Action action : Action.values()) {
            if (refusal(request, action, null, party, circumstances, false).isEmpty()) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** The one routing endpoint: a re-routing once the request is routed, else the first routing. */
    static Action routing(RequestStatus status) {
        return allows(status, Action.REROUTE) ? Action.REROUTE : Action.ROUTE;
    }

    /** The one thread endpoint: the citizen's reply, or a question from staff. */
    static Action message(Party party) {
        return party.isCitizen() ? Action.REPLY : Action.REQUEST_INFORMATION;
    }
}
