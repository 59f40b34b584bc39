package ci.milie.support;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints real signed access tokens with the test key pair, for tests that need a role without
 * going through a sign-in. Tests of the sign-in itself use the HTTP endpoints.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String of(String role) {
        return sign(builder(role, UUID.randomUUID(), null));
    }

    public static String agent(UUID administrationId) {
        return sign(builder("agent", UUID.randomUUID(), administrationId));
    }

    /** Signed as the application signs: with the configured key, naming it in the kid header when it has an id. */
    public static String sign(JwtClaimsBuilder claims) {
        return ConfigProvider.getConfig().getOptionalValue("smallrye.jwt.sign.key.id", String.class)
                .map(kid -> claims.jws().keyId(kid).sign()).orElseGet(claims::sign);
    }

    public static JwtClaimsBuilder builder(String role, UUID subject, UUID administrationId) {
        JwtClaimsBuilder builder = Jwt.subject(subject.toString())
                .upn(role + "-" + subject + "@milie.test")
                .groups(role)
                .audience("milie-api")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(900));
        if (administrationId != null) {
            builder.claim("administration_id", administrationId.toString());
        }
        return builder;
    }
}
