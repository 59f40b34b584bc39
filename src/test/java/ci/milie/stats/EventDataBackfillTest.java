package ci.milie.stats;

import static ci.milie.support.Api.asSysadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.support.Api;
import ci.milie.support.Requests.Setting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V16's backfill of request_event.data on events written before the application recorded ids:
 * each stay of a request at an administration (from a ROUTED event to the HANDED_BACK or REROUTED
 * event that ends it) is attributed by the rule of the migration's header.
 */
@QuarkusTest
class EventDataBackfillTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    /** The old events of this test happen here, on days no other test uses. */
    private Instant at = Instant.now().plus(Duration.ofDays(600)).truncatedTo(ChronoUnit.DAYS);

    @Test
    void oldEventsGetTheIdsOfTheirStaysAndTheStatisticsCountThemByThoseIds() {
        Setting a = Setting.create(false);
        String nameOfA = asSysadmin().get("/api/v1/administrations/" + a.administrationId()).then().statusCode(200)
                .extract().path("name");
        String shared = "Administration partagée " + UUID.randomUUID();
        UUID adminA = UUID.fromString(a.administrationId());
        UUID d1 = administration(shared);
        UUID d2 = administration(shared);
        UUID b = administration("Administration B " + UUID.randomUUID());
        UUID agentOfD1 = UUID.fromString(Api.createStaff(Api.uniqueEmail("backfill-agent"), "agent", d1.toString(),
                "Long-Enough-Password-1"));
        UUID osep = UUID.randomUUID();
        UUID p = request(a);
        UUID q = request(a);
        UUID s = request(a);
        UUID t = request(a);
        // t was routed by the application, which recorded the id; the handback after it is old-style.
        StatsFixture.route(a, t.toString(), a.administrationId(), null);
        Map<String, UUID> e = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            // p: routed to A (unique name), handed back by OSEP, routed to D2 under the shared name: still there
            e.put("p routed to A", event(p, "ROUTED", nameOfA, osep, "osep"));
            e.put("p handed back", event(p, "HANDED_BACK", "Pas pour nous.", osep, "osep"));
            e.put("p routed to D2", event(p, "ROUTED", shared, osep, "osep"));
            stillAt(p, d2);
            // q: routed under a name nobody has now, re-routed by OSEP (no agent acted: unknown), routed
            // under the shared name, acknowledged and handed back by an agent of D1, routed to A
            e.put("q routed to ?", event(q, "ROUTED", "Ancien nom " + UUID.randomUUID(), osep, "osep"));
            e.put("q re-routed", event(q, "REROUTED", "Mauvaise orientation.", osep, "osep"));
            e.put("q routed to D1", event(q, "ROUTED", shared, osep, "osep"));
            event(q, "ACKNOWLEDGED", null, agentOfD1, "agent");
            e.put("q handed back", event(q, "HANDED_BACK", "Pas pour nous.", agentOfD1, "agent"));
            e.put("q routed to A", event(q, "ROUTED", nameOfA, osep, "osep"));
            stillAt(q, adminA);
            // s: routed under A's name, but the request is at B: B had that name then
            e.put("s routed to B", event(s, "ROUTED", nameOfA, osep, "osep"));
            stillAt(s, b);
            e.put("t handed back", event(t, "HANDED_BACK", "Pas pour nous.", osep, "osep"));
            stillAt(t, null);
        });
        Map<String, Object> routedByTheApplication = data(routedEventOf(t));

        long filled = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select request_event_backfill_data()").getSingleResult())
                        .longValue());

        assertEquals(e.size(), filled, "every old event of the three types, and nothing else");
        assertEquals(Map.of("administrationId", adminA.toString()), data(e.get("p routed to A")));
        assertEquals(Map.of("administrationId", adminA.toString()), data(e.get("p handed back")));
        assertEquals(Map.of("administrationId", d2.toString()), data(e.get("p routed to D2")), "still there");
        assertEquals(Map.of(), data(e.get("q routed to ?")), "renamed, and no agent acted: unknown");
        assertEquals(Map.of("toAdministrationId", d1.toString()), data(e.get("q re-routed")));
        assertEquals(Map.of("administrationId", d1.toString()), data(e.get("q routed to D1")), "by the agent");
        assertEquals(Map.of("administrationId", d1.toString()), data(e.get("q handed back")));
        assertEquals(Map.of("administrationId", adminA.toString()), data(e.get("q routed to A")));
        assertEquals(Map.of("administrationId", b.toString()), data(e.get("s routed to B")),
                "where the request is, rather than who has the name now");
        assertEquals(Map.of("administrationId", adminA.toString()), data(e.get("t handed back")),
                "the id its routing recorded");
        assertEquals(routedByTheApplication, data(routedEventOf(t)), "data already there is left as it is");
        assertEquals(0L, QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select request_event_backfill_data()").getSingleResult())
                        .longValue()),
                "a second run finds nothing to fill");

        // The statistics count each handback for its administration's id; the re-routing whose
        // origin is unknown counts for none.
        @SuppressWarnings("unchecked")
        List<Object[]> moves = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select administration_id, sum(handbacks), sum(reroutes) from stats_measures(?1, ?2)
                where handbacks + reroutes > 0 group by 1""")
                .setParameter(1, Timestamp.from(this.at.minus(Duration.ofDays(1))))
                .setParameter(2, Timestamp.from(this.at.plus(Duration.ofDays(1)))).getResultList());
        Map<UUID, List<Long>> counted = new HashMap<>();
        moves.forEach(row -> counted.put((UUID) row[0],
                List.of(((Number) row[1]).longValue(), ((Number) row[2]).longValue())));
        assertEquals(Map.of(adminA, List.of(2L, 0L), d1, List.of(1L, 0L)), counted);
    }

    private static UUID administration(String name) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "kind", "AGENCY",
                "contactEmail", "contact@" + code.toLowerCase() + ".gouv.ci", "answerReviewRequired", false));
        return UUID.fromString(asSysadmin().body(body).post("/api/v1/administrations").then().statusCode(201)
                .extract().path("id"));
    }

    private static UUID request(Setting at) {
        return UUID.fromString(StatsFixture.submit(at.categoryCode(), false)[0]);
    }

    /** Inserts an event as the application wrote it before it recorded data; a minute after the last one. */
    private UUID event(UUID request, String type, String message, UUID actor, String role) {
        UUID id = UUID.randomUUID();
        at = at.plus(Duration.ofMinutes(1));
        em.createNativeQuery("""
                insert into request_event (id, request_id, occurred_at, type, actor_id, actor_role, visibility)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'INTERNAL')""")
                .setParameter(1, id).setParameter(2, request).setParameter(3, Timestamp.from(at)).setParameter(4, type)
                .setParameter(5, actor).setParameter(6, role).executeUpdate();
        if (message != null) {
            em.createNativeQuery("insert into request_event_text (event_id, message) values (?1, ?2)")
                    .setParameter(1, id).setParameter(2, message).executeUpdate();
        }
        return id;
    }

    /** The request's current administration (null: back with OSEP), as its events leave it. */
    private void stillAt(UUID request, UUID administration) {
        if (administration == null) {
            em.createNativeQuery("update citizen_request set administration_id = null, status = 'RECEIVED' where id = ?1")
                    .setParameter(1, request).executeUpdate();
        } else {
            em.createNativeQuery("update citizen_request set administration_id = ?1, status = 'ROUTED' where id = ?2")
                    .setParameter(1, administration).setParameter(2, request).executeUpdate();
        }
    }

    private UUID routedEventOf(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                "select id from request_event where request_id = ?1 and type = 'ROUTED'")
                .setParameter(1, request).getSingleResult());
    }

    private Map<String, Object> data(UUID event) {
        String json = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select cast(data as text) from request_event where id = ?1").setParameter(1, event).getSingleResult());
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
