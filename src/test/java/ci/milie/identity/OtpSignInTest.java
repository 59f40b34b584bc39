package ci.milie.identity;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.RecordingSmsSender;
import ci.milie.support.TestClock;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class OtpSignInTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    MockMailbox mailbox;

    @Inject
    RecordingSmsSender sms;

    @Inject
    TestClock clock;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static ValidatableResponse requestCode(Map<String, String> destination) {
        return anonymous().body(destination).post("/api/v1/auth/otp").then();
    }

    private static ValidatableResponse verify(String field, String value, String code) {
        return anonymous().body(Map.of(field, value, "code", code)).post("/api/v1/auth/otp/verify").then();
    }

    /** Codes leave through the outbox: deliver what is queued, as the relay does every few seconds. */
    private String lastCodeMailedTo(String email) {
        ci.milie.support.Outboxes.drain(relay);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertTrue(!mails.isEmpty(), "a code was mailed");
        Mail last = mails.get(mails.size() - 1);
        assertEquals("Votre code de connexion Miliê", last.getSubject());
        Matcher matcher = CODE.matcher(last.getText());
        assertTrue(matcher.find(), "the mail holds a 6-digit code");
        return matcher.group(1);
    }

    @Test
    void citizenSignsInWithACodeSentByEmail() {
        String email = uniqueEmail("awa");
        requestCode(Map.of("email", email)).statusCode(202).body("expiresIn", equalTo(600));
        String code = lastCodeMailedTo(email);

        String token = verify("email", email, code).statusCode(200)
                .body("accessToken", notNullValue()).body("refreshToken", notNullValue())
                .extract().path("accessToken");

        as(token).get("/api/v1/me").then().statusCode(200)
                .body("kind", equalTo("CITIZEN"))
                .body("email", equalTo(email))
                .body("roles", equalTo(List.of("citizen")))
                .body("administrationId", nullValue());
    }

    private Mail lastMailTo(String email) {
        ci.milie.support.Outboxes.drain(relay);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertTrue(!mails.isEmpty(), "a code was mailed");
        return mails.get(mails.size() - 1);
    }

    @Test
    void theCodeIsSentInTheLanguageAskedForAndTheAnswerSpeaksItToo() {
        String email = uniqueEmail("language");
        anonymous().header("Accept-Language", "fr").body(Map.of("email", email, "language", "en"))
                .post("/api/v1/auth/otp").then().statusCode(202)
                .header("Content-Language", "en")
                .body("message", equalTo("If this address can receive messages, a code is on its way"));
        assertEquals("Your Miliê sign-in code", lastMailTo(email).getSubject());
    }

    @Test
    void withoutALanguageANewContactGetsTheAcceptLanguageAndFrenchOtherwise() {
        String english = uniqueEmail("accept-en");
        anonymous().header("Accept-Language", "de, en;q=0.7").body(Map.of("email", english)).post("/api/v1/auth/otp")
                .then().statusCode(202).header("Content-Language", "en");
        assertEquals("Your Miliê sign-in code", lastMailTo(english).getSubject());

        String french = uniqueEmail("accept-none");
        requestCode(Map.of("email", french)).statusCode(202).header("Content-Language", "fr")
                .body("message", equalTo("Si cette adresse peut recevoir des messages, un code est en route"));
        assertEquals("Votre code de connexion Miliê", lastMailTo(french).getSubject());
    }

    @Test
    void withoutALanguageAnAccountGetsItsPreferredOneWhateverTheBrowserSays() {
        String email = uniqueEmail("account-fr");
        requestCode(Map.of("email", email)).statusCode(202);
        verify("email", email, lastCodeMailedTo(email)).statusCode(200);

        // the account prefers French (the default); the answer still follows Accept-Language, revealing nothing
        anonymous().header("Accept-Language", "en").body(Map.of("email", email)).post("/api/v1/auth/otp")
                .then().statusCode(202).header("Content-Language", "en");
        assertEquals("Votre code de connexion Miliê", lastMailTo(email).getSubject());
    }

    @Test
    void aLanguageOtherThanFrenchOrEnglishIsRefused() {
        assertProblem(requestCode(Map.of("email", uniqueEmail("de"), "language", "de")), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("language"));
    }

    @Test
    void secondSignInFindsTheSameCitizen() {
        String email = uniqueEmail("koffi");
        requestCode(Map.of("email", email)).statusCode(202);
        String first = verify("email", email, lastCodeMailedTo(email)).extract().path("accessToken");
        requestCode(Map.of("email", email)).statusCode(202);
        String second = verify("email", email, lastCodeMailedTo(email)).extract().path("accessToken");

        String firstId = as(first).get("/api/v1/me").then().extract().path("id");
        as(second).get("/api/v1/me").then().statusCode(200).body("id", equalTo(firstId));
    }

    @Test
    void citizenSignsInWithACodeSentBySmsToANormalisedNumber() {
        String local = "07 " + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        String e164 = "+225" + local.replace(" ", "");
        requestCode(Map.of("phone", local)).statusCode(202);
        ci.milie.support.Outboxes.drain(relay);

        List<RecordingSmsSender.Sms> texts = sms.sentTo(e164);
        assertEquals(1, texts.size());
        Matcher matcher = CODE.matcher(texts.get(0).text());
        assertTrue(matcher.find());

        String token = verify("phone", "+225 " + local, matcher.group(1)).statusCode(200).extract().path("accessToken");
        as(token).get("/api/v1/me").then().statusCode(200).body("phone", equalTo(e164)).body("kind", equalTo("CITIZEN"));
    }

    @Test
    void wrongCodeGets401() {
        String email = uniqueEmail("wrong");
        requestCode(Map.of("email", email)).statusCode(202);
        String code = lastCodeMailedTo(email);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertProblem(verify("email", email, wrong), 401, "OTP_INVALID");
        verify("email", email, code).statusCode(200);
    }

    @Test
    void codeIsSpentAfterFiveWrongAttempts() {
        String email = uniqueEmail("attempts");
        requestCode(Map.of("email", email)).statusCode(202);
        String code = lastCodeMailedTo(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertProblem(verify("email", email, wrong), 401, "OTP_INVALID");
        }
        assertProblem(verify("email", email, wrong), 401, "OTP_ATTEMPTS_EXCEEDED");

        assertProblem(verify("email", email, code), 401, "OTP_ATTEMPTS_EXCEEDED");
    }

    @Test
    void codeExpiresAfterTenMinutes() {
        String email = uniqueEmail("late");
        requestCode(Map.of("email", email)).statusCode(202);
        String code = lastCodeMailedTo(email);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertProblem(verify("email", email, code), 401, "OTP_EXPIRED");
    }

    @Test
    void aNewCodeReplacesThePreviousOne() {
        String email = uniqueEmail("twice");
        requestCode(Map.of("email", email)).statusCode(202);
        String first = lastCodeMailedTo(email);
        requestCode(Map.of("email", email)).statusCode(202);
        String second = lastCodeMailedTo(email);

        if (!first.equals(second)) {
            assertProblem(verify("email", email, first), 401, "OTP_INVALID");
        }
        verify("email", email, second).statusCode(200);
    }

    @Test
    void codeForAnAddressThatNeverAskedIsRefusedLikeAWrongCode() {
        assertProblem(verify("email", uniqueEmail("never"), "123456"), 401, "OTP_INVALID");
    }

    @Test
    void requestsBeyondTheHourlyQuotaAreRefusedAndSendNothing() {
        String email = uniqueEmail("flood");
        for (int i = 0; i < 5; i++) {
            requestCode(Map.of("email", email)).statusCode(202);
        }
        for (int i = 0; i < 2; i++) {
            assertProblem(requestCode(Map.of("email", email)), 429, "RATE_LIMITED").header("Retry-After", notNullValue());
        }
        ci.milie.support.Outboxes.drain(relay);
        assertEquals(5, mailbox.getMailsSentTo(email).size());

        clock.advance(Duration.ofHours(1));
        requestCode(Map.of("email", email)).statusCode(202);
    }

    @Test
    void theQuotaHoldsUnderThirtyConcurrentRequests() throws Exception {
        String email = uniqueEmail("race");
        List<Integer> statuses = parallel(30, () -> requestCode(Map.of("email", email)).extract().statusCode());

        assertEquals(5, statuses.stream().filter(s -> s == 202).count());
        assertEquals(25, statuses.stream().filter(s -> s == 429).count());
        assertEquals(5L, queuedFor(email));
    }

    @Test
    void theQuotaAnswersAlikeForAnAddressWithAnAccountAndOneWithout() {
        String citizen = uniqueEmail("citizen");
        requestCode(Map.of("email", citizen)).statusCode(202);
        verify("email", citizen, lastCodeMailedTo(citizen)).statusCode(200);
        String stranger = uniqueEmail("stranger");
        for (int i = 0; i < 5; i++) {
            requestCode(Map.of("email", citizen));
            requestCode(Map.of("email", stranger));
        }

        String forCitizen = assertProblem(requestCode(Map.of("email", citizen)), 429, "RATE_LIMITED").extract().asString();
        String forStranger = assertProblem(requestCode(Map.of("email", stranger)), 429, "RATE_LIMITED").extract().asString();

        assertEquals(forCitizen.replaceAll("\"requestId\":\"[^\"]*\"", ""), forStranger.replaceAll("\"requestId\":\"[^\"]*\"", ""));
    }

    private long queuedFor(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_message where recipient = ?1").setParameter(1, email).getSingleResult()).longValue());
    }

    private static <T> List<T> parallel(int calls, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emailAndPhoneTogetherAreRefused() {
        assertProblem(requestCode(Map.of("email", uniqueEmail("both"), "phone", "+2250701020304")), 400, "VALIDATION_FAILED")
                .body("violations.field", hasItem("phone"));
    }

    @Test
    void neitherEmailNorPhoneIsRefused() {
        assertProblem(requestCode(Map.of()), 400, "VALIDATION_FAILED").body("violations.field", hasItem("email"));
    }

    @Test
    void malformedPhoneIsRefused() {
        assertProblem(requestCode(Map.of("phone", "12345")), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("phone"));
    }

    @Test
    void codeMustBeSixDigits() {
        assertProblem(verify("email", uniqueEmail("short"), "12ab"), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("code"));
    }
}
