package ci.milie.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ci.milie.support.SigningKeys;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.build.Jwt;

/**
 * An instance switched to a signing key its verification set does not hold would refuse every
 * token it issues: it does not start. Plain JUnit, with SmallRye's own parser over the test key sets.
 */
class SigningKeyProbeTest {

    private static final String ISSUER = "https://api.milie.ci";

    /** Signs as an instance configured with the current key and its kid does. */
    private static TokenIssuer signingWithTheCurrentKey() {
        return new TokenIssuer(null, Clock.systemUTC(), null, Optional.of(SigningKeys.CURRENT)) {
            @Override
            String probe() {
                return Jwt.claims().subject("signing-key-probe").issuer(ISSUER).expiresIn(60).jws().keyId(SigningKeys.CURRENT)
                        .sign(SigningKeys.privateKey(SigningKeys.CURRENT));
            }
        };
    }

    private static DefaultJWTParser verifyingWith(String... kids) {
        String keySet = SigningKeys.config(kids).get("mp.jwt.verify.publickey.location");
        return new DefaultJWTParser(new JWTAuthContextInfo(keySet, ISSUER));
    }

    @Test
    void anInstanceWhoseSetLacksItsSigningKeyRefusesToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SigningKeyProbe().onStart(null, signingWithTheCurrentKey(), verifyingWith(SigningKeys.PREVIOUS)));
        assertTrue(refused.getMessage().contains("'" + SigningKeys.CURRENT + "'"), refused.getMessage());
    }

    @Test
    void anInstanceWhoseSetHoldsItsSigningKeyStarts() {
        assertDoesNotThrow(() -> new SigningKeyProbe().onStart(null, signingWithTheCurrentKey(),
                verifyingWith(SigningKeys.CURRENT, SigningKeys.PREVIOUS)));
    }
}
