package ci.milie.identity;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Codes;
import ci.milie.support.RecordingSmsSender;
import ci.milie.support.TestTokens;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

/** A citizen edits their own profile; the contact a code proved stays as it is. */
@QuarkusTest
class MeResourceTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    RecordingSmsSender sms;

    @Inject
    OutboxRelay relay;

    private static Map<String, Object> profile(String fullName, String phone, String language) {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", fullName);
        body.put("phone", phone);
        body.put("preferredLanguage", language);
        return body;
    }

    @Test
    void aCitizenReplacesNamePhoneAndLanguageAndTheAddedPhoneIsNotProven() {
        String email = uniqueEmail("profile");
        String token = Codes.signInCitizen(mailbox, relay, email);
        String phone = Codes.uniquePhone();
        String before = as(token).get("/api/v1/me").then().statusCode(200)
                .body("emailVerified", equalTo(true)).body("phoneVerified", equalTo(false)).extract().header("ETag");

        String after = as(token).header("If-Match", before)
                .body(profile("  Awa Traoré ", "07" + phone.substring(6), "en")).put("/api/v1/me").then().statusCode(200)
                .body("fullName", equalTo("Awa Traoré")).body("phone", equalTo(phone)).body("email", equalTo(email))
                .body("preferredLanguage", equalTo("en"))
                .body("emailVerified", equalTo(true)).body("phoneVerified", equalTo(false))
                .extract().header("ETag");
        assertNotEquals(before, after, "the version moved");
        as(token).get("/api/v1/me").then().statusCode(200).body("phone", equalTo(phone)).body("fullName", equalTo("Awa Traoré"));

        // PUT replaces: what is left out becomes null
        as(token).body(Map.of("preferredLanguage", "fr")).put("/api/v1/me").then().statusCode(200)
                .body("fullName", nullValue()).body("phone", nullValue()).body("email", equalTo(email));
    }

    @Test
    void aStaleIfMatchIs409() {
        String token = Codes.signInCitizen(mailbox, relay, uniqueEmail("stale"));
        String etag = as(token).get("/api/v1/me").then().extract().header("ETag");
        as(token).header("If-Match", etag).body(profile("Awa", null, "fr")).put("/api/v1/me").then().statusCode(200);
        assertProblem(as(token).header("If-Match", etag).body(profile("Awa K.", null, "fr")).put("/api/v1/me").then(),
                409, "CONCURRENT_MODIFICATION");
    }

    @Test
    void thePhoneAnAccountSignedUpWithCannotBeChangedOrRemoved() {
        String phone = Codes.uniquePhone();
        String token = Codes.signInCitizenByPhone(sms, relay, phone);
        assertProblem(as(token).body(profile("Awa", Codes.uniquePhone(), "fr")).put("/api/v1/me").then(),
                409, "VERIFIED_CONTACT_UNCHANGEABLE");
        assertProblem(as(token).body(profile("Awa", null, "fr")).put("/api/v1/me").then(),
                409, "VERIFIED_CONTACT_UNCHANGEABLE");
        as(token).body(profile("Awa", phone, "en")).put("/api/v1/me").then().statusCode(200)
                .body("phone", equalTo(phone)).body("phoneVerified", equalTo(true)).body("preferredLanguage", equalTo("en"));
    }

    @Test
    void aPhoneAnotherAccountHasIs409() {
        String phone = Codes.uniquePhone();
        Codes.signInCitizenByPhone(sms, relay, phone);
        String token = Codes.signInCitizen(mailbox, relay, uniqueEmail("taken"));
        assertProblem(as(token).body(profile("Awa", phone, "fr")).put("/api/v1/me").then(), 409, "PHONE_IN_USE");
    }

    @Test
    void whoeverProvesATypedPhoneWithACodeTakesItOver() {
        String phone = Codes.uniquePhone();
        String typist = Codes.signInCitizen(mailbox, relay, uniqueEmail("typist"));
        as(typist).body(profile("Awa", phone, "fr")).put("/api/v1/me").then().statusCode(200).body("phone", equalTo(phone));

        String owner = Codes.signInCitizenByPhone(sms, relay, phone);
        String ownerId = as(owner).get("/api/v1/me").then().statusCode(200)
                .body("phone", equalTo(phone)).body("phoneVerified", equalTo(true)).body("email", nullValue())
                .extract().path("id");
        String typistId = as(typist).get("/api/v1/me").then().statusCode(200).body("phone", nullValue()).extract().path("id");
        assertNotEquals(typistId, ownerId, "the code's receiver has their own account");
    }

    @Test
    void invalidInputIs400() {
        String token = Codes.signInCitizen(mailbox, relay, uniqueEmail("invalid"));
        assertProblem(as(token).body(profile("Awa", "12", "fr")).put("/api/v1/me").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("phone"));
        assertProblem(as(token).body(profile("Awa", null, "de")).put("/api/v1/me").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("preferredLanguage"));
        assertProblem(as(token).body(profile("Awa\nTraoré", null, "fr")).put("/api/v1/me").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("fullName"));
        assertProblem(as(token).body(profile("Awa", null, null)).put("/api/v1/me").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("preferredLanguage"));
    }

    @Test
    void staffEditNoProfileHere() {
        assertProblem(as(TestTokens.of("agent")).body(profile("Agent", null, "fr")).put("/api/v1/me").then(), 403, "FORBIDDEN");
        assertEquals(401, ci.milie.support.Api.anonymous().body(profile("X", null, "fr")).put("/api/v1/me").statusCode());
    }
}
