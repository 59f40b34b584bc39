package ci.milie.integration;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import ci.milie.common.ClientAddress;
import ci.milie.common.Limit;
import ci.milie.common.ProblemException;
import ci.milie.common.RateLimiter;
import ci.milie.common.Roles;
import ci.milie.identity.IgnoresBearerToken;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Where an integration client's token may go, before any resource runs: only to the operations
 * its scopes name and to the reads open to anyone (403 elsewhere), only from the client's addresses (403 from any other), and
 * within its own rate limit (429). Within those operations, the rules are the agents' or OSEP's
 * (see {@link ClientRoles}): a request of another administration is not found.
 */
class ClientPolicy {

    private static final String API = "/api/v1";

    private final SecurityIdentity identity;
    private final IntegrationClientRepository clients;
    private final ClientAddress addresses;
    private final RateLimiter limiter;

    ClientPolicy(SecurityIdentity identity, IntegrationClientRepository clients, ClientAddress addresses,
            RateLimiter limiter) {
        this.identity = identity;
        this.clients = clients;
        this.addresses = addresses;
        this.limiter = limiter;
    }

    // After BearerTokenFilter (Priorities.USER), which authenticated the token.
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void judge(ContainerRequestContext request, ResourceInfo resource) {
        // Only a bearer token can be a client's; the operations that ignore tokens (sign-out) stay untouched.
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Class<?> type = resource.getResourceClass();
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || (type != null && type.isAnnotationPresent(IgnoresBearerToken.class))) {
            return;
        }
        if (identity.isAnonymous() || !identity.hasRole(Roles.INTEGRATION)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        // What anyone may read without a token (categories, administrations, reference data, public
        // figures), a client may read with its own: a system filing requests needs the category codes.
        if (!(HttpMethod.GET.equals(request.getMethod()) && openToAnyone(resource))) {
            Optional<Permission> needed = needed(request.getMethod(), path(request.getUriInfo().getPath()));
            if (needed.isEmpty()) {
                throw ProblemException.forbidden("FORBIDDEN.role");
            }
            if (!ClientRoles.scopes(token).contains(needed.get().scope())) {
                throw ProblemException.forbidden("FORBIDDEN.client-scope", needed.get().scope());
            }
        }
        UUID id = UUID.fromString(token.getSubject());
        limiter.hit(Limit.INTEGRATION_PER_CLIENT, id.toString());
        IntegrationClient client = clients.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.forbidden("FORBIDDEN.role"));
        if (!ClientCredentials.fromAllowedAddress(client, addresses.currentAddress())) {
            throw ProblemException.forbidden("FORBIDDEN.client-address");
        }
    }

    /** An operation that admits callers without a token ({@code @PermitAll}, and no role asked on the method). */
    static boolean openToAnyone(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(RolesAllowed.class)) {
            return false;
        }
        return method.isAnnotationPresent(PermitAll.class)
                || (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(PermitAll.class));
    }

    /** The permission an operation needs, by method and path; none: no client may call it. */
    static Optional<Permission> needed(String method, String path) {
        boolean requests = path.equals("/requests") || path.startsWith("/requests/");
        if (requests && HttpMethod.GET.equals(method)) {
            return Optional.of(Permission.REQUESTS_READ);
        }
        if (path.equals("/requests") && HttpMethod.POST.equals(method)) {
            return Optional.of(Permission.SUBMIT);
        }
        if (requests && Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE).contains(method)) {
            return Optional.of(Permission.REQUESTS_ACT);
        }
        if ((path.equals("/stats") || path.startsWith("/stats/")) && HttpMethod.GET.equals(method)) {
            return Optional.of(Permission.STATS_READ);
        }
        // A client's own webhooks carry the events of the requests it may read.
        if (path.equals("/integrations/webhooks") || path.startsWith("/integrations/webhooks/")) {
            return Optional.of(Permission.REQUESTS_READ);
        }
        return Optional.empty();
    }

    private static String path(String raw) {
        String path = raw.startsWith(API + "/") ? raw.substring(API.length()) : raw;
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
