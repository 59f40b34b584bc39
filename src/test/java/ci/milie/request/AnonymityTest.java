package ci.milie.request;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Outboxes;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A citizen who asks for anonymity stays anonymous to the administration in charge: no filter,
 * field, event or file name tells its agents the citizen's phone, e-mail, name, account or the
 * names of the files they joined. The same citizen's signed request, OSEP and supervisors still
 * show who it is.
 */
@QuarkusTest
class AnonymityTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Random RANDOM = new Random();

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    /** A signed-in citizen and what identifies them. */
    record Citizen(String token, String accountId, String surname, String fullName, String email, String localPhone) {

        String phone() {
            return "+225" + localPhone;
        }

        /** Every way of writing who this is that a response must not contain (the files are named after the citizen too). */
        List<String> identifiers() {
            return List.of(surname, email, phone(), localPhone, accountId);
        }
    }

    /**
     * One citizen who sent one administration two complaints with the same contact, one anonymous
     * and one signed, and joined to each a scan named after themselves. Both are routed.
     */
    record Scene(Setting at, Citizen citizen, String word, String anonymousId, String signedId, String fileName) {

        String anonymous() {
            return "/api/v1/requests/" + anonymousId;
        }

        String signed() {
            return "/api/v1/requests/" + signedId;
        }
    }

    @Test
    void agentsPhoneFilterNeverFindsTheAnonymousRequestButStillFindsTheSignedOne() {
        Scene scene = scene();
        String agent = scene.at().agentToken();
        Citizen citizen = scene.citizen();

        for (String written : List.of(citizen.phone(), citizen.localPhone(), "+225 " + citizen.localPhone())) {
            as(agent).queryParam("phone", written).get("/api/v1/requests").then().statusCode(200)
                    .body("items.id", equalTo(List.of(scene.signedId())));
        }
        // on the same queue, without the filter, both are there: the filter, not the scope, leaves it out
        as(agent).get("/api/v1/requests").then().statusCode(200)
                .body("items.id", containsInAnyOrder(scene.anonymousId(), scene.signedId()));
        // OSEP and supervisors find both by the citizen's phone, as before
        for (String staff : List.of(scene.at().osepToken(), TestTokens.of("supervisor"))) {
            as(staff).queryParam("phone", citizen.phone())
                    .queryParam("administrationId", scene.at().administrationId())
                    .get("/api/v1/requests").then().statusCode(200)
                    .body("items.id", containsInAnyOrder(scene.anonymousId(), scene.signedId()));
        }
    }

    @Test
    void agentsSearchByNameOrEmailFindsNothingWhileTheTextStillMatches() {
        Scene scene = scene();
        String agent = scene.at().agentToken();
        Citizen citizen = scene.citizen();

        for (String who : List.of(citizen.surname(), citizen.fullName(), citizen.email(), citizen.localPhone())) {
            as(agent).queryParam("q", who).get("/api/v1/requests").then().statusCode(200).body("items", empty());
        }
        // the full-text search itself works on the anonymous request: on what it says, not on who said it
        as(agent).queryParam("q", scene.word()).get("/api/v1/requests").then().statusCode(200)
                .body("items.id", containsInAnyOrder(scene.anonymousId(), scene.signedId()));
        // there is no e-mail filter: the parameter narrows nothing, so it cannot be tested against
        as(agent).queryParam("email", citizen.email()).get("/api/v1/requests").then().statusCode(200)
                .body("items.id", containsInAnyOrder(scene.anonymousId(), scene.signedId()));
        // and the searched column is made of the subject and the description only
        String searched = (String) em.createNativeQuery("select generation_expression from information_schema.columns "
                + "where table_name = 'citizen_request' and column_name = 'search'").getSingleResult();
        assertTrue(searched.contains("subject") && searched.contains("description"), searched);
        assertFalse(searched.contains("contact") || searched.contains("citizen_id"), searched);
    }

    @Test
    void agentReadsTheAnonymousRequestItsEventsAndFilesWithoutAnythingThatNamesTheCitizen() {
        Scene scene = scene();
        Response view = as(scene.at().agentToken()).get(scene.anonymous());
        view.then().statusCode(200).body("anonymous", equalTo(true)).body("contact", nullValue());
        Response events = as(scene.at().agentToken()).get(scene.anonymous() + "/events");
        events.then().statusCode(200)
                .body("items.find { it.type == 'SUBMITTED' }.actorRole", equalTo("citizen"))
                .body("items.find { it.type == 'SUBMITTED' }.actorId", nullValue())
                .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.message", equalTo(List.of("piece-jointe.png")))
                .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.actorId", equalTo(Collections.singletonList(null)));
        Response files = as(scene.at().agentToken()).get(scene.anonymous() + "/attachments");
        files.then().statusCode(200).body("items.fileName", equalTo(List.of("piece-jointe.png")))
                .body("items.uploadedBy", equalTo(List.of("citizen")));
        Response download = as(scene.at().agentToken()).get(scene.anonymous() + "/attachments/" + files.path("items[0].id"));
        download.then().statusCode(200).header("Content-Disposition", endsWith("filename*=UTF-8''piece-jointe.png"));
        Response queue = as(scene.at().agentToken()).get("/api/v1/requests");
        queue.then().statusCode(200);

        String everything = String.join("\n", view.asString(), events.asString(), files.asString(),
                download.header("Content-Disposition"), queue.asString()).toLowerCase(Locale.ROOT);
        for (String identifier : scene.citizen().identifiers()) {
            assertFalse(everything.contains(identifier.toLowerCase(Locale.ROOT)), "the agent read " + identifier);
        }
    }

    @Test
    void aClaimedAnonymousRequestStaysAnonymousToTheAgentsAndItsClaimNamesNoOne() {
        Setting at = Setting.create(true);
        Citizen citizen = signIn();
        String word = "guichet" + letters(8);
        Map<String, Object> body = Requests.complaint(at.categoryCode(), citizen.email());
        body.put("contact", new HashMap<>(Map.of("fullName", citizen.fullName(), "email", citizen.email(),
                "phone", citizen.localPhone(), "preferredLanguage", "fr")));
        body.put("description", "Au " + word + " de la mairie, on me renvoie d'un bureau à l'autre.");
        body.put("anonymous", true);
        var receipt = Requests.submitAnonymously(body);
        String path = "/api/v1/requests/" + receipt.getString("id");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post(path + "/routing").then().statusCode(200);

        as(citizen.token()).body(Map.of("trackingCode", receipt.getString("trackingCode"), "accessKey", receipt.getString("accessKey")))
                .post("/api/v1/me/requests/claims").then().statusCode(200).body("anonymous", equalTo(true));

        Response view = as(at.agentToken()).get(path);
        view.then().statusCode(200).body("anonymous", equalTo(true)).body("contact", nullValue());
        Response events = as(at.agentToken()).get(path + "/events");
        events.then().statusCode(200)
                .body("items.find { it.type == 'CLAIMED' }.actorRole", equalTo("citizen"))
                .body("items.find { it.type == 'CLAIMED' }.actorId", nullValue())
                .body("items.find { it.type == 'CLAIMED' }.message", nullValue());
        Response queue = as(at.agentToken()).get("/api/v1/requests");
        String everything = String.join("\n", view.asString(), events.asString(), queue.asString()).toLowerCase(Locale.ROOT);
        for (String identifier : citizen.identifiers()) {
            assertFalse(everything.contains(identifier.toLowerCase(Locale.ROOT)), "the agent read " + identifier);
        }
        // OSEP, who sees the contact, sees the account that claimed it
        as(at.osepToken()).get(path + "/events").then().statusCode(200)
                .body("items.find { it.type == 'CLAIMED' }.actorId", equalTo(citizen.accountId()));
    }

    @Test
    void agentStillReadsWhoSentTheSignedRequest() {
        Scene scene = scene();
        Citizen citizen = scene.citizen();

        as(scene.at().agentToken()).get(scene.signed()).then().statusCode(200)
                .body("anonymous", equalTo(false))
                .body("contact.fullName", equalTo(citizen.fullName()))
                .body("contact.email", equalTo(citizen.email()))
                .body("contact.phone", equalTo(citizen.phone()));
        as(scene.at().agentToken()).get(scene.signed() + "/events").then().statusCode(200)
                .body("items.find { it.type == 'SUBMITTED' }.actorId", equalTo(citizen.accountId()))
                .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.message", equalTo(List.of(scene.fileName())));
        String fileId = as(scene.at().agentToken()).get(scene.signed() + "/attachments").then().statusCode(200)
                .body("items.fileName", equalTo(List.of(scene.fileName()))).extract().path("items[0].id");
        as(scene.at().agentToken()).get(scene.signed() + "/attachments/" + fileId).then().statusCode(200)
                .header("Content-Disposition", containsString("CNI"));
    }

    @Test
    void osepAndSupervisorsStillSeeWhoSentTheAnonymousRequest() {
        Scene scene = scene();
        Citizen citizen = scene.citizen();

        for (String staff : List.of(scene.at().osepToken(), TestTokens.of("supervisor"))) {
            as(staff).get(scene.anonymous()).then().statusCode(200)
                    .body("anonymous", equalTo(true))
                    .body("contact.fullName", equalTo(citizen.fullName()))
                    .body("contact.email", equalTo(citizen.email()))
                    .body("contact.phone", equalTo(citizen.phone()));
            as(staff).get(scene.anonymous() + "/events").then().statusCode(200)
                    .body("items.find { it.type == 'SUBMITTED' }.actorId", equalTo(citizen.accountId()))
                    // the history is shared with the administration: it never recorded the name
                    .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.message", equalTo(List.of("piece-jointe.png")));
            String fileId = as(staff).get(scene.anonymous() + "/attachments").then().statusCode(200)
                    .body("items.fileName", equalTo(List.of(scene.fileName()))).extract().path("items[0].id");
            as(staff).get(scene.anonymous() + "/attachments/" + fileId).then().statusCode(200)
                    .header("Content-Disposition", containsString("CNI"));
        }
    }

    @Test
    void theCitizenSeesTheirOwnContactAndFileNames() {
        Scene scene = scene();
        String citizen = scene.citizen().token();

        as(citizen).get(scene.anonymous()).then().statusCode(200)
                .body("contact.email", equalTo(scene.citizen().email()));
        as(citizen).get(scene.anonymous() + "/attachments").then().statusCode(200)
                .body("items.fileName", equalTo(List.of(scene.fileName())));
    }

    @Test
    void filesTheAdministrationJoinsToAnAnonymousRequestKeepTheirNames() {
        Scene scene = scene();

        files(scene.at().agentToken()).multiPart("file", "courrier-mairie.png", AttachmentResourceTest.PNG, "image/png")
                .post(scene.anonymous() + "/attachments").then().statusCode(201)
                .body("items.fileName", equalTo(List.of("courrier-mairie.png")));
        as(scene.at().agentToken()).get(scene.anonymous() + "/attachments").then().statusCode(200)
                .body("items.fileName", equalTo(List.of("piece-jointe.png", "courrier-mairie.png")));
        as(scene.at().agentToken()).get(scene.anonymous() + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.message",
                        equalTo(List.of("piece-jointe.png", "courrier-mairie.png")));
    }

    @Test
    void aFileNameRecordedInTheHistoryBeforeThisRuleIsNotShownToTheAgent() {
        Scene scene = scene();
        // events are immutable: a name an older version recorded stays in the row, and is hidden when read
        UUID event = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into request_event (id, request_id, "
                    + "occurred_at, type, actor_id, actor_role, from_status, to_status, visibility) "
                    + "values (?1, ?2, ?3, 'ATTACHMENT_ADDED', ?4, 'citizen', 'ROUTED', 'ROUTED', 'PUBLIC')")
                    .setParameter(1, event).setParameter(2, UUID.fromString(scene.anonymousId()))
                    .setParameter(3, Timestamp.from(Instant.now())).setParameter(4, UUID.fromString(scene.citizen().accountId()))
                    .executeUpdate();
            em.createNativeQuery("insert into request_event_text (event_id, message) values (?1, ?2)")
                    .setParameter(1, event).setParameter(2, "Carte " + scene.citizen().fullName() + ".JPEG").executeUpdate();
        });

        as(scene.at().agentToken()).get(scene.anonymous() + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.message",
                        equalTo(List.of("piece-jointe.png", "piece-jointe.jpg")));
        as(scene.at().osepToken()).get(scene.anonymous() + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.message",
                        equalTo(List.of("piece-jointe.png", "Carte " + scene.citizen().fullName() + ".JPEG")));
    }

    private Scene scene() {
        Setting at = Setting.create(true);
        Citizen citizen = signIn();
        String word = "guichet" + letters(8);
        String anonymousId = submit(at, citizen, word, true);
        String signedId = submit(at, citizen, word, false);
        String fileName = "CNI " + citizen.fullName() + ".png";
        for (String id : List.of(anonymousId, signedId)) {
            as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                    .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
            files(citizen.token()).multiPart("file", fileName, AttachmentResourceTest.PNG, "image/png")
                    .post("/api/v1/requests/" + id + "/attachments").then().statusCode(201)
                    .body("items.fileName", equalTo(List.of(fileName)));
        }
        return new Scene(at, citizen, word, anonymousId, signedId, fileName);
    }

    private Citizen signIn() {
        String surname = "Kouassi" + letters(10);
        String email = surname.toLowerCase() + "@milie.test";
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        Outboxes.drain(relay);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertFalse(mails.isEmpty(), "the one-time code reached " + email);
        Matcher otp = CODE.matcher(mails.get(mails.size() - 1).getText());
        assertTrue(otp.find());
        String token = anonymous().body(Map.of("email", email, "code", otp.group(1))).post("/api/v1/auth/otp/verify")
                .then().statusCode(200).extract().path("accessToken");
        String accountId = as(token).get("/api/v1/me").then().statusCode(200).extract().path("id");
        String localPhone = "07" + (10_000_000 + RANDOM.nextInt(89_999_999));
        return new Citizen(token, accountId, surname, "Awa " + surname, email, localPhone);
    }

    private static String submit(Setting at, Citizen citizen, String word, boolean anonymousRequest) {
        Map<String, Object> body = Requests.complaint(at.categoryCode(), citizen.email());
        Map<String, Object> contact = new HashMap<>();
        contact.put("fullName", citizen.fullName());
        contact.put("email", citizen.email());
        contact.put("phone", citizen.localPhone());
        body.put("contact", contact);
        body.put("description", "Au " + word + " de la mairie, on me renvoie d'un bureau à l'autre.");
        body.put("anonymous", anonymousRequest);
        String id = Requests.submit(as(citizen.token()), body).getString("id");
        assertEquals(anonymousRequest, as(citizen.token()).get("/api/v1/requests/" + id).then().statusCode(200)
                .extract().<Boolean>path("anonymous"));
        return id;
    }

    private static RequestSpecification files(String token) {
        return RestAssured.given().config(AttachmentResourceTest.UTF8).auth().oauth2(token);
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }
}
