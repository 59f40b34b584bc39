package ci.milie.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/** Production never runs on generated keys: tokens must survive restarts and be shared by every instance. */
@ApplicationScoped
@IfBuildProfile("prod")
class SigningKeysCheck {

    void onStart(@Observes StartupEvent event, Config config) {
        boolean verify = present(config, "mp.jwt.verify.publickey.location") || present(config, "mp.jwt.verify.publickey");
        boolean sign = present(config, "smallrye.jwt.sign.key.location") || present(config, "smallrye.jwt.sign.key");
        if (!verify || !sign) {
            throw new IllegalStateException("JWT keys are not configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (public key, PEM, "
                    + "or a JWK set during a rotation) and SMALLRYE_JWT_SIGN_KEY_LOCATION (private key, PEM or JWK)");
        }
    }

    private static boolean present(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).isPresent();
    }
}
