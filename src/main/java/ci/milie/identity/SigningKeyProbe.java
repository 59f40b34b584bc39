package ci.milie.identity;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * An instance whose verification keys refuse the tokens it signs would sign everyone out as it
 * comes up: during a key rotation, a signing key switched before its public key joined the set, or
 * a key id the set does not hold. It refuses to start instead (after {@link SigningKeysCheck}, whose
 * message about missing keys comes first).
 */
@ApplicationScoped
class SigningKeyProbe {

    void onStart(@Observes @Priority(3000) StartupEvent event, TokenIssuer issuer, JWTParser parser) {
        try {
            parser.parse(issuer.probe());
        } catch (ParseException e) {
            throw new IllegalStateException("the verification keys (MP_JWT_VERIFY_PUBLICKEY_LOCATION) refuse the tokens "
                    + "signed with the signing key" + issuer.signingKeyId().map(kid -> " '" + kid + "'").orElse("")
                    + ": add its public key to the set, with that kid, before signing with it", e);
        }
    }
}
