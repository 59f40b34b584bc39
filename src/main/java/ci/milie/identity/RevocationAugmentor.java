package ci.milie.identity;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Part of authentication: a verified token whose session has ended is no identity at all, so
 * every endpoint that looks at the caller (role annotations included) answers 401
 * {@code TOKEN_REVOKED}. Decided from memory; the database is read only when memory cannot tell.
 */
@ApplicationScoped
class RevocationAugmentor implements SecurityIdentityAugmentor {

    static final String SESSION_CLAIM = "sid";
    static final String SECURITY_VERSION_CLAIM = "sv";

    private final Revocations revocations;

    RevocationAugmentor(Revocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        SessionState.TokenFacts facts = facts(token);
        return switch (revocations.verdict(facts)) {
            case VALID -> Uni.createFrom().item(identity);
            case REVOKED -> Uni.createFrom().failure(revoked());
            case ASK_DATABASE -> context.runBlocking(() -> {
                if (revocations.verdictFromDatabase(facts) != SessionState.Verdict.VALID) {
                    throw revoked();
                }
                return identity;
            });
        };
    }

    static SessionState.TokenFacts facts(JsonWebToken token) {
        Set<String> groups = token.getGroups();
        boolean citizen = groups != null && groups.size() == 1 && groups.contains(Roles.CITIZEN);
        return new SessionState.TokenFacts(uuid(token.getSubject()),
                !citizen, uuid(text(token.getClaim(SESSION_CLAIM))), number(token.getClaim(SECURITY_VERSION_CLAIM)));
    }

    /** The reason stays in the server: the client only learns to sign in again. */
    static AuthenticationFailedException revoked() {
        return new AuthenticationFailedException("Session ended", ProblemException.unauthorized("TOKEN_REVOKED",
                "TOKEN_REVOKED.sign-in"));
    }

    private static String text(Object claim) {
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    private static Long number(Object claim) {
        try {
            return claim == null ? null : Long.valueOf(text(claim));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
