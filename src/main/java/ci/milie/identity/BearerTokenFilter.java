package ci.milie.identity;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * A request that carries a bearer token is authenticated before its resource runs, public
 * endpoints included: with lazy authentication, a public endpoint would otherwise look at the
 * token only once a service asks who calls, half-way through its work. A token that is invalid,
 * expired or of an ended session is refused with 401 there and then (never treated as anonymous).
 * Sign-in, refresh and logout are left alone ({@link IgnoresBearerToken}).
 */
class BearerTokenFilter {

    private final CurrentIdentityAssociation identities;

    BearerTokenFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        Class<?> type = resource.getResourceClass();
        if (type != null && type.isAnnotationPresent(IgnoresBearerToken.class)) {
            return Uni.createFrom().voidItem();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().replaceWithVoid();
    }
}
