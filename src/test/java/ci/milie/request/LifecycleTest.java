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
    /** An administration that no longer takes requests, in these tests' circumstances. */
    private static final UUID CLOSED_ADMINISTRATION = UUID.randomUUID();
    /** A category that takes no observations, in these tests' circumstances. */
    private static final UUID COMPLAINTS_ONLY = UUID.randomUUID();

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
        EXPECTED.get(AWAITING_CITIZEN).put(Action.REPLY, IN_PROGRESS); // back to where it was
        EXPECTED.get(UNDER_REVIEW).put(Action.APPROVE_ANSWER, ANSWERED);
        EXPECTED.get(UNDER_REVIEW).put(Action.RETURN_ANSWER, IN_PROGRESS);
        EXPECTED.get(ANSWERED).put(Action.CLOSE, CLOSED);
        EXPECTED.get(ANSWERED).put(Action.REOPEN, ROUTED); // back to the same administration
        EXPECTED.get(ANSWERED).put(Action.AUTO_CLOSE, CLOSED);
        for (RequestStatus status : RequestStatus.values()) {
            // Notes and ratings in every status (a rating needs an unrated delivered answer: a rule, not a status);
            // files until the request is closed or rejected (a rule too: REQUEST_CLOSED).
            EXPECTED.get(status).put(Action.ADD_NOTE, status);
            EXPECTED.get(status).put(Action.RATE, status);
            EXPECTED.get(status).put(Action.ADD_ATTACHMENT, status);
        }
        for (RequestStatus running : List.of(RECEIVED, ROUTED, IN_PROGRESS, UNDER_REVIEW)) {
            EXPECTED.get(running).put(Action.FLAG_OVERDUE, running);
            EXPECTED.get(running).put(Action.ESCALATE, running);
        }
    }

    /** Who takes each action in these tests: one party the table allows. */
    private static final Map<Action, Party> TAKER = new EnumMap<>(Action.class);

    static {
        for (Action action : List.of(Action.QUALIFY, Action.REJECT, Action.ROUTE, Action.REROUTE, Action.REQUEST_INFORMATION,
                Action.APPROVE_ANSWER, Action.RETURN_ANSWER, Action.CLOSE, Action.ADD_NOTE)) {
            TAKER.put(action, Party.OSEP);
        }
        for (Action action : List.of(Action.ACKNOWLEDGE, Action.HAND_BACK, Action.SUBMIT_ANSWER)) {
            TAKER.put(action, Party.AGENT_IN_CHARGE);
        }
        for (Action action : List.of(Action.REPLY, Action.REOPEN, Action.RATE, Action.ADD_ATTACHMENT)) {
            TAKER.put(action, Party.KEY_HOLDER);
        }
        for (Action action : List.of(Action.AUTO_CLOSE, Action.FLAG_OVERDUE, Action.ESCALATE)) {
            TAKER.put(action, Party.SYSTEM);
        }
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
        Circumstances circumstances = circumstancesFor(request, action);

        var refusal = Lifecycle.refusal(request, action, payloadOf(action), TAKER.get(action), circumstances, true);
        if (expected == null) {
            ProblemException refused = refusal.orElseThrow(() -> new AssertionError(action + " from " + status + " is allowed"));
            assertEquals(409, refused.status());
            assertEquals("INVALID_TRANSITION", refused.code());
            assertEquals(status.name(), refused.currentStatus());
            ProblemException onTheAggregate = assertThrows(ProblemException.class, () -> act(request, action, circumstances));
            assertEquals(409, onTheAggregate.status());
            assertEquals(status, request.status(), "a refused move changes nothing");
            assertTrue(request.newEvents().isEmpty(), "a refused move records nothing");
        } else if (action == Action.ADD_ATTACHMENT && status.isTerminal()) {
            assertEquals("REQUEST_CLOSED", refusal.orElseThrow().code());
        } else {
            assertTrue(refusal.isEmpty(), () -> action + " from " + status + ": " + refusal.get().getMessage());
            act(request, action, circumstances);
            assertEquals(expected, request.status());
            assertTrue(!request.newEvents().isEmpty(), "every move records an event");
        }
    }

    @Test
    void theTableAndTheExpectedStatusesAgree() {
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
        ProblemException refused = Lifecycle.refusal(complaint, Action.CLOSE, new Payload.Text(null), Party.OSEP,
                circumstances(NOW, true), true).orElseThrow();
        assertEquals(409, refused.status());
        assertEquals(IN_PROGRESS, complaint.status());
    }

    @Test
    void theCitizensReplyReturnsToTheStatusBeforeTheQuestion() {
        CitizenRequest atOsep = requestIn(RECEIVED, RequestType.COMPLAINT);
        take(atOsep, Action.REQUEST_INFORMATION, new Payload.Text("Quelle mairie ?"), Party.OSEP);
        take(atOsep, Action.REPLY, new Payload.Text("Yopougon"), Party.KEY_HOLDER);
        assertEquals(RECEIVED, atOsep.status());

        CitizenRequest routed = requestIn(ROUTED, RequestType.COMPLAINT);
        take(routed, Action.REQUEST_INFORMATION, new Payload.Text("Votre numéro de dossier ?"), Party.AGENT_IN_CHARGE);
        take(routed, Action.REPLY, new Payload.Text("A-123"), Party.OWNER);
        assertEquals(ROUTED, routed.status());
    }

    @Test
    void aTrustedAdministrationsAnswerIsDeliveredAtOnce() {
        CitizenRequest request = requestIn(IN_PROGRESS, RequestType.COMPLAINT);
        UUID answer = UUID.randomUUID();
        request.apply(Action.SUBMIT_ANSWER, new Payload.AnswerStep(answer, null), move(Party.AGENT_IN_CHARGE, NOW),
                circumstances(NOW, false));
        assertEquals(ANSWERED, request.status());
        assertEquals(NOW, request.answeredAt());
        assertNull(request.dueAt());
        assertEquals(List.of(EventType.ANSWER_SUBMITTED, EventType.ANSWER_DELIVERED),
                request.newEvents().stream().map(RequestEvent::type).toList());
        assertEquals(answer.toString(), request.newEvents().get(1).data().get("answerId"));
    }

    @Test
    void aSatisfiedRatingClosesAnAnsweredRequest() {
        CitizenRequest request = requestIn(ANSWERED, RequestType.COMPLAINT);
        take(request, Action.RATE, new Payload.Rating(UUID.randomUUID(), 5, true), Party.KEY_HOLDER);
        assertEquals(CLOSED, request.status());
        assertEquals(List.of(EventType.FEEDBACK_GIVEN, EventType.CLOSED),
                request.newEvents().stream().map(RequestEvent::type).toList());
        assertEquals("SATISFIED", request.newEvents().get(1).data().get("reason"));
    }

    @Test
    void anUnsatisfiedRatingLeavesTheRequestOpenToDispute() {
        CitizenRequest request = requestIn(ANSWERED, RequestType.COMPLAINT);
        take(request, Action.RATE, new Payload.Rating(UUID.randomUUID(), 2, false), Party.KEY_HOLDER);
        assertEquals(ANSWERED, request.status());
    }

    @Test
    void reopeningKeepsTheAdministrationAndIsLimited() {
        CitizenRequest request = requestIn(ANSWERED, RequestType.COMPLAINT);
        UUID administration = request.administrationId();
        Circumstances oneReopening = circumstances(NOW, false, 1);
        take(request, Action.REOPEN, new Payload.Text("Toujours rien"), Party.KEY_HOLDER, oneReopening);
        assertEquals(ROUTED, request.status());
        assertEquals(administration, request.administrationId());
        assertEquals(1, request.reopenCount());
        take(request, Action.ACKNOWLEDGE, Payload.NONE, Party.AGENT_IN_CHARGE, oneReopening);
        take(request, Action.SUBMIT_ANSWER, new Payload.AnswerStep(UUID.randomUUID(), null), Party.AGENT_IN_CHARGE,
                oneReopening);
        ProblemException refused = Lifecycle.refusal(request, Action.REOPEN, new Payload.Text("Encore"), Party.KEY_HOLDER,
                oneReopening, true).orElseThrow();
        assertEquals("REOPEN_LIMIT_REACHED", refused.code());
        assertEquals(ANSWERED, request.status());
    }

    @Test
    void reopeningAfterTheWindowIsRefused() {
        CitizenRequest request = requestIn(ANSWERED, RequestType.COMPLAINT);
        ProblemException refused = Lifecycle.refusal(request, Action.REOPEN, new Payload.Text("Trop tard"),
                Party.KEY_HOLDER, circumstances(NOW.plus(java.time.Duration.ofDays(16)), true), true).orElseThrow();
        assertEquals("REOPEN_WINDOW_CLOSED", refused.code());
    }

    @Test
    void aPartyOutsideTheTableIsForbidden() {
        CitizenRequest request = requestIn(RECEIVED, RequestType.COMPLAINT);
        for (Party party : List.of(Party.AGENT_IN_CHARGE, Party.SUPERVISOR, Party.KEY_HOLDER, Party.SYSTEM)) {
            ProblemException refused = Lifecycle.refusal(request, Action.ROUTE,
                    new Payload.Routing(ADMINISTRATION, "A", null), party, circumstances(NOW, true), true).orElseThrow();
            assertEquals(403, refused.status(), party.name());
        }
        assertEquals(RECEIVED, request.status());
    }

    @Test
    void aQualificationKeepsTypeAndCategoryTogether() {
        CitizenRequest request = requestIn(RECEIVED, RequestType.COMPLAINT);
        ProblemException refused = Lifecycle.refusal(request, Action.QUALIFY,
                new Payload.Qualification(RequestType.OBSERVATION, COMPLAINTS_ONLY), Party.OSEP, circumstances(NOW, true),
                true).orElseThrow();
        assertEquals(400, refused.status());
        take(request, Action.QUALIFY, new Payload.Qualification(RequestType.OBSERVATION, null), Party.OSEP);
        assertEquals(RequestType.OBSERVATION, request.type());
        assertEquals("COMPLAINT", request.newEvents().get(0).data().get("previousType"));
    }

    @Test
    void reroutingNeedsAReasonAndAnotherAdministration() {
        CitizenRequest request = requestIn(ROUTED, RequestType.COMPLAINT);
        assertEquals(400, Lifecycle.refusal(request, Action.REROUTE, new Payload.Routing(OTHER_ADMINISTRATION, "B", null),
                Party.OSEP, circumstances(NOW, true), true).orElseThrow().status());
        assertEquals("SAME_ADMINISTRATION", Lifecycle.refusal(request, Action.REROUTE,
                new Payload.Routing(ADMINISTRATION, "A", "Erreur"), Party.OSEP, circumstances(NOW, true), true)
                .orElseThrow().code());
    }

    @Test
    void theActionsOfferedDependOnWhoAsks() {
        CitizenRequest request = requestIn(IN_PROGRESS, RequestType.COMPLAINT);
        Circumstances noAnswer = circumstances(NOW, true, 2, java.util.Optional.empty());
        assertEquals(List.of(Action.REROUTE, Action.REQUEST_INFORMATION, Action.ADD_NOTE, Action.ADD_ATTACHMENT),
                Lifecycle.allowedActions(request, Party.OSEP, noAnswer));
        assertEquals(List.of(Action.REQUEST_INFORMATION, Action.HAND_BACK, Action.SUBMIT_ANSWER, Action.ADD_NOTE,
                Action.ADD_ATTACHMENT), Lifecycle.allowedActions(request, Party.AGENT_IN_CHARGE, noAnswer));
        assertEquals(List.of(Action.ADD_ATTACHMENT), Lifecycle.allowedActions(request, Party.OWNER, noAnswer));
        assertEquals(List.of(), Lifecycle.allowedActions(request, Party.SUPERVISOR, noAnswer));

        CitizenRequest answered = requestIn(ANSWERED, RequestType.COMPLAINT);
        assertEquals(List.of(Action.REOPEN, Action.RATE, Action.ADD_ATTACHMENT),
                Lifecycle.allowedActions(answered, Party.KEY_HOLDER, circumstances(NOW, true)));
    }

    @Test
    void waitingForTheCitizenStopsTheDeadline() {
        CitizenRequest request = requestIn(IN_PROGRESS, RequestType.COMPLAINT);
        Instant due = request.dueAt();
        take(request, Action.REQUEST_INFORMATION, new Payload.Text("?"), Party.AGENT_IN_CHARGE);
        assertNull(request.dueAt());
        take(request, Action.REPLY, new Payload.Text("!"), Party.KEY_HOLDER);
        assertEquals(IN_PROGRESS, request.status());
        assertTrue(request.dueAt() != null && !request.dueAt().isBefore(due));
    }

    @Test
    void everyMoveIsRecordedWithItsActorStatusesAndData() {
        CitizenRequest request = requestIn(RECEIVED, RequestType.COMPLAINT);
        take(request, Action.ROUTE, new Payload.Routing(ADMINISTRATION, "Mairie de Yopougon", null), Party.OSEP);
        RequestEvent event = request.newEvents().get(request.newEvents().size() - 1);
        assertEquals(EventType.ROUTED, event.type());
        assertEquals(RECEIVED, event.fromStatus());
        assertEquals(ROUTED, event.toStatus());
        assertEquals(Roles.OSEP, event.actorRole());
        assertEquals(Visibility.PUBLIC, event.visibility());
        assertEquals("Mairie de Yopougon", event.message());
        assertEquals(Map.of("administrationId", ADMINISTRATION.toString()), event.data());
    }

    @Test
    void reroutingARoutedRequestStartsTheNewAdministrationsClock() {
        CitizenRequest request = requestIn(ROUTED, RequestType.COMPLAINT);
        Instant due = request.dueAt();
        Instant nextWeek = NOW.plus(java.time.Duration.ofDays(7));
        take(request, Action.REROUTE, new Payload.Routing(OTHER_ADMINISTRATION, "B", "Mauvaise administration"),
                Party.OSEP, circumstances(nextWeek, true));
        assertEquals(ROUTED, request.status());
        assertTrue(request.dueAt().isAfter(due), "a new acknowledgement deadline, from the re-routing");
        assertEquals(nextWeek, request.statusChangedAt());
        assertTrue(!request.awaitsOverdueFlag(nextWeek), "the new deadline is not overdue");
    }

    @Test
    void requestsGoOnlyToActiveAdministrations() {
        CitizenRequest request = requestIn(RECEIVED, RequestType.COMPLAINT);
        ProblemException refused = Lifecycle.refusal(request, Action.ROUTE,
                new Payload.Routing(CLOSED_ADMINISTRATION, "Fermée", null), Party.OSEP, circumstances(NOW, true), true)
                .orElseThrow();
        assertEquals(400, refused.status());
        assertEquals(RECEIVED, request.status());
    }

    @Test
    void anActionCarriesItsOwnKindOfPayload() {
        CitizenRequest request = requestIn(RECEIVED, RequestType.COMPLAINT);
        assertThrows(IllegalArgumentException.class, () -> Lifecycle.refusal(request, Action.ROUTE, Payload.NONE,
                Party.OSEP, circumstances(NOW, true), true));
    }

    @Test
    void reroutingRecordsWhereFromAndWhereTo() {
        CitizenRequest request = requestIn(IN_PROGRESS, RequestType.COMPLAINT);
        take(request, Action.REROUTE, new Payload.Routing(OTHER_ADMINISTRATION, "B", "Mauvaise administration"), Party.OSEP);
        List<RequestEvent> events = request.newEvents();
        assertEquals(List.of(EventType.REROUTED, EventType.ROUTED), events.stream().map(RequestEvent::type).toList());
        assertEquals(Map.of("fromAdministrationId", ADMINISTRATION.toString(), "toAdministrationId",
                OTHER_ADMINISTRATION.toString()), events.get(0).data());
        assertEquals(Visibility.INTERNAL, events.get(0).visibility());
        assertEquals(Map.of("administrationId", OTHER_ADMINISTRATION.toString()), events.get(1).data());
    }

    @Test
    void aCitizensFileIsOnTheirTimelineAndStaffFilesAreInternal() {
        CitizenRequest request = requestIn(ROUTED, RequestType.COMPLAINT);
        take(request, Action.ADD_ATTACHMENT, new Payload.File(UUID.randomUUID(), "recu.pdf"), Party.KEY_HOLDER);
        take(request, Action.ADD_ATTACHMENT, new Payload.File(UUID.randomUUID(), "note.pdf"), Party.AGENT_IN_CHARGE);
        assertEquals(List.of(Visibility.PUBLIC, Visibility.INTERNAL),
                request.newEvents().stream().map(RequestEvent::visibility).toList());
    }

    private static CitizenRequest.Move move(Party party, Instant now) {
        String role = switch (party) {
            case OSEP -> Roles.OSEP;
            case AGENT_IN_CHARGE -> Roles.AGENT;
            case OWNER -> Roles.CITIZEN;
            case SYSTEM -> Actor.SYSTEM;
            default -> Actor.ANONYMOUS;
        };
        return new CitizenRequest.Move(new Actor(UUID.randomUUID(), role), party, now, DEADLINES);
    }

    private static void take(CitizenRequest request, Action action, Payload payload, Party party) {
        take(request, action, payload, party, circumstances(NOW, true));
    }

    /** What the door does: refuse as the table says, else apply. */
    private static void take(CitizenRequest request, Action action, Payload payload, Party party,
            Circumstances circumstances) {
        Lifecycle.refusal(request, action, payload, party, circumstances, true).ifPresent(refused -> {
            throw refused;
        });
        request.apply(action, payload, move(party, circumstances.now()), circumstances);
    }

    /** Fixed circumstances: a 15-day window, one delivered answer not yet rated, a one-day escalation delay. */
    static Circumstances circumstances(Instant now, boolean reviewRequired) {
        return circumstances(now, reviewRequired, 2);
    }

    static Circumstances circumstances(Instant now, boolean reviewRequired, int maxReopenings) {
        return circumstances(now, reviewRequired, maxReopenings, java.util.Optional.of(UUID.randomUUID()));
    }

    static Circumstances circumstances(Instant now, boolean reviewRequired, int maxReopenings,
            java.util.Optional<UUID> delivered) {
        return new Circumstances() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public java.time.Duration reopenWindow() {
                return java.time.Duration.ofDays(15);
            }

            @Override
            public int maxReopenings() {
                return maxReopenings;
            }

            @Override
            public java.time.Duration escalationDelay() {
                return java.time.Duration.ofDays(1);
            }

            @Override
            public boolean reviewRequired() {
                return reviewRequired;
            }

            @Override
            public java.util.Optional<UUID> latestDeliveredAnswer() {
                return delivered;
            }

            @Override
            public boolean rated(UUID answerId) {
                return false;
            }

            @Override
            public boolean administrationActive(UUID administrationId) {
                return !administrationId.equals(CLOSED_ADMINISTRATION);
            }

            @Override
            public boolean categoryAccepts(UUID categoryId, RequestType type) {
                return !(type == RequestType.OBSERVATION && categoryId.equals(COMPLAINTS_ONLY));
            }
        };
    }

    /** The circumstances in which each action's rules are met: Miliê's jobs run a month later. */
    private static Circumstances circumstancesFor(CitizenRequest request, Action action) {
        if (action == Action.AUTO_CLOSE || action == Action.FLAG_OVERDUE || action == Action.ESCALATE) {
            Circumstances later = circumstances(NOW.plus(java.time.Duration.ofDays(30)), true);
            if (action == Action.ESCALATE && Lifecycle.allows(request.status(), Action.FLAG_OVERDUE)) {
                request.apply(Action.FLAG_OVERDUE, Payload.NONE, move(Party.SYSTEM, later.now()), later);
                request.newEvents().clear();
            }
            return later;
        }
        return circumstances(NOW, true);
    }

    private static Payload payloadOf(Action action) {
        return switch (action) {
            case QUALIFY -> new Payload.Qualification(null, null);
            case REJECT -> new Payload.Rejection("OUT_OF_SCOPE", null, "Hors champ");
            case ROUTE -> new Payload.Routing(ADMINISTRATION, "A", null);
            case REROUTE -> new Payload.Routing(OTHER_ADMINISTRATION, "B", "Mauvaise administration");
            case ACKNOWLEDGE, AUTO_CLOSE, FLAG_OVERDUE, ESCALATE -> Payload.NONE;
            case REQUEST_INFORMATION, REPLY, HAND_BACK, CLOSE, REOPEN, ADD_NOTE -> new Payload.Text("Texte");
            case SUBMIT_ANSWER, APPROVE_ANSWER -> new Payload.AnswerStep(UUID.randomUUID(), null);
            case RETURN_ANSWER -> new Payload.AnswerStep(UUID.randomUUID(), "À revoir");
            case RATE -> new Payload.Rating(UUID.randomUUID(), 4, false);
            case ADD_ATTACHMENT -> new Payload.File(UUID.randomUUID(), "recu.pdf");
        };
    }

    private static void act(CitizenRequest request, Action action, Circumstances circumstances) {
        request.apply(action, payloadOf(action), move(TAKER.get(action), circumstances.now()), circumstances);
    }

    /** A request brought to {@code status} through legal moves; its events are cleared. */
    static CitizenRequest requestIn(RequestStatus status, RequestType type) {
        var submission = new CitizenRequest.Submission(type, UUID.randomUUID(), Channel.WEB, "Sujet", "Description",
                null, new Location("Abidjan", "Yopougon", null, null), new Contact("Awa", "awa@example.ci", null, "fr"),
                false, null, null);
        CitizenRequest request = CitizenRequest.submit(submission, "MIL-TEST-0000", "hash", move(Party.KEY_HOLDER, NOW));
        List<Action> path = switch (status) {
            case RECEIVED -> List.of();
            case REJECTED -> List.of(Action.REJECT);
            case ROUTED -> List.of(Action.ROUTE);
            case IN_PROGRESS -> List.of(Action.ROUTE, Action.ACKNOWLEDGE);
            case AWAITING_CITIZEN -> List.of(Action.ROUTE, Action.ACKNOWLEDGE, Action.REQUEST_INFORMATION);
            case UNDER_REVIEW -> List.of(Action.ROUTE, Action.ACKNOWLEDGE, Action.SUBMIT_ANSWER);
            case ANSWERED -> List.of(Action.ROUTE, Action.ACKNOWLEDGE, Action.SUBMIT_ANSWER, Action.APPROVE_ANSWER);
            case CLOSED -> List.of(Action.ROUTE, Action.ACKNOWLEDGE, Action.SUBMIT_ANSWER, Action.APPROVE_ANSWER, Action.CLOSE);
        };
        for (Action action : path) {
            take(request, action, payloadOf(action), TAKER.get(action));
        }
        assertEquals(status, request.status());
        request.newEvents().clear();
        return request;
    }
}
