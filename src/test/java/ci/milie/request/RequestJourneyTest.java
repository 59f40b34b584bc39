package ci.milie.request;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Api;
import ci.milie.support.RecordingSmsSender;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A request's whole life, through HTTP only, for each way a citizen reaches Miliê. */
@QuarkusTest
class RequestJourneyTest {

    private static final Pattern KEY_IN_LINK = Pattern.compile("#cle=([A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    MockMailbox mailbox;

    @Inject
    RecordingSmsSender sms;

    @Inject
    OutboxRelay relay;

    private Mail lastMailTo(String email) {
        ci.milie.support.Outboxes.drain(relay);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertFalse(mails.isEmpty(), "a mail reached " + email);
        return mails.get(mails.size() - 1);
    }

    @Test
    void anonymousComplaintFromSubmissionToTheAnswerReadWithTheKey() {
        Setting at = Setting.create(true);
        String email = uniqueEmail("awa");

        // The citizen submits, without an account.
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), email));
        String id = receipt.getString("id");
        String code = receipt.getString("trackingCode");
        String key = receipt.getString("accessKey");
        assertTrue(code.matches("MIL-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        assertEquals("RECEIVED", receipt.getString("status"));

        // The receipt e-mail carries the tracking code and, in its link, the access key.
        Mail receiptMail = lastMailTo(email);
        assertTrue(receiptMail.getText().contains(code));
        Matcher link = KEY_IN_LINK.matcher(receiptMail.getText());
        assertTrue(link.find(), "the receipt links to the request with its key");
        assertEquals(key, link.group(1));

        // OSEP qualifies and routes it; the category's default administration is suggested.
        as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("defaultAdministration.id", equalTo(at.administrationId()))
                .body("allowedActions", hasItem("ROUTE"));
        as(at.osepToken()).body(Map.of("decision", "ACCEPT")).post("/api/v1/requests/" + id + "/qualification")
                .then().statusCode(200).body("status", equalTo("RECEIVED")).body("qualified", equalTo(true));
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing")
                .then().statusCode(200).body("status", equalTo("ROUTED"))
                .body("administration.id", equalTo(at.administrationId()))
                .body("dueAt", notNullValue());

        // The agent acknowledges and asks a question; the citizen is told.
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        as(at.agentToken()).body(Map.of("text", "Quel est le numéro de votre demande à la mairie ?"))
                .post("/api/v1/requests/" + id + "/messages")
                .then().statusCode(200).body("status", equalTo("AWAITING_CITIZEN")).body("dueAt", nullValue());
        assertTrue(lastMailTo(email).getText().contains("Quel est le numéro de votre demande"));

        // The citizen answers with the key; the request goes back to the agent.
        anonymous().header("X-Access-Key", key).body(Map.of("text", "C'est le dossier 2026-0412."))
                .post("/api/v1/requests/" + id + "/messages")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));

        // An internal note, then an answer that OSEP returns once and approves the second time.
        as(at.agentToken()).body(Map.of("text", "Dossier retrouvé au service de l'état civil, NOTE-INTERNE"))
                .post("/api/v1/requests/" + id + "/notes").then().statusCode(201).body("visibility", equalTo("INTERNAL"));
        String first = as(at.agentToken()).body(Map.of("text", "Votre extrait est prêt."))
                .post("/api/v1/requests/" + id + "/answers")
                .then().statusCode(201).body("status", equalTo("UNDER_REVIEW")).body("requestStatus", equalTo("UNDER_REVIEW"))
                .extract().path("id");
        as(at.osepToken()).body(Map.of("decision", "RETURN", "remarks", "Précisez où le retirer."))
                .post("/api/v1/requests/" + id + "/answers/" + first + "/review")
                .then().statusCode(200).body("status", equalTo("RETURNED")).body("requestStatus", equalTo("IN_PROGRESS"));
        String second = as(at.agentToken())
                .body(Map.of("text", "Votre extrait est prêt : retirez-le au guichet 3 de la mairie de Yopougon."))
                .post("/api/v1/requests/" + id + "/answers").then().statusCode(201).extract().path("id");
        as(at.osepToken()).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/requests/" + id + "/answers/" + second + "/review")
                .then().statusCode(200).body("status", equalTo("DELIVERED")).body("requestStatus", equalTo("ANSWERED"));
        assertTrue(lastMailTo(email).getText().contains("guichet 3"), "the answer reaches the citizen by e-mail");

        // The citizen reads the answer with the key; the public timeline holds no internal note.
        anonymous().header("X-Access-Key", key).get("/api/v1/tracking/" + code).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("id", equalTo(id))
                .body("answers", hasSize(1))
                .body("answers[0].text", equalTo("Votre extrait est prêt : retirez-le au guichet 3 de la mairie de Yopougon."))
                .body("timeline.visibility", everyItem(equalTo("PUBLIC")))
                .body("timeline.type", not(hasItem("NOTE_ADDED")))
                .body("timeline.type", not(hasItem("ANSWER_RETURNED")))
                .body("timeline.message", not(hasItem("Dossier retrouvé au service de l'état civil, NOTE-INTERNE")))
                .body("timeline.type", hasItem("CITIZEN_REPLIED"))
                .body("timeline.type", hasItem("ANSWER_DELIVERED"));

        // Staff see the whole audit trail, the note included.
        as(at.osepToken()).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .body("items.type", hasItem("NOTE_ADDED"))
                .body("items.type", hasItem("ANSWER_RETURNED"))
                .body("items.actorRole", hasItem("agent"));
        anonymous().header("X-Access-Key", key).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .body("items.visibility", everyItem(equalTo("PUBLIC")));

        // The citizen rates the answer, satisfied: the request is closed, and the timeline says so.
        anonymous().header("X-Access-Key", key).body(Map.of("rating", 5, "satisfied", true, "comment", "Merci !"))
                .post("/api/v1/requests/" + id + "/feedback").then().statusCode(201).body("rating", equalTo(5));
        anonymous().header("X-Access-Key", key).get("/api/v1/tracking/" + code).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("timeline.type[-2]", equalTo("FEEDBACK_GIVEN"))
                .body("timeline.type[-1]", equalTo("CLOSED"));
    }

    @Test
    void signedInCitizenFollowsTheirOwnRequest() {
        Setting at = Setting.create(false);
        String email = uniqueEmail("koffi");
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        Matcher otp = CODE.matcher(lastMailTo(email).getText());
        assertTrue(otp.find());
        String token = anonymous().body(Map.of("email", email, "code", otp.group(1))).post("/api/v1/auth/otp/verify")
                .then().statusCode(200).extract().path("accessToken");

        // No contact in the form: the account's e-mail is used.
        Map<String, Object> body = Requests.complaint(at.categoryCode(), null);
        body.remove("contact");
        String id = Requests.submit(as(token), body).getString("id");
        assertTrue(lastMailTo(email).getText().contains("MIL-"), "the receipt goes to the account's e-mail");

        as(token).get("/api/v1/me/requests").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
        as(token).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("contact.email", equalTo(email)).body("status", equalTo("RECEIVED"));

        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "Pouvez-vous préciser la date de votre demande ?"))
                .post("/api/v1/requests/" + id + "/messages").then().statusCode(200);
        as(token).body(Map.of("text", "Le 12 août 2026.")).post("/api/v1/requests/" + id + "/messages")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        // A trusted administration: the answer goes straight to the citizen.
        as(at.agentToken()).body(Map.of("text", "Votre document est disponible."))
                .post("/api/v1/requests/" + id + "/answers")
                .then().statusCode(201).body("status", equalTo("DELIVERED")).body("requestStatus", equalTo("ANSWERED"));

        as(token).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answers[0].text", equalTo("Votre document est disponible."))
                .body("allowedActions", contains("REOPEN", "RATE", "ADD_ATTACHMENT"))
                .body("reopenUntil", notNullValue());
        as(token).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .body("items.visibility", everyItem(equalTo("PUBLIC")));
        assertTrue(lastMailTo(email).getText().contains("Votre document est disponible."));
    }

    @Test
    void operatorEntersAPhoneCallAndTheCallerIsAnsweredBySms() {
        Setting at = Setting.create(true);
        String operatorEmail = uniqueEmail("operator");
        Api.createStaff(operatorEmail, "operator", null, "Operator-Password-1");
        String operator = Api.login(operatorEmail, "Operator-Password-1");
        String local = "05" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        String e164 = "+225" + local;

        Map<String, Object> body = Requests.complaint(at.categoryCode(), null);
        body.put("channel", "PHONE");
        body.put("contact", Map.of("fullName", "Yao Kouadio", "phone", local));
        JsonPath receipt = Requests.submit(as(operator), body);
        String id = receipt.getString("id");
        String code = receipt.getString("trackingCode");
        ci.milie.support.Outboxes.drain(relay);
        assertTrue(sms.sentTo(e164).stream().anyMatch(s -> s.text().contains(code)), "the caller gets the code by SMS");

        // Later the caller phones again: the operator finds the request by code and phone.
        as(operator).queryParam("trackingCode", code.toLowerCase()).queryParam("phone", "+225 " + local)
                .get("/api/v1/requests").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id)).body("items[0].channel", equalTo("PHONE"));
        as(operator).get("/api/v1/requests/" + id).then().statusCode(200).body("contact.phone", equalTo(e164));

        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        String answer = as(at.agentToken()).body(Map.of("text", "Rendez-vous lundi au centre d'état civil."))
                .post("/api/v1/requests/" + id + "/answers").then().statusCode(201).extract().path("id");
        as(at.osepToken()).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/requests/" + id + "/answers/" + answer + "/review").then().statusCode(200);
        ci.milie.support.Outboxes.drain(relay);
        assertTrue(sms.sentTo(e164).stream().anyMatch(s -> s.text().contains(code)),
                "the answer notice reaches the caller by SMS");

        anonymous().get("/api/v1/tracking/" + code).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("id", nullValue())
                .body("answers", nullValue())
                .body("timeline.message", everyItem(nullValue()));
    }

    @Test
    void receiptIsInTheCitizensLanguage() {
        Setting at = Setting.create(true);
        String email = uniqueEmail("john");
        Map<String, Object> body = Requests.complaint(at.categoryCode(), email);
        body.put("contact", Map.of("fullName", "John Doe", "email", email, "preferredLanguage", "en"));
        String code = Requests.submitAnonymously(body).getString("trackingCode");
        Mail mail = lastMailTo(email);
        assertTrue(mail.getText().contains(code));
        assertFalse(mail.getSubject().contains("Votre"), "an English subject: " + mail.getSubject());
    }

    @Test
    void trackingCodeIsReadTheWayPeopleTypeIt() {
        Setting at = Setting.create(true);
        String code = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("t"))).getString("trackingCode");
        anonymous().get("/api/v1/tracking/" + code.toLowerCase()).then().statusCode(200)
                .body("trackingCode", equalTo(code))
                .body("timeline[0].type", equalTo("SUBMITTED"))
                .body("submittedAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"));
    }
}
