package ci.milie.integration;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ci.milie.common.Roles;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * What an integration client's token stands for, in the roles the rest of Miliê already judges: a
 * client of an administration reads and acts as an agent of that administration, a client of OSEP
 * reads as OSEP. Its role {@code integration} stays (the actor of its moves), and
 * {@link ClientPolicy} lets its token reach only the operations its scopes name.
 */
@ApplicationScoped
class ClientRoles implements SecurityIdentityAugmentor {

    static final String SCOPE_CLAIM = "scope";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.INTEGRATION)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return readsAs(scopes(token), token.getClaim("administration_id") != null)
                .map(role -> Uni.createFrom().item((SecurityIdentity) QuarkusSecurityIdentity.builder(identity).addRole(role).build()))
                .orElseGet(() -> Uni.createFrom().item(identity));
    }

    /**
     * The staff role a client with these scopes reads as: an agent of its administration, or OSEP;
     * none when it only submits.
     */
    static java.util.Optional<String> readsAs(Set<String> scopes, boolean ofAdministration) {
        boolean staffWork = scopes.contains(Permission.REQUESTS_READ.scope())
                || scopes.contains(Permission.REQUESTS_ACT.scope()) || scopes.contains(Permission.STATS_READ.scope());
        return staffWork ? java.util.Optional.of(ofAdministration ? Roles.AGENT : Roles.OSEP) : java.util.Optional.empty();
    }

    static Set<String> scopes(JsonWebToken token) {
        Object claim = token.getClaim(SCOPE_CLAIM);
        Set<String> scopes = new HashSet<>();
        if (claim != null) {
            for (String scope : claim.toString().replace("\"", "").trim().split(" +")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        }
        return scopes;
    }
}
