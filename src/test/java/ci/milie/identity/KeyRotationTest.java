package ci.milie.identity;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.createStaff;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ci.milie.support.KeyOverlapProfile;
import ci.milie.support.SigningKeys;
import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * During a signing-key rotation's overlap the new key signs and both keys verify: nobody is signed
 * out by the switch. What the set does not hold is refused.
 */
@QuarkusTest
@TestProfile(KeyOverlapProfile.class)
class KeyRotationTest {

    private static final String PASSWORD = "Correct-Horse-42!";

    static String signedWith(String keyFile, String kid) {
        return TestTokens.builder("sysadmin", UUID.randomUUID(), null).jws().keyId(kid).sign(SigningKeys.privateKey(keyFile));
    }

    static String kidOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return new JsonPath(header).getString("kid");
    }

    @Test
    void newTokensCarryTheCurrentKidAndTheirSessionRefreshes() {
        String email = uniqueEmail("rotation");
        createStaff(email, "osep", null, PASSWORD);
        JsonPath tokens = anonymous().body(Map.of("email", email, "password", PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(SigningKeys.CURRENT, kidOf(tokens.getString("accessToken")));
        as(tokens.getString("accessToken")).get("/api/v1/me").then().statusCode(200).body("email", equalTo(email));

        String refreshed = anonymous().body(Map.of("refreshToken", tokens.getString("refreshToken")))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().path("accessToken");
        assertEquals(SigningKeys.CURRENT, kidOf(refreshed));
        as(refreshed).get("/api/v1/me").then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void aTokenSignedWithThePreviousKeyIsStillAccepted() {
        as(signedWith(SigningKeys.PREVIOUS, SigningKeys.PREVIOUS)).get("/api/v1/staff").then().statusCode(200);
    }

    @Test
    void aTokenSignedWithTheCurrentKeyIsAccepted() {
        as(signedWith(SigningKeys.CURRENT, SigningKeys.CURRENT)).get("/api/v1/staff").then().statusCode(200);
    }

    @Test
    void aTokenWithoutKidIsRefusedOnceTheSetHoldsTwoKeys() {
        String withoutKid = TestTokens.builder("sysadmin", UUID.randomUUID(), null).sign(SigningKeys.privateKey(SigningKeys.CURRENT));
        assertProblem(as(withoutKid).get("/api/v1/staff").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void aTokenFromAKeyOutsideTheSetIs401WhateverKidItClaims() {
        assertProblem(as(signedWith(SigningKeys.STRANGER, SigningKeys.STRANGER)).get("/api/v1/staff").then(), 401,
                "UNAUTHENTICATED");
        assertProblem(as(signedWith(SigningKeys.STRANGER, SigningKeys.CURRENT)).get("/api/v1/staff").then(), 401,
                "UNAUTHENTICATED");
        assertProblem(as(signedWith(SigningKeys.PREVIOUS, SigningKeys.CURRENT)).get("/api/v1/staff").then(), 401,
                "UNAUTHENTICATED");
    }
}
