package ci.milie.privacy;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.common.Roles;
import ci.milie.notification.OutboxRelay;
import ci.milie.support.Codes;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.SampleFiles;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class DataExportTest {

    static final byte[] PNG = SampleFiles.png(Color.ORANGE);
    /** Past the test profile's inline limit (milie.privacy.export.max-file-bytes=1K). */
    static final byte[] PDF = SampleFiles.pdf(100);
    static final String NOTE = "Dossier retrouvé au service de l'état civil, NOTE-INTERNE";

    @Inject
    MockMailbox mailbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;
    @Inject
    TestClock clock;
    @Inject
    ExportConfig config;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A citizen with an account and two requests: one answered, rated, with a photo and a reply; one with a large PDF. */
    record Citizen(String email, String token, String answered, String other) {
    }

    private Citizen citizenWithTwoRequests(Setting at) {
        String email = uniqueEmail("awa");
        String token = Codes.signInCitizen(mailbox, relay, email);
        String answered = Requests.submit(as(token), Requests.complaint(at.categoryCode(), email)).getString("id");
        String path = "/api/v1/requests/" + answered;
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post(path + "/routing").then().statusCode(200);
        as(at.agentToken()).post(path + "/acknowledgement").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "Quel est le numéro de votre demande à la mairie ?")).post(path + "/messages")
                .then().statusCode(200).body("status", equalTo("AWAITING_CITIZEN"));
        as(token).body(Map.of("text", "C'est le dossier 2026-0412.")).post(path + "/messages").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", NOTE)).post(path + "/notes").then().statusCode(201);
        as(token).contentType("multipart/form-data").multiPart("file", "guichet.png", PNG, "image/png")
                .post(path + "/attachments").then().statusCode(201);
        as(at.agentToken()).body(Map.of("text", "Votre extrait est prêt au guichet 3.")).post(path + "/answers")
                .then().statusCode(201).body("status", equalTo("DELIVERED"));
        as(token).body(Map.of("rating", 4, "satisfied", false, "criteria", Map.of("clarity", 5), "comment", "Un peu lent."))
                .post(path + "/feedback").then().statusCode(201);

        String other = Requests.submit(as(token), Requests.complaint(at.categoryCode(), email)).getString("id");
        as(token).contentType("multipart/form-data").multiPart("file", "courrier.pdf", PDF, "application/pdf")
                .post("/api/v1/requests/" + other + "/attachments").then().statusCode(201);
        return new Citizen(email, token, answered, other);
    }

    private String privacyCode(String token, String email) {
        as(token).body(Map.of()).post("/api/v1/me/privacy/code").then().statusCode(202);
        return Codes.privacyCodeMailedTo(mailbox, relay, email);
    }

    private String callerCode(String osep, String email) {
        as(osep).body(Map.of("email", email)).post("/api/v1/privacy/codes").then().statusCode(202);
        return Codes.privacyCodeMailedTo(mailbox, relay, email);
    }

    private ValidatableResponse exportOf(String token, String code) {
        return as(token).body(Map.of("code", code)).post("/api/v1/me/privacy/export").then();
    }

    @Test
    void aCitizenExportsTheirAccountRequestsAndMessagesButNotTheInternalNotesNorOthersData() {
        Setting at = Setting.create(false);
        Citizen awa = citizenWithTwoRequests(at);
        String stranger = uniqueEmail("koffi");
        String strangersRequest = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), stranger)).getString("id");

        JsonPath export = exportOf(awa.token(), privacyCode(awa.token(), awa.email())).statusCode(200)
                .contentType("application/json")
                .header("Content-Disposition", "attachment; filename=\"milie-export-" + LocalDate.now(clock) + ".json\"")
                .header("Cache-Control", "no-store")
                .body("format", equalTo("milie-export/1"))
                .body("scope", equalTo("ACCOUNT"))
                .body("exportedAt", notNullValue())
                .body("account.email", equalTo(awa.email()))
                .body("account.createdAt", notNullValue())
                .body("account.lastLoginAt", notNullValue())
                .body("requests.id", equalTo(List.of(awa.answered(), awa.other())))
                .body("requests.id", not(hasItem(strangersRequest)))
                .body("requests[0].category.code", equalTo(at.categoryCode()))
                .body("requests[0].contact.email", equalTo(awa.email()))
                .body("requests[0].contact.name", equalTo("Awa Traoré"))
                .body("requests[0].locality", equalTo("Yopougon"))
                .body("requests[0].administration", notNullValue())
                .body("requests[0].timeline.type", hasItems("SUBMITTED", "INFORMATION_REQUESTED", "CITIZEN_REPLIED",
                        "ATTACHMENT_ADDED", "ANSWER_DELIVERED", "FEEDBACK_GIVEN"))
                .body("requests[0].timeline.type", not(hasItem("NOTE_ADDED")))
                .body("requests[0].timeline.message", hasItem("C'est le dossier 2026-0412."))
                .body("requests[0].timeline.message", not(hasItem(NOTE)))
                .body("requests[0].timeline.find { it.type == 'CITIZEN_REPLIED' }.byCitizen", equalTo(true))
                .body("requests[0].timeline.find { it.type == 'INFORMATION_REQUESTED' }.byCitizen", equalTo(false))
                .body("requests[0].answers", hasSize(1))
                .body("requests[0].answers[0].text", equalTo("Votre extrait est prêt au guichet 3."))
                .body("requests[0].answers[0].deliveredAt", notNullValue())
                .body("requests[0].ratings", hasSize(1))
                .body("requests[0].ratings[0].rating", equalTo(4))
                .body("requests[0].ratings[0].satisfied", equalTo(false))
                .body("requests[0].ratings[0].clarity", equalTo(5))
                .body("requests[0].ratings[0].comment", equalTo("Un peu lent."))
                .body("requests[0].attachments", hasSize(1))
                .body("requests[0].attachments[0].fileName", equalTo("guichet.png"))
                .body("requests[0].attachments[0].contentType", equalTo("image/png"))
                .body("requests[0].attachments[0].uploadedBy", equalTo("citizen"))
                .body("requests[0].attachments[0].downloadPath", nullValue())
                .body("requests[1].answers", empty())
                .body("messages.recipient", everyItem(equalTo(awa.email())))
                .body("messages.kind", hasItem("PRIVACY_CODE"))
                .body("messages.status", hasItem("SENT"))
                .body("messages[0].body", nullValue())
                .body("notes.fr", notNullValue())
                .body("notes.en", notNullValue())
                .extract().jsonPath();

        assertArrayEquals(PNG, Base64.getDecoder().decode(export.getString("requests[0].attachments[0].content")));
        assertEquals(awa.answered(), String.valueOf(export.getString("requests[0].id")));
        assertFalse(export.prettify().contains(NOTE), "no internal note anywhere in the document");
        assertFalse(export.prettify().contains(stranger), "nothing of the other citizen");
    }

    @Test
    void filesPastTheInlineLimitAreListedWithAPathThatDownloadsThemForTheCitizen() {
        assertTrue(PNG.length < config.maxFileBytes().asLongValue() && PDF.length > config.maxFileBytes().asLongValue(),
                "the test profile's limit lies between the two files");
        Citizen awa = citizenWithTwoRequests(Setting.create(false));

        JsonPath export = exportOf(awa.token(), privacyCode(awa.token(), awa.email())).statusCode(200)
                .body("requests[1].attachments[0].fileName", equalTo("courrier.pdf"))
                .body("requests[1].attachments[0].sizeBytes", equalTo(PDF.length))
                .body("requests[1].attachments[0].content", nullValue())
                .extract().jsonPath();

        String path = export.getString("requests[1].attachments[0].downloadPath");
        assertTrue(path.startsWith("/api/v1/requests/" + awa.other() + "/attachments/"), path);
        byte[] downloaded = as(awa.token()).get(path).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(PDF, downloaded);
    }

    @Test
    void onlyAFreshPrivacyCodeOfTheAccountConfirmsAnExport() {
        String email = uniqueEmail("awa");
        String token = Codes.signInCitizen(mailbox, relay, email);

        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        String signInCode = Codes.lastMailedTo(mailbox, relay, email, "Votre code de connexion Miliê");
        assertProblem(exportOf(token, signInCode), 403, "OTP_INVALID");

        String code = privacyCode(token, email);
        exportOf(token, code).statusCode(200).body("account.email", equalTo(email)).body("requests", empty());
        assertProblem(exportOf(token, code), 403, "OTP_INVALID");
    }

    @Test
    void theAccountDoorIsTheCitizensOnly() {
        for (String role : new String[] { Roles.OSEP, Roles.SUPERVISOR, Roles.SYSADMIN, Roles.OPERATOR }) {
            assertProblem(exportOf(TestTokens.of(role), "123456"), 403, "FORBIDDEN");
        }
        assertProblem(anonymous().body(Map.of("code", "123456")).post("/api/v1/me/privacy/export").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void theHolderOfAnAccessKeyExportsThatOneRequestAndNoAccount() {
        Setting at = Setting.create(false);
        String email = uniqueEmail("yao");
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), email));
        String code = receipt.getString("trackingCode");

        anonymous().header("X-Access-Key", receipt.getString("accessKey")).post("/api/v1/tracking/" + code + "/privacy/export")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"milie-export-" + LocalDate.now(clock) + ".json\"")
                .body("scope", equalTo("REQUEST"))
                .body("account", nullValue())
                .body("requests.id", equalTo(List.of(receipt.getString("id"))))
                .body("requests[0].trackingCode", equalTo(code))
                .body("requests[0].contact.email", equalTo(email))
                .body("messages.kind", hasItem("RECEIPT"))
                .body("messages.recipient", everyItem(equalTo(email)));

        Object[] act = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select requested_via, citizen_id, staff_id from privacy_act where act = 'EXPORT' and ?1 = any(request_ids)")
                .setParameter(1, UUID.fromString(receipt.getString("id"))).getSingleResult());
        assertEquals("ACCESS_KEY", act[0]);
        assertNull(act[1]);
        assertNull(act[2]);
    }

    @Test
    void aRequestsDataIsExportedAtMostFiveTimesAnHourSinceEachCarriesItsFiles() {
        Setting at = Setting.create(false);
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("many")));
        String export = "/api/v1/tracking/" + receipt.getString("trackingCode") + "/privacy/export";
        for (int i = 0; i < 5; i++) {
            anonymous().header("X-Access-Key", receipt.getString("accessKey")).post(export).then().statusCode(200);
        }

        assertProblem(anonymous().header("X-Access-Key", receipt.getString("accessKey")).post(export).then(), 429, "RATE_LIMITED")
                .header("Retry-After", notNullValue());
        clock.advance(java.time.Duration.ofMinutes(61));
        anonymous().header("X-Access-Key", receipt.getString("accessKey")).post(export).then().statusCode(200);
    }

    @Test
    void aWrongOrMissingKeyAnswersLikeKeyedTrackingAndTheOwnersTokenAloneOpensNothing() {
        Setting at = Setting.create(false);
        Citizen awa = citizenWithTwoRequests(at);
        String code = as(awa.token()).get("/api/v1/requests/" + awa.answered()).then().statusCode(200).extract().path("trackingCode");
        String export = "/api/v1/tracking/" + code + "/privacy/export";

        JsonPath tracking = assertProblem(anonymous().header("X-Access-Key", "guess").get("/api/v1/tracking/" + code).then(),
                404, "NOT_FOUND").extract().jsonPath();
        JsonPath wrong = assertProblem(anonymous().header("X-Access-Key", "guess").post(export).then(), 404, "NOT_FOUND")
                .extract().jsonPath();
        assertEquals(tracking.getString("title"), wrong.getString("title"));
        assertEquals(tracking.getString("detail"), wrong.getString("detail"));
        assertProblem(anonymous().post(export).then(), 404, "NOT_FOUND");
        assertProblem(as(awa.token()).post(export).then(), 404, "NOT_FOUND");
        assertProblem(anonymous().header("X-Access-Key", "guess").post("/api/v1/tracking/MIL-ZZZZ-ZZZZ/privacy/export").then(),
                404, "NOT_FOUND");
    }

    @Test
    void wrongKeysOnTheExportCountWithThoseOfTrackingTowardsTheLimitOfTheCode() {
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(Setting.create(false).categoryCode(), uniqueEmail("awa")));
        String code = receipt.getString("trackingCode");
        String export = "/api/v1/tracking/" + code + "/privacy/export";
        for (int i = 0; i < 5; i++) {
            anonymous().header("X-Access-Key", "guess-" + i).get("/api/v1/tracking/" + code).then().statusCode(404);
            anonymous().header("X-Access-Key", "guess-" + i).post(export).then().statusCode(404);
        }

        assertProblem(anonymous().header("X-Access-Key", receipt.getString("accessKey")).post(export).then(), 429, "RATE_LIMITED");

        clock.advance(Duration.ofHours(1));
        anonymous().header("X-Access-Key", receipt.getString("accessKey")).post(export).then().statusCode(200)
                .body("requests[0].id", equalTo(receipt.getString("id")));
    }

    @Test
    void osepExportsWhatACallersEmailCoversOnceTheCallerReadsTheCodeBack() {
        Setting at = Setting.create(false);
        Citizen awa = citizenWithTwoRequests(at);
        String withoutAccount = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), awa.email())).getString("id");
        UUID officer = UUID.randomUUID();
        String osep = TestTokens.builder(Roles.OSEP, officer, null).sign();

        String code = callerCode(osep, awa.email());
        as(osep).body(Map.of("email", awa.email(), "code", code)).post("/api/v1/privacy/exports").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("scope", equalTo("CONTACT"))
                .body("account.email", equalTo(awa.email()))
                .body("requests.id", equalTo(List.of(awa.answered(), awa.other(), withoutAccount)))
                .body("requests[2].timeline.type", hasItem("SUBMITTED"));

        Object[] act = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select requested_via, identity_check, cardinality(request_ids) from privacy_act
                where act = 'EXPORT' and staff_id = ?1""").setParameter(1, officer).getSingleResult());
        assertEquals("OSEP", act[0]);
        assertEquals("CODE_READ_BACK", act[1]);
        assertEquals(3, ((Number) act[2]).intValue());
    }

    @Test
    void osepExportForAContactThatHoldsNothingIsEmptyAndStillAudited() {
        UUID officer = UUID.randomUUID();
        String osep = TestTokens.builder(Roles.OSEP, officer, null).sign();
        String email = uniqueEmail("nobody");

        as(osep).body(Map.of("email", email, "code", callerCode(osep, email))).post("/api/v1/privacy/exports").then().statusCode(200)
                .body("account", nullValue())
                .body("requests", empty())
                .body("messages.kind", everyItem(equalTo("PRIVACY_CODE")));
        assertProblem(as(osep).body(Map.of("email", email, "code", "000000")).post("/api/v1/privacy/exports").then(),
                403, "OTP_INVALID");

        Number exports = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from privacy_act where act = 'EXPORT' and staff_id = ?1").setParameter(1, officer).getSingleResult());
        assertEquals(1, exports.intValue());
    }

    @Test
    void supervisorsReadThePrivacyActsNewestFirstWithFilters() {
        UUID officer = UUID.randomUUID();
        String osep = TestTokens.builder(Roles.OSEP, officer, null).sign();
        String email = uniqueEmail("caller");
        as(osep).body(Map.of("email", email, "code", callerCode(osep, email))).post("/api/v1/privacy/exports").then().statusCode(200);
        String supervisor = TestTokens.of(Roles.SUPERVISOR);

        as(supervisor).queryParam("staffId", officer.toString()).get("/api/v1/privacy/acts").then().statusCode(200)
                .body("items.act", equalTo(List.of("EXPORT", "CODE_SENT")))
                .body("items.via", everyItem(equalTo("OSEP")))
                .body("items.staffId", everyItem(equalTo(officer.toString())))
                .body("items.identityCheck", everyItem(equalTo("CODE_READ_BACK")))
                .body("items[0].requestIds", empty())
                .body("items[0].occurredAt", notNullValue());
        as(supervisor).queryParam("staffId", officer.toString()).queryParam("act", "EXPORT").get("/api/v1/privacy/acts").then()
                .statusCode(200).body("items.act", equalTo(List.of("EXPORT")));
        String next = as(supervisor).queryParam("staffId", officer.toString()).queryParam("limit", 1).get("/api/v1/privacy/acts")
                .then().statusCode(200).body("items.act", equalTo(List.of("EXPORT"))).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        as(supervisor).queryParam("staffId", officer.toString()).queryParam("limit", 1).queryParam("cursor", next)
                .get("/api/v1/privacy/acts").then().statusCode(200)
                .body("items.act", equalTo(List.of("CODE_SENT"))).body("nextCursor", nullValue());
        as(supervisor).queryParam("staffId", officer.toString()).queryParam("to", "2020-01-01").get("/api/v1/privacy/acts").then()
                .statusCode(200).body("items", empty());
        as(TestTokens.of(Roles.SYSADMIN)).queryParam("staffId", officer.toString()).queryParam("from", LocalDate.now(clock).toString())
                .queryParam("via", "OSEP").get("/api/v1/privacy/acts").then().statusCode(200).body("items", hasSize(2));
        assertProblem(as(supervisor).queryParam("act", "LOOKED").get("/api/v1/privacy/acts").then(), 400, "VALIDATION_FAILED");

        for (String token : new String[] { TestTokens.agent(UUID.randomUUID()), osep, TestTokens.of(Roles.CITIZEN), TestTokens.of(Roles.OPERATOR) }) {
            assertProblem(as(token).get("/api/v1/privacy/acts").then(), 403, "FORBIDDEN");
        }
        assertProblem(anonymous().get("/api/v1/privacy/acts").then(), 401, "UNAUTHENTICATED");
    }
}
