package ci.milie.request;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Codes;
import ci.milie.support.RecordingSmsSender;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestTokens;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** A signed-in citizen takes a request they filed without an account into their account. */
@QuarkusTest
class ClaimTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    RecordingSmsSender sms;

    @Inject
    OutboxRelay relay;

    private static ValidatableResponse claim(String token, String trackingCode, String accessKey) {
        return as(token).body(Map.of("trackingCode", trackingCode, "accessKey", accessKey))
                .post("/api/v1/me/requests/claims").then();
    }

    @Test
    void aCitizenClaimsARequestFiledWithTheirProvenEmailAndActsOnItWithTheirToken() {
        Setting at = Setting.create(false);
        String email = uniqueEmail("claimer");
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), email));
        String id = receipt.getString("id");
        String token = Codes.signInCitizen(mailbox, relay, email);
        as(token).get("/api/v1/me/requests").then().statusCode(200).body("items.id", not(hasItem(id)));

        String etag = claim(token, receipt.getString("trackingCode").toLowerCase(), receipt.getString("accessKey"))
                .statusCode(200)
                .header("Location", endsWith("/api/v1/requests/" + id))
                .body("id", equalTo(id)).body("status", equalTo("RECEIVED"))
                .body("contact.email", equalTo(email))
                .extract().header("ETag");
        as(token).get("/api/v1/requests/" + id).then().statusCode(200).header("ETag", equalTo(etag));
        as(token).get("/api/v1/me/requests").then().statusCode(200).body("items.id", hasItem(id));

        // a second claim changes nothing and says so the same way
        claim(token, receipt.getString("trackingCode"), receipt.getString("accessKey")).statusCode(200)
                .body("id", equalTo(id)).header("ETag", equalTo(etag));
        // the bearer token now acts on it: an attachment-free move the owner may take
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing")
                .then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "Quelle est la date de la demande ?"))
                .post("/api/v1/requests/" + id + "/messages").then().statusCode(200);
        as(token).body(Map.of("text", "Le 3 mars.")).post("/api/v1/requests/" + id + "/messages").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        // staff read what happened: one internal CLAIMED event, by a citizen
        as(at.osepToken()).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'CLAIMED' }.size()", equalTo(1))
                .body("items.find { it.type == 'CLAIMED' }.visibility", equalTo("INTERNAL"))
                .body("items.find { it.type == 'CLAIMED' }.actorRole", equalTo("citizen"));
        as(token).get("/api/v1/requests/" + id + "/events").then().statusCode(200)
                .body("items.type", not(hasItem("CLAIMED")));
    }

    @Test
    void aWrongKeyOrCodeAnswersLikeTrackingWithAWrongKey() {
        Setting at = Setting.create(false);
        String email = uniqueEmail("guess");
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), email));
        String token = Codes.signInCitizen(mailbox, relay, email);
        String wrongKey = assertProblem(claim(token, receipt.getString("trackingCode"), "not-the-key"), 404, "NOT_FOUND")
                .extract().asString();
        String tracking = assertProblem(anonymous().header("X-Access-Key", "not-the-key")
                .get("/api/v1/tracking/" + receipt.getString("trackingCode")).then(), 404, "NOT_FOUND").extract().asString();
        assertEquals(withoutRequestId(tracking), withoutRequestId(wrongKey).replace("/api/v1/me/requests/claims",
                "/api/v1/tracking/" + receipt.getString("trackingCode")));
        assertProblem(claim(token, "MIL-0000-0000", receipt.getString("accessKey")), 404, "NOT_FOUND");
        as(token).get("/api/v1/me/requests").then().statusCode(200).body("items.id", not(hasItem(receipt.getString("id"))));
    }

    private static String withoutRequestId(String problem) {
        return problem.replaceAll("\"requestId\":\"[^\"]*\",?", "").replaceAll("\"instance\":\"[^\"]*\",?", "");
    }

    @Test
    void onlyAContactACodeProvedClaims() {
        Setting at = Setting.create(false);
        String phone = Codes.uniquePhone();
        Map<String, Object> body = Requests.complaint(at.categoryCode(), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = new HashMap<>((Map<String, Object>) body.get("contact"));
        contact.remove("email");
        contact.put("phone", phone);
        body.put("contact", contact);
        JsonPath receipt = Requests.submitAnonymously(body);

        // an account that typed that phone on its profile proved nothing
        String typist = Codes.signInCitizen(mailbox, relay, uniqueEmail("typist"));
        as(typist).body(Map.of("phone", phone, "preferredLanguage", "fr")).put("/api/v1/me").then().statusCode(200);
        assertProblem(claim(typist, receipt.getString("trackingCode"), receipt.getString("accessKey")), 403,
                "CLAIM_CONTACT_MISMATCH");
        // whoever receives the codes on that phone claims it
        String owner = Codes.signInCitizenByPhone(sms, relay, phone);
        claim(owner, receipt.getString("trackingCode"), receipt.getString("accessKey")).statusCode(200)
                .body("contact.phone", equalTo(phone));
        // and then it is taken
        String stranger = Codes.signInCitizen(mailbox, relay, uniqueEmail("stranger"));
        assertProblem(claim(stranger, receipt.getString("trackingCode"), receipt.getString("accessKey")), 409,
                "REQUEST_ALREADY_CLAIMED");
        assertProblem(claim(TestTokens.of("osep"), receipt.getString("trackingCode"), receipt.getString("accessKey")), 403,
                "FORBIDDEN");
    }

    @Test
    void aRequestWhosePersonalDataWereErasedIsNotClaimed() {
        Setting at = Setting.create(false);
        String email = uniqueEmail("erased");
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), email));
        anonymous().header("X-Access-Key", receipt.getString("accessKey"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/privacy/erasure").then().statusCode(200);
        String token = Codes.signInCitizen(mailbox, relay, email);
        assertProblem(claim(token, receipt.getString("trackingCode"), receipt.getString("accessKey")), 409,
                "PERSONAL_DATA_ERASED");
    }
}
