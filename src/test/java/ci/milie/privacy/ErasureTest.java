package ci.milie.privacy;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import ci.milie.common.Roles;
import ci.milie.notification.OutboxRelay;
import ci.milie.support.Codes;
import ci.milie.support.Outboxes;
import ci.milie.support.RecordingSmsSender;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.SchemaScan;
import ci.milie.support.TestTokens;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The right to erasure, end to end on PostgreSQL, with attachments in the database (the default
 * storage; the directory storage's deletion is in AttachmentDirectoryStorageTest).
 */
@QuarkusTest
class ErasureTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Random RANDOM = new Random();

    @Inject
    MockMailbox mailbox;
    @Inject
    RecordingSmsSender sms;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;
    @Inject
    DataSubjects subjects;

    /** A citizen as the erasure must forget them: a name, an e-mail and a phone found nowhere else. */
    record Person(String name, String email, String local) {
        static Person create(String prefix) {
            StringBuilder letters = new StringBuilder();
            for (int i = 0; i < 7; i++) {
                letters.append((char) ('a' + RANDOM.nextInt(26)));
            }
            String name = "Zéphyrine " + Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
            return new Person(name, uniqueEmail(prefix), "07" + (10_000_000 + RANDOM.nextInt(89_999_999)));
        }

        String e164() {
            return "+225" + local;
        }

        String spaced() {
            return local.replaceAll("(\\d\\d)(?!$)", "$1 ");
        }

        Map<String, Object> contact() {
            Map<String, Object> contact = new HashMap<>();
            contact.put("fullName", name);
            contact.put("email", email);
            contact.put("phone", local);
            contact.put("preferredLanguage", "fr");
            return contact;
        }

        List<String> identifiers() {
            return List.of(name, email, e164(), local, spaced());
        }
    }

    @Test
    void aCitizenErasesTheirAccountAndNothingOfThemIsLeftWhileEveryStatisticStaysTheSame() throws IOException {
        Setting at = Setting.create(true);
        Person awa = Person.create("zephyrine");
        Person other = Person.create("other");
        String token = Codes.signInCitizen(mailbox, relay, awa.email());
        String otherToken = Codes.signInCitizen(mailbox, relay, other.email());
        String fileMarker = "FICHIER-" + UUID.randomUUID();

        // The other citizen's request, which must come out untouched.
        String untouched = Requests.submit(as(otherToken), complaintBy(other, at.categoryCode())).getString("id");

        // A first request, taken through its whole life, the citizen's data everywhere in it.
        String first = Requests.submit(as(token), complaintBy(awa, at.categoryCode())).getString("id");
        given().header("Authorization", "Bearer " + token)
                .multiPart("file", "acte de " + awa.name() + ".pdf", pdfTitled(fileMarker), "application/pdf")
                .post("/api/v1/requests/" + first + "/attachments").then().statusCode(201);
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + first + "/routing").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + first + "/acknowledgement").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "Madame " + awa.name() + ", quel est votre numéro de dossier ?"))
                .post("/api/v1/requests/" + first + "/messages").then().statusCode(200);
        as(token).body(Map.of("text", "Le dossier 2026-0412. Écrivez à " + awa.email() + " ou appelez le " + awa.spaced()))
                .post("/api/v1/requests/" + first + "/messages").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "Appelé " + awa.name().toUpperCase() + " au " + awa.e164() + " ce matin"))
                .post("/api/v1/requests/" + first + "/notes").then().statusCode(201);
        String returned = as(at.agentToken()).body(Map.of("text", "Madame " + awa.name() + ", votre extrait est prêt."))
                .post("/api/v1/requests/" + first + "/answers").then().statusCode(201).extract().path("id");
        as(at.osepToken()).body(Map.of("decision", "RETURN", "remarks", "N'écrivez pas " + awa.email() + " dans la réponse"))
                .post("/api/v1/requests/" + first + "/answers/" + returned + "/review").then().statusCode(200);
        deliverAnswer(at, first, "Votre extrait est prêt, " + awa.name() + " : guichet 3.");
        Outboxes.drain(relay);
        as(token).body(Map.of("reason", "Je suis " + awa.name() + ", joignable au " + awa.local() + " : le guichet 3 est fermé."))
                .post("/api/v1/requests/" + first + "/reopen").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + first + "/acknowledgement").then().statusCode(200);
        deliverAnswer(at, first, "Le guichet 4 vous attend, " + awa.name() + ".");
        as(token).body(Map.of("rating", 4, "satisfied", true, "comment", "Merci, signé " + awa.name() + " (" + awa.email() + ")"))
                .post("/api/v1/requests/" + first + "/feedback").then().statusCode(201);
        as(token).get("/api/v1/requests/" + first).then().statusCode(200).body("status", equalTo("CLOSED"));

        // A second request, still waiting for OSEP; its messages are still queued.
        String second = Requests.submit(as(token), complaintBy(awa, at.categoryCode())).getString("id");
        for (String identifier : awa.identifiers()) {
            assertFalse(SchemaScan.columnsHolding(em, identifier).isEmpty(), "the data hold " + identifier + " before");
        }
        assertFalse(SchemaScan.columnsHolding(em, fileMarker).isEmpty(), "the file is stored in the database");
        // OSEP once sent a code to the phone written on the requests (not the account's: it has none)
        as(TestTokens.of(Roles.OSEP)).body(Map.of("phone", awa.e164())).post("/api/v1/privacy/codes").then().statusCode(202);
        Outboxes.drain(relay);
        Map<String, String> statisticsBefore = statistics(at.administrationId());

        as(token).body(Map.of()).post("/api/v1/me/privacy/code").then().statusCode(202);
        String code = Codes.privacyCodeMailedTo(mailbox, relay, awa.email());
        as(token).body(Map.of("code", code)).post("/api/v1/me/privacy/erasure").then().statusCode(200)
                .body("requestsAnonymised", equalTo(2))
                .body("filesDeleted", equalTo(1))
                .body("accountDeleted", equalTo(true));

        for (String identifier : awa.identifiers()) {
            assertEquals(List.of(), SchemaScan.columnsHolding(em, identifier), "columns still holding " + identifier);
        }
        assertEquals(List.of(), SchemaScan.columnsHolding(em, fileMarker), "columns still holding the file");
        assertFalse(SchemaScan.columnsHolding(em, other.name()).isEmpty(), "the other citizen's data stay");
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(subjects.ofContact(awa.email(), null).isEmpty(), "nothing left for the e-mail");
            assertTrue(subjects.ofContact(null, awa.e164()).isEmpty(), "nothing left for the phone");
        });
        assertEquals(statisticsBefore, statistics(at.administrationId()));

        // The requests stay, with what the statistics read; staff see the marker.
        String osep = at.osepToken();
        as(osep).get("/api/v1/requests/" + first).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("subject", equalTo(PersonalData.MARKER))
                .body("description", equalTo(PersonalData.MARKER))
                .body("type", equalTo("COMPLAINT"))
                .body("location.region", equalTo("ABIDJAN"));
        as(osep).get("/api/v1/requests/" + second).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("subject", equalTo(PersonalData.MARKER));
        as(osep).get("/api/v1/requests/" + first + "/events").then().statusCode(200)
                .body("items.message", hasItem("Appelé " + PersonalData.MARKER + " au " + PersonalData.MARKER + " ce matin"))
                .body("items.message", hasItem(PersonalData.MARKER));
        as(otherToken).get("/api/v1/requests/" + untouched).then().statusCode(200)
                .body("contact.fullName", equalTo(other.name()))
                .body("contact.email", equalTo(other.email()));

        // The account is gone, and with it the sessions.
        as(token).get("/api/v1/me").then().statusCode(401)
                .body("code", oneOf("TOKEN_REVOKED", "UNAUTHENTICATED"));
        Object[] act = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select requested_via, cardinality(request_ids), staff_id from privacy_act where act = 'ERASURE' and ?1 = any(request_ids)")
                .setParameter(1, UUID.fromString(first)).getSingleResult());
        assertEquals("ACCOUNT", act[0]);
        assertEquals(2, ((Number) act[1]).intValue());
        assertEquals(null, act[2]);

        // Should the citizen call OSEP afterwards, an export for their e-mail holds nothing of them.
        String officer = TestTokens.of(Roles.OSEP);
        as(officer).body(Map.of("email", awa.email())).post("/api/v1/privacy/codes").then().statusCode(202);
        as(officer).body(Map.of("email", awa.email(), "code", Codes.privacyCodeMailedTo(mailbox, relay, awa.email())))
                .post("/api/v1/privacy/exports").then().statusCode(200)
                .body("account", nullValue())
                .body("requests", hasSize(0))
                // only the code just sent for this very export
                .body("messages.kind", equalTo(List.of("PRIVACY_CODE")));
    }

    @Test
    void theHolderOfAKeyErasesThatOneRequestWhichStillTracksAndAStaleScreenCannotOverwriteIt() {
        Setting at = Setting.create(true);
        Person kone = Person.create("kone");
        JsonPath receipt = Requests.submitAnonymously(complaintBy(kone, at.categoryCode()));
        String id = receipt.getString("id");
        String otherOfTheirs = Requests.submitAnonymously(complaintBy(kone, at.categoryCode())).getString("id");
        String etag = as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200).extract().header("ETag");

        anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/privacy/erasure").then().statusCode(200)
                .body("requestsAnonymised", equalTo(1))
                .body("filesDeleted", equalTo(0))
                .body("accountDeleted", equalTo(false));

        anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .get("/api/v1/tracking/" + receipt.getString("trackingCode")).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("timeline.type", hasItem("SUBMITTED"));
        as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("subject", equalTo(PersonalData.MARKER))
                .body("contact.fullName", nullValue()).body("contact.email", nullValue()).body("contact.phone", nullValue())
                .header("ETag", not(equalTo(etag)));
        assertProblem(as(at.osepToken()).header("If-Match", etag).body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/requests/" + id + "/qualification").then(), 409, "CONCURRENT_MODIFICATION");
        // Only that request: the other one filed with the same contact keeps it.
        as(at.osepToken()).get("/api/v1/requests/" + otherOfTheirs).then().statusCode(200)
                .body("contact.email", equalTo(kone.email()));
        assertEquals("ACCESS_KEY", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select requested_via from privacy_act where act = 'ERASURE' and ?1 = any(request_ids)")
                .setParameter(1, UUID.fromString(id)).getSingleResult()));

        // and the key brings nothing personal in again: no file, no message
        assertProblem(given().header("X-Access-Key", receipt.getString("accessKey"))
                .multiPart("file", "CNI " + kone.name() + ".png", ci.milie.support.SampleFiles.png(java.awt.Color.RED), "image/png")
                .post("/api/v1/requests/" + id + "/attachments").then(), 409, "PERSONAL_DATA_ERASED");
        as(at.osepToken()).body(Map.of("text", "Pouvez-vous préciser ?")).post("/api/v1/requests/" + id + "/messages")
                .then().statusCode(200);
        assertProblem(anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .body(Map.of("text", "C'est " + kone.name() + ", au " + kone.spaced()))
                .post("/api/v1/requests/" + id + "/messages").then(), 409, "PERSONAL_DATA_ERASED");
        anonymous().header("X-Access-Key", receipt.getString("accessKey")).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("allowedActions", hasSize(0));
    }

    @Test
    void theDevicesOfAnErasedAccountOrRequestGoWithThem() {
        Setting at = Setting.create(false);
        JsonPath receipt = Requests.submitAnonymously(complaintBy(Person.create("device"), at.categoryCode()));
        String keyHolders = "erasure" + UUID.randomUUID().toString().replace("-", "") + ":APA91b";
        anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .body(Map.of("token", keyHolders, "platform", "ANDROID", "appVersion", "2.4.0", "language", "fr"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/devices").then().statusCode(201);
        String email = uniqueEmail("device");
        String token = Codes.signInCitizen(mailbox, relay, email);
        String citizens = "erasure" + UUID.randomUUID().toString().replace("-", "") + ":APA91b";
        as(token).body(Map.of("token", citizens, "platform", "IOS", "appVersion", "2.4.0", "language", "en"))
                .post("/api/v1/me/devices").then().statusCode(201);
        // the export shows them (not their tokens)
        anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/privacy/export").then().statusCode(200)
                .body("devices.platform", equalTo(List.of("ANDROID")))
                .body("devices.language", equalTo(List.of("fr")));

        anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/privacy/erasure").then().statusCode(200);
        as(token).body(Map.of()).post("/api/v1/me/privacy/code").then().statusCode(202);
        as(token).body(Map.of("code", Codes.privacyCodeMailedTo(mailbox, relay, email))).post("/api/v1/me/privacy/erasure")
                .then().statusCode(200);

        assertEquals(List.of(), SchemaScan.columnsHolding(em, keyHolders), "columns still holding the key holder's device");
        assertEquals(List.of(), SchemaScan.columnsHolding(em, citizens), "columns still holding the citizen's device");
    }

    @Test
    void osepErasingAStaffMailboxAProvedCodeReachesLeavesItsNoticesAlone() {
        String staffMailbox = uniqueEmail("supervision");
        UUID notice = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into outbox_message (id, channel, recipient, subject, body, kind, status, attempts, next_attempt_at, created_at)
                values (?1, 'EMAIL', ?2, 'Escalade : échéance dépassée pour la demande MIL-0000-0000', 'texte', 'DEADLINE_MISSED',
                        'PENDING', 0, now() + interval '1 day', now())""")
                .setParameter(1, notice).setParameter(2, staffMailbox).executeUpdate());
        String officer = TestTokens.of(Roles.OSEP);
        as(officer).body(Map.of("email", staffMailbox)).post("/api/v1/privacy/codes").then().statusCode(202);
        String code = Codes.privacyCodeMailedTo(mailbox, relay, staffMailbox);

        as(officer).body(Map.of("email", staffMailbox, "code", code)).post("/api/v1/privacy/erasures").then().statusCode(200)
                .body("requestsAnonymised", equalTo(0));

        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_message where id = ?1 and status = 'PENDING'").setParameter(1, notice)
                .getSingleResult()).longValue()), "the escalation still goes out");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from outbox_message where id = ?1")
                .setParameter(1, notice).executeUpdate());
    }

    @Test
    void osepErasesForACallerByPhoneTheRequestsFiledWithoutAnAccount() {
        Setting at = Setting.create(true);
        Person yao = Person.create("yao");
        Person neighbour = Person.create("neighbour");
        Map<String, Object> byPhone = Requests.complaint(at.categoryCode(), null);
        byPhone.put("contact", Map.of("fullName", yao.name(), "phone", yao.spaced()));
        String first = Requests.submitAnonymously(byPhone).getString("id");
        String second = Requests.submitAnonymously(byPhone).getString("id");
        String theirs = Requests.submitAnonymously(complaintBy(neighbour, at.categoryCode())).getString("id");
        UUID officer = UUID.randomUUID();
        String osep = TestTokens.builder(Roles.OSEP, officer, null).sign();

        as(osep).body(Map.of("phone", yao.local())).post("/api/v1/privacy/codes").then().statusCode(202);
        Outboxes.drain(relay);
        List<RecordingSmsSender.Sms> texts = sms.sentTo(yao.e164());
        Matcher code = CODE.matcher(texts.get(texts.size() - 1).text());
        assertTrue(code.find(), "the caller got a code by SMS");
        as(osep).body(Map.of("phone", yao.e164(), "code", code.group(1))).post("/api/v1/privacy/erasures").then().statusCode(200)
                .body("requestsAnonymised", equalTo(2))
                .body("accountDeleted", equalTo(false));

        for (String id : List.of(first, second)) {
            as(osep).get("/api/v1/requests/" + id).then().statusCode(200)
                    .body("subject", equalTo(PersonalData.MARKER)).body("contact.fullName", nullValue()).body("contact.email", nullValue()).body("contact.phone", nullValue());
        }
        as(osep).get("/api/v1/requests/" + theirs).then().statusCode(200).body("contact.fullName", equalTo(neighbour.name()));
        for (String identifier : yao.identifiers()) {
            assertEquals(List.of(), SchemaScan.columnsHolding(em, identifier), "columns still holding " + identifier);
        }
        Object[] act = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select requested_via, identity_check from privacy_act where act = 'ERASURE' and staff_id = ?1")
                .setParameter(1, officer).getSingleResult());
        assertEquals("OSEP", act[0]);
        assertEquals(PrivacyActs.CODE_READ_BACK, act[1]);
    }

    @Test
    void aSignInCodeDoesNotConfirmAnErasure() {
        Setting at = Setting.create(true);
        String email = uniqueEmail("awa");
        String token = Codes.signInCitizen(mailbox, relay, email);
        Map<String, Object> body = Requests.complaint(at.categoryCode(), email);
        String id = Requests.submit(as(token), body).getString("id");
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        String signInCode = Codes.lastMailedTo(mailbox, relay, email, "Votre code de connexion Miliê");

        assertProblem(as(token).body(Map.of("code", signInCode)).post("/api/v1/me/privacy/erasure").then(), 403, "OTP_INVALID");

        as(token).get("/api/v1/requests/" + id).then().statusCode(200).body("contact.email", equalTo(email));
        as(token).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void onlyTheCitizenErasesTheirAccountAndOnlyOsepForACaller() {
        Map<String, Object> confirmation = Map.of("code", "123456");
        assertProblem(anonymous().body(confirmation).post("/api/v1/me/privacy/erasure").then(), 401, "UNAUTHENTICATED");
        for (String role : new String[] { Roles.OSEP, Roles.OPERATOR, Roles.SUPERVISOR, Roles.SYSADMIN }) {
            assertProblem(as(TestTokens.of(role)).body(confirmation).post("/api/v1/me/privacy/erasure").then(), 403, "FORBIDDEN");
        }
        Map<String, Object> caller = Map.of("email", uniqueEmail("caller"), "code", "123456");
        assertProblem(anonymous().body(caller).post("/api/v1/privacy/erasures").then(), 401, "UNAUTHENTICATED");
        for (String role : new String[] { Roles.CITIZEN, Roles.OPERATOR, Roles.SUPERVISOR, Roles.SYSADMIN }) {
            assertProblem(as(TestTokens.of(role)).body(caller).post("/api/v1/privacy/erasures").then(), 403, "FORBIDDEN");
        }
    }

    @Test
    void aWrongOrMissingKeyErasesNothingAndAnswersLikeAnUnknownCode() {
        Setting at = Setting.create(true);
        String email = uniqueEmail("awa");
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), email));
        String path = "/api/v1/tracking/" + receipt.getString("trackingCode") + "/privacy/erasure";

        assertProblem(anonymous().header("X-Access-Key", "not-the-key").post(path).then(), 404, "NOT_FOUND");
        assertProblem(anonymous().post(path).then(), 404, "NOT_FOUND");
        assertProblem(anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .post("/api/v1/tracking/MIL-0000-0000/privacy/erasure").then(), 404, "NOT_FOUND");

        as(at.osepToken()).get("/api/v1/requests/" + receipt.getString("id")).then().statusCode(200)
                .body("contact.email", equalTo(email));
    }

    private static Map<String, Object> complaintBy(Person person, String categoryCode) {
        Map<String, Object> body = Requests.complaint(categoryCode, person.email());
        body.put("contact", person.contact());
        body.put("subject", "Plainte de " + person.name());
        body.put("description", "Je suis " + person.name() + ", " + person.email() + ", " + person.spaced()
                + " : mon extrait de naissance est introuvable.");
        return body;
    }

    private static void deliverAnswer(Setting at, String id, String text) {
        String answer = as(at.agentToken()).body(Map.of("text", text))
                .post("/api/v1/requests/" + id + "/answers").then().statusCode(201).extract().path("id");
        as(at.osepToken()).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/requests/" + id + "/answers/" + answer + "/review").then().statusCode(200)
                .body("requestStatus", equalTo("ANSWERED"));
    }

    private static byte[] pdfTitled(String title) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentInformation().setTitle(title);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // uncompressed, so that the title can be found in the stored bytes
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    /** Every figure of every statistics endpoint, JSON and CSV, for a period covering the test's data. */
    static Map<String, String> statistics(String administrationId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return statistics(administrationId, today.minusDays(1), today.plusDays(1), "day");
    }

    /** Every figure of every statistics endpoint, JSON and CSV, for that period (time series by that interval). */
    static Map<String, String> statistics(String administrationId, LocalDate fromDay, LocalDate toDay, String interval) {
        String from = fromDay.toString();
        String to = toDay.toString();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        String supervisor = TestTokens.of(Roles.SUPERVISOR);
        Map<String, String> figures = new LinkedHashMap<>();
        for (String accept : List.of("application/json", "text/csv")) {
            for (String path : List.of("overview", "administrations", "categories", "timeseries")) {
                for (String administration : new String[] { null, administrationId }) {
                    var call = as(supervisor).accept(accept).queryParam("from", from).queryParam("to", to);
                    if (administration != null) {
                        call.queryParam("administrationId", administration);
                    }
                    if (path.equals("timeseries")) {
                        call.queryParam("interval", interval);
                    }
                    figures.put(path + " " + accept + " " + administration,
                            call.get("/api/v1/stats/" + path).then().statusCode(200).extract().asString());
                }
            }
            figures.put("quarterly " + accept, as(supervisor).accept(accept).queryParam("quarter", quarter)
                    .get("/api/v1/stats/administrations/" + administrationId + "/quarterly").then().statusCode(200)
                    .extract().asString());
            figures.put("public " + accept, given().accept(accept).queryParam("from", from).queryParam("to", to)
                    .get("/api/v1/public/stats").then().statusCode(200).extract().asString());
        }
        return figures;
    }
}
