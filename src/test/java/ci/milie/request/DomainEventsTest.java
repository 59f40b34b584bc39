package ci.milie.request;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Every recorded event row is published once, after its transaction commits, with the documented payload. */
@QuarkusTest
class DomainEventsTest {

    @Inject
    RecordingEventObserver observer;

    @Inject
    RequestCommands commands;

    @Test
    void eachCommittedEventRowIsPublishedExactlyOnceWithItsData() {
        Setting trusted = Setting.create(false);
        Setting other = Setting.create(true);
        String id = Requests.submitAnonymously(Requests.complaint(trusted.categoryCode(), uniqueEmail("events"))).getString("id");
        as(trusted.osepToken()).body(Map.of("administrationId", other.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        // A re-routing records two rows: REROUTED (internal) and ROUTED.
        as(trusted.osepToken()).body(Map.of("administrationId", trusted.administrationId(), "reason", "Mauvaise adresse"))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(trusted.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        // An answer of a trusted administration skips review: ANSWER_SUBMITTED and ANSWER_DELIVERED.
        String answerId = as(trusted.agentToken()).body(Map.of("text", "C'est prêt."))
                .post("/api/v1/requests/" + id + "/answers").then().statusCode(201).extract().path("id");

        List<String> rows = as(trusted.osepToken()).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        List<RequestEventRecorded> published = observer.of(UUID.fromString(id));
        assertEquals(rows, published.stream().map(e -> e.eventId().toString()).toList(),
                "one domain event per row, in the order recorded");
        assertEquals(List.of(EventType.SUBMITTED, EventType.ROUTED, EventType.REROUTED, EventType.ROUTED,
                EventType.ACKNOWLEDGED, EventType.ANSWER_SUBMITTED, EventType.ANSWER_DELIVERED),
                published.stream().map(RequestEventRecorded::type).toList());

        RequestEventRecorded rerouted = published.get(2);
        assertEquals(Map.of("fromAdministrationId", other.administrationId(), "toAdministrationId",
                trusted.administrationId()), rerouted.data());
        assertEquals(Visibility.INTERNAL, rerouted.visibility());
        assertEquals(RequestStatus.ROUTED, rerouted.fromStatus());
        assertEquals(Map.of("administrationId", trusted.administrationId()), published.get(3).data());
        RequestEventRecorded delivered = published.get(6);
        assertEquals(Map.of("answerId", answerId, "administrationId", trusted.administrationId()), delivered.data());
        assertEquals(RequestStatus.ANSWERED, delivered.toStatus());
        assertEquals(UUID.fromString(trusted.administrationId()), delivered.administrationId());
        assertEquals(Set.of("type", "categoryId", "channel", "anonymous"), published.get(0).data().keySet());
    }

    @Test
    void aRolledBackMoveRecordsAndPublishesNothing() {
        Setting at = Setting.create(true);
        UUID id = UUID.fromString(Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("rollback")))
                .getString("id"));
        int before = observer.of(id).size();
        Caller osep = Caller.of(Set.of(Roles.OSEP), UUID.randomUUID(), null);
        QuarkusTransaction.begin();
        try {
            RequestCommands.Change change = commands.route(id, UUID.fromString(at.administrationId()), null, osep, null);
            assertEquals(1, change.events().size(), "the move recorded its row inside the transaction");
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(before, observer.of(id).size(), "nothing published for a rolled-back move");
        List<String> types = as(at.osepToken()).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .extract().jsonPath().getList("items.type");
        assertEquals(List.of("SUBMITTED"), types);
    }

    @Test
    void aRefusedMovePublishesNothing() {
        Setting at = Setting.create(true);
        UUID id = UUID.fromString(Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("refused")))
                .getString("id"));
        int before = observer.of(id).size();
        Caller agent = Caller.of(Set.of(Roles.AGENT), UUID.randomUUID(), UUID.fromString(at.administrationId()));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> commands.apply(id, Action.ACKNOWLEDGE, Payload.NONE, agent, null, null));
        assertEquals(404, refused.status(), "an agent does not see a request not routed to them");
        assertEquals(before, observer.of(id).size());
        assertTrue(before >= 1, "the submission itself was published");
    }
}
