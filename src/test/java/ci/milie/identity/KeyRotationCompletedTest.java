package ci.milie.identity;

import static ci.milie.identity.KeyRotationTest.signedWith;
import static ci.milie.support.Api.as;
import static ci.milie.support.Problems.assertProblem;

import org.junit.jupiter.api.Test;

import ci.milie.support.PreviousKeyRemovedProfile;
import ci.milie.support.SigningKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Once the previous key has left the set, what it signed is refused; the current key's tokens still pass. */
@QuarkusTest
@TestProfile(PreviousKeyRemovedProfile.class)
class KeyRotationCompletedTest {

    @Test
    void aTokenSignedWithThePreviousKeyIs401() {
        assertProblem(as(signedWith(SigningKeys.PREVIOUS, SigningKeys.PREVIOUS)).get("/api/v1/staff").then(), 401,
                "UNAUTHENTICATED");
    }

    @Test
    void aTokenSignedWithTheCurrentKeyIsAccepted() {
        as(signedWith(SigningKeys.CURRENT, SigningKeys.CURRENT)).get("/api/v1/staff").then().statusCode(200);
    }
}
