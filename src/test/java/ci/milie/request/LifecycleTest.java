package ci.milie.request;

import static ci.milie.request.RequestStatus.ANSWERED;
import static ci.milie.request.RequestStatus.AWAITING_CITIZEN;
import static ci.milie.request.RequestStatus.CLOSED;
import static ci.milie.request.RequestStatus.IN_PROGRESS;
import static ci.milie.request.RequestStatus.RECEIVED;
import static ci.milie.request.RequestStatus.REJECTED;
import static ci.milie.request.RequestStatus.ROUTED;
import static ci.milie.request.RequestStatus.UNDER_REVIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.directory.RequestType;
import ci.milie.sla.DeadlinePolicy;

/**
 * The state machine, exhaustively: every status × every action, on the aggregate itself. The
 * expected table is written out here independently of {@link Lifecycle}, so a change to one
 * without the other fails.
 */
class LifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final DeadlinePolicy DEADLINES = new DeadlinePolicy();
    private static final UUID ADMINISTRATION = UUID.randomUUID();
    private static final UUID OTHER_ADMINISTRATION = UUID.randomUUID();

    /** Expected: from each status, where each allowed action leads. Everything absent is a 409. */
    private static final Map<RequestStatus, Map<Action, RequestStatus>> EXPECTED = new EnumMap<>(RequestStatus.class);

    static {
        for (RequestStatus status : RequestStatus.values()) {
            EXPECTED.put(status, new EnumMap<>(Action.class));
        }
        EXPECTED.get(RECEIVED).put(Action.QUALIFY, RECEIVED);
        EXPECTED.get(RECEIVED).put(Action.REJECT, REJECTED);
        EXPECTED.get(RECEIVED).put(Action.ROUTE, ROUTED);
        EXPECTED.get(RECEIVED).put(Action.REQUEST_INFORMATION, AWAITING_CITIZEN);
        EXPECTED.get(ROUTED).put(Action.REROUTE, ROUTED);
        EXPECTED.get(ROUTED).put(Action.ACKNOWLEDGE, IN_PROGRESS);
        EXPECTED.get(ROUTED).put(Action.REQUEST_INFORMATION, AWAITING_CITIZEN);
        EXPECTED.get(ROUTED).put(Action.HAND_BACK, RECEIVED);
        EXPECTED.get(IN_PROGRESS).put(Action.REROUTE, ROUTED);
        EXPECTED.get(IN_PROGRESS).put(Action.REQUEST_INFORMATION, AWAITING_CITIZEN);
        EXPECTED.get(IN_PROGRESS).put(Action.HAND_BACK, RECEIVED);
        EXPECTED.get(IN_PROGRESS).put(Action.SUBMIT_ANSWER, UNDER_REVIEW);
        EXPECTED.get(IN_PROGRESS).put(Action.CLOSE, CLOSED); // suggestions and observations only
        EXPECTED.get(AWAITING_CITIZEN).put(Action.CITIZEN_REPLY, IN_PROGRESS); // back to where it was
        EXPECTED.get(UNDER_REVIEW).put(Action.APPROVE_ANSWER, ANSWERED);
        EXPECTED.get(UNDER_REVIEW).put(Action.RETURN_ANSWER, IN_PROGRESS);
        EXPECTED.get(ANSWERED).put(Action.CLOSE, CLOSED);
        EXPECTED.get(ANSWERED).put(Action.REOPEN, ROUTED); // back to the same administration
        EXPECTED.get(ANSWERED).put(Action.CONFIRM, CLOSED);
        EXPECTED.get(ANSWERED).put(Action.AUTO_CLOSE, CLOSED);
    }

    static Stream<Arguments> everyStatusAndAction() {
        List<Arguments> all = new ArrayList<>();
        for (RequestStatus status : RequestStatus.values()) {
            for (Action action : Action.values()) {
                all.add(Arguments.of(status, action));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStatusAndAction")
    void eachActionIsAllowedExactlyFromTheStatusesOfTheTable(RequestStatus status, Action action) {
        CitizenRequest request = requestIn(status, RequestType.SUGGESTION);
        RequestStatus expected = EXPECTED.get(status).get(action);

        if (expected == null) {
            ProblemException refused = assertThrows(ProblemException.class, () -> act(request, action));
            assertEquals(409, refused.status());
            assertEquals("INVALID_TRANSITION", refused.code());
            assertEquals(status.name(), refused.currentStatus());
            assertEquals(status, request.status(), "a refused move changes nothing");
            assertTrue(request.newEvents().isEmpty(), "a refused move records nothing");
        } else {
            act(request, action);
            assertEquals(expected, request.status());
            assertTrue(!request.newEvents().isEmpty(), "every move records an event");
        }
    }

    @Test
    void theTableAndTheAggregateAgree() {
        for (RequestStatus status : RequestStatus.values()) {
            for (Action action : Action.values()) {
                assertEquals(EXPECTED.get(status).containsKey(action), Lifecycle.allows(status, action),
                        action + " from " + status);
            }
        }
    }

    @Test
    void aComplaintIsNotClosedBeforeItIsAnswered() {
        CitizenRequest complaint = requestIn(IN_PROGRESS, RequestType.COMPLAINT);
        ProblemException refused = assertThrows(ProblemException.class, () -> act(complaint, Action.CLOSE));
        assertEquals(409, refused.status());
        assertEquals(IN_PROGRESS, complaint.status());
    }

    @Test
    void theCitizensReplyReturnsToTheStatusBeforeTheQuestion() {
        CitizenRequest atOsep = requestIn(RECEIVED, RequestType.COMPLAINT);
        atOsep.requestInformation(move(Roles.OSEP), "Quelle mairie ?");
        atOsep.receiveCitizenReply(move(Roles.CITIZEN), "Yopougon");
        assertEquals(RECEIVED, atOsep.status());

        CitizenRequest routed = requestIn(ROUTED, RequestType.COMPLAINT);
        routed.requestInformation(move(Roles.AGENT), "Votre numéro de dossier ?");
        routed.receiveCitizenReply(move(Roles.CITIZEN), "A-123");
        assertEquals(ROUTED, routed.status());
    }

    @Test
    void aTrustedAdministrationsAnswerIsDeliveredAtOnce() {
        CitizenRequest request = requestIn(IN_PROGRESS, RequestType.COMPLAINT);
        request.answerSubmitted(move(Roles.AGENT), false);
        assertEquals(ANSWERED, request.status());
        assertEquals(NOW, request.answeredAt());
        assertNull(request.dueAt());
    }

    @Test
    void reopeningKeepsTheAdministrationAndIsLimited() {
        CitizenRequest request = requestIn(ANSWERED, RequestType.COMPLAINT);
        UUID administration = request.administrationId();
        request.reopen(move(Roles.CITIZEN), "Toujours rien", java.time.Duration.ofDays(15), 1);
        assertEquals(ROUTED, request.status());
        assertEquals(administration, request.administrationId());
        assertEquals(1, request.reopenCount());
        request.acknowledge(move(Roles.AGENT));
        request.answerSubmitted(move(Roles.AGENT), false);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> request.reopen(move(Roles.CITIZEN), "Encore", java.time.Duration.ofDays(15), 1));
        assertEquals("REOPEN_LIMIT_REACHED", refused.code());
        assertEquals(ANSWERED, request.status());
    }

    @Test
    void reopeningAfterTheWindowIsRefused() {
        CitizenRequest request = requestIn(ANSWERED, RequestType.COMPLAINT);
        CitizenRequest.Move late = new CitizenRequest.Move(new Actor(null, Roles.CITIZEN), NOW.plus(java.time.Duration.ofDays(16)), DEADLINES);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> request.reopen(late, "Trop tard", java.time.Duration.ofDays(15), 2));
        assertEquals("REOPEN_WINDOW_CLOSED", refused.code());
    }

    @Test
    void aRoleOutsideTheTableIsForbidden() {
        CitizenRequest request = requestIn(RECEIVED, RequestType.COMPLAINT);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> request.route(move(Roles.AGENT), ADMINISTRATION, "X"));
        assertEquals(403, refused.status());
        assertEquals(RECEIVED, request.status());
    }

    @Test
    void waitingForTheCitizenStopsTheDeadline() {
        CitizenRequest request = requestIn(IN_PROGRESS, RequestType.COMPLAINT);
        Instant due = request.dueAt();
        request.requestInformation(move(Roles.AGENT), "?");
        assertNull(request.dueAt());
        request.receiveCitizenReply(move(Roles.CITIZEN), "!");
        assertEquals(IN_PROGRESS, request.status());
        assertTrue(request.dueAt() != null && !request.dueAt().isBefore(due));
    }

    @Test
    void everyMoveIsRecordedWithItsActorAndStatuses() {
        CitizenRequest request = requestIn(RECEIVED, RequestType.COMPLAINT);
        request.route(move(Roles.OSEP), ADMINISTRATION, "Mairie de Yopougon");
        RequestEvent event = request.newEvents().get(request.newEvents().size() - 1);
        assertEquals(EventType.ROUTED, event.type());
        assertEquals(RECEIVED, event.fromStatus());
        assertEquals(ROUTED, event.toStatus());
        assertEquals(Roles.OSEP, event.actorRole());
        assertEquals(Visibility.PUBLIC, event.visibility());
        assertEquals("Mairie de Yopougon", event.message());
    }

    private static CitizenRequest.Move move(String role) {
        return new CitizenRequest.Move(new Actor(UUID.randomUUID(), role), NOW, DEADLINES);
    }

    /** Performs the action as the role the table allows for it. */
    private static void act(CitizenRequest request, Action action) {
        Map<Action, Consumer<CitizenRequest>> moves = new EnumMap<>(Action.class);
        moves.put(Action.QUALIFY, r -> r.qualify(move(Roles.OSEP), null, null));
        moves.put(Action.REJECT, r -> r.reject(move(Roles.OSEP), "OUT_OF_SCOPE", null, "Hors champ"));
        moves.put(Action.ROUTE, r -> r.route(move(Roles.OSEP), ADMINISTRATION, "A"));
        moves.put(Action.REROUTE, r -> r.reroute(move(Roles.OSEP), OTHER_ADMINISTRATION, "B", "Mauvaise administration"));
        moves.put(Action.ACKNOWLEDGE, r -> r.acknowledge(move(Roles.AGENT)));
        moves.put(Action.REQUEST_INFORMATION, r -> r.requestInformation(move(Roles.OSEP), "Précisez"));
        moves.put(Action.CITIZEN_REPLY, r -> r.receiveCitizenReply(move(Roles.CITIZEN), "Voilà"));
        moves.put(Action.HAND_BACK, r -> r.handBack(move(Roles.AGENT), "Pas chez nous"));
        moves.put(Action.SUBMIT_ANSWER, r -> r.answerSubmitted(move(Roles.AGENT), true));
        moves.put(Action.APPROVE_ANSWER, r -> r.answerApproved(move(Roles.OSEP)));
        moves.put(Action.RETURN_ANSWER, r -> r.answerReturned(move(Roles.OSEP), "À revoir"));
        moves.put(Action.CLOSE, r -> r.close(move(Roles.OSEP), "Merci"));
        moves.put(Action.REOPEN, r -> r.reopen(move(Roles.CITIZEN), "Pas satisfait", java.time.Duration.ofDays(15), 2));
        moves.put(Action.CONFIRM, r -> r.closeSatisfied(move(Roles.CITIZEN)));
        moves.put(Action.AUTO_CLOSE, r -> r.closeAfterWindow(move(Actor.SYSTEM)));
        moves.get(action).accept(request);
    }

    /** A request brought to {@code status} through legal moves; its events are cleared. */
    static CitizenRequest requestIn(RequestStatus status, RequestType type) {
        var submission = new CitizenRequest.Submission(type, UUID.randomUUID(), Channel.WEB, "Sujet", "Description",
                null, new Location("Abidjan", "Yopougon", null, null), new Contact("Awa", "awa@example.ci", null, "fr"),
                false, null, null);
        CitizenRequest request = CitizenRequest.submit(submission, "MIL-TEST-0000", "hash", move(Actor.ANONYMOUS));
        switch (status) {
            case RECEIVED -> { }
            case REJECTED -> request.reject(move(Roles.OSEP), "ABUSIVE", null, "Non");
            case ROUTED -> request.route(move(Roles.OSEP), ADMINISTRATION, "A");
            case IN_PROGRESS -> {
                request.route(move(Roles.OSEP), ADMINISTRATION, "A");
                request.acknowledge(move(Roles.AGENT));
            }
            case AWAITING_CITIZEN -> {
                request.route(move(Roles.OSEP), ADMINISTRATION, "A");
                request.acknowledge(move(Roles.AGENT));
                request.requestInformation(move(Roles.AGENT), "?");
            }
            case UNDER_REVIEW -> {
                request.route(move(Roles.OSEP), ADMINISTRATION, "A");
                request.acknowledge(move(Roles.AGENT));
                request.answerSubmitted(move(Roles.AGENT), true);
            }
            case ANSWERED -> {
                request.route(move(Roles.OSEP), ADMINISTRATION, "A");
                request.acknowledge(move(Roles.AGENT));
                request.answerSubmitted(move(Roles.AGENT), false);
            }
            case CLOSED -> {
                request.route(move(Roles.OSEP), ADMINISTRATION, "A");
                request.acknowledge(move(Roles.AGENT));
                request.answerSubmitted(move(Roles.AGENT), false);
                request.close(move(Roles.OSEP), null);
            }
        }
        assertEquals(status, request.status());
        request.newEvents().clear();
        return request;
    }
}
