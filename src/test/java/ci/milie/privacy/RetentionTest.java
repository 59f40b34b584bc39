package ci.milie.privacy;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.SampleFiles;
import ci.milie.support.SchemaScan;
import ci.milie.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRequestClosedMoreThanFiveYearsAgoLosesItsContactAndFilesOnceAndEveryStatisticStays() {
        Setting at = Setting.create(true);
        String oldEmail = uniqueEmail("old");
        String recentEmail = uniqueEmail("recent");
        String openEmail = uniqueEmail("open");
        // Filed and closed in the past (five years and two days ago, four years ago), so that no
        // date lies ahead of the real clock once the test is over; the third is open today.
        Instant now = clock.instant();
        moveTo(now.atZone(ZoneOffset.UTC).minusYears(5).minusDays(2).toInstant());
        String old = inProgress(at, suggestion(at, oldEmail)).getString("id");
        given().header("Authorization", "Bearer " + at.osepToken())
                .multiPart("file", "courrier.pdf", SampleFiles.pdf(1), "application/pdf")
                .post("/api/v1/requests/" + old + "/attachments").then().statusCode(201);
        as(at.osepToken()).body(Map.of("text", "Rappeler la personne à " + oldEmail + " avant de clore"))
                .post("/api/v1/requests/" + old + "/notes").then().statusCode(201);
        close(at, old);
        moveTo(now.atZone(ZoneOffset.UTC).minusYears(4).toInstant());
        JsonPath recentReceipt = inProgress(at, suggestion(at, recentEmail));
        String recent = recentReceipt.getString("id");
        close(at, recent);
        clock.reset();
        String open = Requests.submitAnonymously(suggestion(at, openEmail)).getString("id");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> statisticsBefore = ErasureTest.statistics(at.administrationId(), today.minusYears(6), today, "month");

        Retention.Run run = retention.run();

        assertTrue(run.requests() >= 1, "at least the old request is done: " + run.requests());
        as(at.osepToken()).get("/api/v1/requests/" + old).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("contact.fullName", nullValue()).body("contact.email", nullValue()).body("contact.phone", nullValue())
                .body("location.latitude", nullValue()).body("location.longitude", nullValue())
                .body("location.region", equalTo("ABIDJAN"))
                .body("subject", equalTo("Extrait de naissance introuvable"));
        as(at.osepToken()).get("/api/v1/requests/" + old + "/attachments").then().statusCode(200).body("items", hasSize(0));
        // what the texts said of the contact goes with it; the files' names with the files
        as(at.osepToken()).get("/api/v1/requests/" + old + "/events").then().statusCode(200)
                .body("items.find { it.type == 'NOTE_ADDED' }.message", equalTo("Rappeler la personne à " + PersonalData.MARKER + " avant de clore"))
                .body("items.find { it.type == 'ATTACHMENT_ADDED' }.message", equalTo(PersonalData.MARKER));
        assertEquals(List.of(), SchemaScan.columnsHolding(em, oldEmail), "columns still holding the contact's e-mail");
        assertNotNull(retainedAt(old));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from privacy_act where act = 'RETENTION' and requested_via = 'RETENTION' and ?1 = any(request_ids)")
                .setParameter(1, UUID.fromString(old)).getSingleResult()).longValue()));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_message where request_id = ?1").setParameter(1, UUID.fromString(old))
                .getSingleResult()).longValue()), "no message about it is left");

        as(at.osepToken()).get("/api/v1/requests/" + recent).then().statusCode(200).body("contact.email", equalTo(recentEmail));
        as(at.osepToken()).get("/api/v1/requests/" + open).then().statusCode(200).body("contact.email", equalTo(openEmail));
        assertNull(retainedAt(recent));
        assertNull(retainedAt(open));
        assertEquals(statisticsBefore, ErasureTest.statistics(at.administrationId(), today.minusYears(6), today, "month"));

        Instant retained = retainedAt(old);
        Retention.Run again = retention.run();
        assertEquals(0, again.requests(), "nothing is past retention twice");
        assertEquals(retained, retainedAt(old));
        anonymous().get("/api/v1/tracking/" + recentReceipt.getString("trackingCode")).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
    }

    /** A suggestion, which OSEP may close before any answer (a complaint is closed once answered). */
    private static Map<String, Object> suggestion(Setting at, String email) {
        Map<String, Object> body = Requests.complaint(at.categoryCode(), email);
        body.put("type", "SUGGESTION");
        return body;
    }

    private static JsonPath inProgress(Setting at, Map<String, Object> body) {
        JsonPath receipt = Requests.submitAnonymously(body);
        String id = receipt.getString("id");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        return receipt;
    }

    private void moveTo(Instant instant) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), instant));
    }

    private void close(Setting at, String id) {
        as(at.osepToken()).body(Map.of("message", "Dossier clos."))
                .post("/api/v1/requests/" + id + "/closure").then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    private Instant retainedAt(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object value = em.createNativeQuery("select retained_at from citizen_request where id = ?1")
                    .setParameter(1, UUID.fromString(id)).getSingleResult();
            return value == null ? null : value instanceof Instant instant ? instant
                    : ((java.time.OffsetDateTime) value).toInstant();
        });
    }
}
