package ci.milie.identity;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.createStaff;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.RetryAfter;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
class AuthResourceTest {

    static final String PASSWORD = "Correct-Horse-42!";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static io.restassured.response.ValidatableResponse login(String email, String password) {
        return anonymous().body(Map.of("email", email, "password", password)).post("/api/v1/auth/login").then();
    }

    @Test
    void staffSignsInAndReadsTheirProfile() {
        String email = uniqueEmail("osep");
        String id = createStaff(email, "osep", null, PASSWORD);

        JsonPath tokens = login(email.toUpperCase(), PASSWORD).statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("refreshToken", notNullValue())
                .extract().jsonPath();

        as(tokens.getString("accessToken")).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(id))
                .body("kind", equalTo("STAFF"))
                .body("email", equalTo(email))
                .body("roles", equalTo(java.util.List.of("osep")));
    }

    @Test
    void bootstrapSysadminFromConfigurationCanSignIn() {
        String token = login("bootstrap@milie.test", "Bootstrap-Test-2026!").statusCode(200).extract().path("accessToken");
        as(token).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(java.util.List.of("sysadmin")));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail("supervisor");
        createStaff(email, "supervisor", null, PASSWORD);

        String wrongPassword = assertProblem(login(email, "Not-The-Password-1"), 401, "INVALID_CREDENTIALS")
                .extract().path("detail");
        String unknownEmail = assertProblem(login(uniqueEmail("nobody"), PASSWORD), 401, "INVALID_CREDENTIALS")
                .extract().path("detail");

        assertEquals(wrongPassword, unknownEmail);
    }

    @Test
    void repeatedFailuresMakeTheNextAttemptWaitAndTheOwnerGetsInOnceTheShortWaitIsOver() {
        String email = uniqueEmail("operator");
        createStaff(email, "operator", null, PASSWORD);
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertProblem(login(email, "Wrong-Password-" + i), 401, "INVALID_CREDENTIALS");
        }

        assertProblem(login(email, PASSWORD), 429, "RATE_LIMITED")
                .header("Retry-After", RetryAfter.about(Duration.ofSeconds(4)));

        clock.advance(Duration.ofSeconds(4));
        login(email, PASSWORD).statusCode(200).body("accessToken", notNullValue());
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheCap() {
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        for (int i = 0; i < 5; i++) {
            login(email, "Wrong-Password-" + i).statusCode(401);
        }
        // Waits of 1, 2, 4, … s after the 5th, 6th, 7th… failure; 60 s at most.
        for (long expected : new long[] { 2, 4, 8, 16, 32, 60, 60 }) {
            clock.advance(Duration.ofSeconds(61));
            assertProblem(login(email, "Wrong-Password"), 401, "INVALID_CREDENTIALS");
            assertProblem(login(email, PASSWORD), 429, "RATE_LIMITED")
                    .header("Retry-After", RetryAfter.about(Duration.ofSeconds(expected)));
        }
    }

    @Test
    void attemptsDuringTheWaitAreRefusedWithoutCheckingThePasswordAndDoNotExtendIt() {
        String email = uniqueEmail("agent");
        createStaff(email, "osep", null, PASSWORD);
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofSeconds(61));
            login(email, "Wrong-Password-" + i).statusCode(401);
        }
        // The 9th failure asks for a 16-second wait: ten refused attempts leave it as it was.
        for (int i = 0; i < 10; i++) {
            assertProblem(login(email, "Wrong-Password-" + i), 429, "RATE_LIMITED")
                    .header("Retry-After", RetryAfter.about(Duration.ofSeconds(16)));
        }
        clock.advance(Duration.ofSeconds(16));
        login(email, PASSWORD).statusCode(200);
    }

    @Test
    void anUnknownEmailIsDelayedExactlyLikeAKnownOne() {
        String known = uniqueEmail("known");
        createStaff(known, "osep", null, PASSWORD);
        String unknown = uniqueEmail("nobody");
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofMinutes(1));
            login(known, "Wrong-Password-" + i).statusCode(401);
            login(unknown, "Wrong-Password-" + i).statusCode(401);
        }

        String forKnown = assertProblem(login(known, "Wrong"), 429, "RATE_LIMITED")
                .header("Retry-After", RetryAfter.about(Duration.ofSeconds(4))).extract().path("detail");
        String forUnknown = assertProblem(login(unknown, "Wrong"), 429, "RATE_LIMITED")
                .header("Retry-After", RetryAfter.about(Duration.ofSeconds(4))).extract().path("detail");

        assertEquals(forKnown, forUnknown);
    }

    @Test
    void aStrangerCannotKeepTheSysadminOut() {
        String email = uniqueEmail("sysadmin");
        createStaff(email, "sysadmin", null, PASSWORD);
        for (int i = 0; i < 50; i++) {
            login(email, "Wrong-Password-" + i);
        }

        clock.advance(Duration.ofSeconds(61));
        login(email, PASSWORD).statusCode(200).body("accessToken", notNullValue());
    }

    @Test
    void successfulSignInResetsTheFailureCount() {
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        for (int i = 0; i < 4; i++) {
            login(email, "Wrong-Password-" + i).statusCode(401);
        }
        login(email, PASSWORD).statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(email, "Wrong-Password-" + i).statusCode(401);
        }
        login(email, PASSWORD).statusCode(200);
    }

    @Test
    void refreshRotatesTheToken() {
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        String first = login(email, PASSWORD).extract().path("refreshToken");

        JsonPath rotated = anonymous().body(Map.of("refreshToken", first)).post("/api/v1/auth/refresh")
                .then().statusCode(200).body("accessToken", notNullValue()).extract().jsonPath();

        assertNotEquals(first, rotated.getString("refreshToken"));
        as(rotated.getString("accessToken")).get("/api/v1/me").then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        String first = login(email, PASSWORD).extract().path("refreshToken");
        String second = anonymous().body(Map.of("refreshToken", first)).post("/api/v1/auth/refresh")
                .then().statusCode(200).extract().path("refreshToken");

        assertProblem(anonymous().body(Map.of("refreshToken", first)).post("/api/v1/auth/refresh").then(),
                401, "INVALID_REFRESH_TOKEN");

        assertProblem(anonymous().body(Map.of("refreshToken", second)).post("/api/v1/auth/refresh").then(),
                401, "INVALID_REFRESH_TOKEN");
    }

    @Test
    void expiredRefreshTokenIsRefused() {
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        String refresh = login(email, PASSWORD).extract().path("refreshToken");

        clock.advance(Duration.ofDays(31));

        assertProblem(anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then(),
                401, "INVALID_REFRESH_TOKEN");
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        String refresh = login(email, PASSWORD).extract().path("refreshToken");

        anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/logout").then().statusCode(204);

        assertProblem(anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then(),
                401, "INVALID_REFRESH_TOKEN");
    }

    @Test
    void deactivatedStaffCanNoLongerSignInNorRefresh() {
        String email = uniqueEmail("osep");
        String id = createStaff(email, "osep", null, PASSWORD);
        String refresh = login(email, PASSWORD).extract().path("refreshToken");

        as(TestTokens.of("sysadmin")).delete("/api/v1/staff/" + id).then().statusCode(204);

        assertProblem(login(email, PASSWORD), 401, "INVALID_CREDENTIALS");
        assertProblem(anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then(),
                401, "INVALID_REFRESH_TOKEN");
    }

    @Test
    void missingTokenGets401() {
        assertProblem(anonymous().get("/api/v1/me").then(), 401, "UNAUTHENTICATED")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void expiredTokenGets401() {
        String expired = TestTokens.builder("osep", UUID.randomUUID(), null)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign();
        assertProblem(as(expired).get("/api/v1/staff").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void tamperedTokenGets401() {
        String token = TestTokens.of("osep");
        String[] parts = token.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"osep\"", "\"sysadmin\"")
                        .getBytes());
        String tampered = parts[0] + "." + forgedClaims + "." + parts[2];

        assertProblem(as(tampered).get("/api/v1/staff").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void tokenFromAnotherIssuerGets401() {
        String foreign = TestTokens.builder("sysadmin", UUID.randomUUID(), null).issuer("https://evil.example").sign();
        assertProblem(as(foreign).get("/api/v1/staff").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void tokenForAnotherAudienceGets401() {
        String foreign = Jwt.subject(UUID.randomUUID().toString()).groups("sysadmin").audience("another-api")
                .expiresAt(Instant.now().plusSeconds(600)).sign();
        assertProblem(as(foreign).get("/api/v1/staff").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void wrongRoleGets403() {
        assertProblem(as(TestTokens.of("osep")).get("/api/v1/staff").then(), 403, "FORBIDDEN");
        assertProblem(as(TestTokens.of("citizen")).get("/api/v1/staff").then(), 403, "FORBIDDEN");
    }

    @Test
    void accessTokenCarriesRoleAndNoAdministrationForNonAgents() {
        String email = uniqueEmail("supervisor");
        createStaff(email, "supervisor", null, PASSWORD);
        String token = login(email, PASSWORD).extract().path("accessToken");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));

        JsonPath jwt = JsonPath.from(claims);
        assertEquals("https://api.milie.ci", jwt.getString("iss"));
        assertEquals(java.util.List.of("supervisor"), jwt.getList("groups"));
        assertEquals(email, jwt.getString("upn"));
        assertEquals(null, jwt.getString("administration_id"));
        assertEquals(900L, jwt.getLong("exp") - jwt.getLong("iat"));
    }

    @Test
    void loginValidatesItsInput() {
        assertProblem(anonymous().body(Map.of("email", "not-an-email", "password", "")).post("/api/v1/auth/login").then(),
                400, "VALIDATION_FAILED")
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("password"))
                .body("violations.field", not(hasItem("command")));
    }
}
