package ci.milie.privacy;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Codes;
import ci.milie.support.SmallPoolProfile;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A flood of wrong privacy codes holds the main pool one connection per call: the code is checked
 * (and a wrong try counted) before the act's transaction opens, so every caller gets its answer
 * (403), none a 503 for want of a connection, and every wrong try counts.
 */
@QuarkusTest
@TestProfile(SmallPoolProfile.class)
class PrivacyConfirmConnectionsTest {

    @Inject
    MockMailbox mailbox;
    @Inject
    OutboxRelay relay;

    @Test
    void moreWrongCodesAtOnceThanThePoolHasConnectionsAreAllRefusedAndAllCounted() throws Exception {
        String email = uniqueEmail("flood");
        String token = Codes.signInCitizen(mailbox, relay, email);
        as(token).body(Map.of()).post("/api/v1/me/privacy/code").then().statusCode(202);
        String code = Codes.privacyCodeMailedTo(mailbox, relay, email);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String act = i % 2 == 0 ? "/api/v1/me/privacy/erasure" : "/api/v1/me/privacy/export";
                Callable<Response> confirm = () -> as(token).body(Map.of("code", wrong)).post(act);
                answers.add(pool.submit(confirm));
            }
            List<Integer> statuses = new ArrayList<>();
            int wrongCodes = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 403 && "OTP_INVALID".equals(response.path("code"))) {
                    wrongCodes++;
                }
            }
            assertEquals(Collections.nCopies(48, 403), statuses);
            // max-attempts is 5: four wrong tries are told so, the fifth and the rest that the code is spent
            assertEquals(4, wrongCodes);
        } finally {
            pool.shutdownNow();
        }

        assertProblem(as(token).body(Map.of("code", code)).post("/api/v1/me/privacy/erasure").then(), 403,
                "OTP_ATTEMPTS_EXCEEDED");
    }
}
