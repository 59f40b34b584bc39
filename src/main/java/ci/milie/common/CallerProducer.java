package ci.milie.common;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current HTTP request, read once from its verified token. */
@ApplicationScoped
class CallerProducer {

    @Produces
    @RequestScoped
    Caller caller(SecurityIdentity identity, JsonWebToken jwt) {
        if (identity.isAnonymous()) {
            return Caller.anonymous();
        }
        // "system" is Miliê's own jobs: no token can claim it.
        Set<String> roles = new HashSet<>(identity.getRoles());
        roles.remove(Caller.SYSTEM);
        return Caller.of(roles, uuid(jwt.getSubject()), uuid(claim(jwt.getClaim("administration_id"))), scopes(jwt));
    }

    /** The space-separated claim {@code scope} of an integration client's token. */
    private static Set<String> scopes(JsonWebToken jwt) {
        String scope = claim(jwt.getClaim("scope"));
        return scope == null || scope.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scope.trim().split(" +")));
    }

    private static String claim(Object value) {
        return value == null ? null : value.toString().replace("\"", "");
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
