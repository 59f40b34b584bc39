package ci.milie.privacy;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import ci.milie.common.Roles;
import ci.milie.notification.OutboxRelay;
import ci.milie.support.Codes;
import ci.milie.support.TestTokens;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PrivacyCodesTest {

    @Inject
    MockMailbox mailbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;

    @Test
    void aCitizenGetsAConfirmationCodeOnTheirAccountsEmailThatCannotSignAnyoneIn() {
        String email = uniqueEmail("awa");
        String token = Codes.signInCitizen(mailbox, relay, email);

        as(token).body(Map.of()).post("/api/v1/me/privacy/code").then().statusCode(202)
                .body("expiresIn", equalTo(600))
                .body("channel", equalTo("EMAIL"))
                .body("sentTo", equalTo(email.charAt(0) + "***" + email.substring(email.indexOf('@'))));
        String code = Codes.privacyCodeMailedTo(mailbox, relay, email);

        assertProblem(anonymous().body(Map.of("email", email, "code", code)).post("/api/v1/auth/otp/verify").then(),
                401, "OTP_INVALID");
    }

    @Test
    void aCitizenWithoutAPhoneCannotAskForTheCodeBySms() {
        String token = Codes.signInCitizen(mailbox, relay, uniqueEmail("koffi"));

        assertProblem(as(token).body(Map.of("channel", "SMS")).post("/api/v1/me/privacy/code").then(), 400, "VALIDATION_FAILED");
    }

    @Test
    void osepSendsACodeToTheContactACallerGaveAndTheActIsAuditedWithTheOfficer() {
        UUID officer = UUID.randomUUID();
        String osep = TestTokens.builder(Roles.OSEP, officer, null).sign();
        String email = uniqueEmail("caller");

        as(osep).body(Map.of("email", email)).post("/api/v1/privacy/codes").then().statusCode(202)
                .body("channel", equalTo("EMAIL"));
        Codes.privacyCodeMailedTo(mailbox, relay, email);

        Object[] act = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select act, requested_via, identity_check from privacy_act where staff_id = ?1")
                .setParameter(1, officer).getSingleResult());
        assertEquals("CODE_SENT", act[0]);
        assertEquals("OSEP", act[1]);
        assertEquals("CODE_READ_BACK", act[2]);
    }

    @Test
    void onlyOsepSendsCodesForCallers() {
        for (String role : new String[] {Roles.AGENT, Roles.OPERATOR, Roles.SUPERVISOR, Roles.SYSADMIN, Roles.CITIZEN}) {
            String token = role.equals(Roles.AGENT) ? TestTokens.agent(UUID.randomUUID()) : TestTokens.of(role);
            assertProblem(as(token).body(Map.of("email", uniqueEmail("x"))).post("/api/v1/privacy/codes").then(), 403, "FORBIDDEN");
        }
        assertProblem(anonymous().body(Map.of("email", uniqueEmail("x"))).post("/api/v1/privacy/codes").then(), 401, "UNAUTHENTICATED");
    }
}
