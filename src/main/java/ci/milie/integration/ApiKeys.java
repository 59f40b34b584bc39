package ci.milie.integration;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ClientAddress;
import ci.milie.common.Limit;
import ci.milie.common.RateLimiter;
import ci.milie.common.Roles;

/**
 * Open311's {@code api_key}: the secret of an integration client, which names its client. The
 * caller it stands for is the one the client's access token would be (see {@link ClientRoles}), with
 * every permission of the client, under the same checks: an active client, one of its addresses, its
 * rate limit. Wrong keys are counted per address, like the token endpoint's attempts.
 */
@ApplicationScoped
public class ApiKeys {

    /** Who holds a valid key: the caller it acts as, and what its client may do. */
    public record KeyHolder(Caller caller, boolean maySubmit, boolean mayRead) {
    }

    private final EntityManager em;
    private final IntegrationClientRepository clients;
    private final RateLimiter limiter;
    private final ClientAddress addresses;
    private final Clock clock;

    ApiKeys(EntityManager em, IntegrationClientRepository clients, RateLimiter limiter, ClientAddress addresses, Clock clock) {
        this.em = em;
        this.clients = clients;
        this.limiter = limiter;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** The holder of this key; empty when the key is unknown, expired, of an inactive client or used from another address. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KeyHolder> holderOf(String apiKey) {
        limiter.beforeAttempt(Limit.CLIENT_TOKEN_PER_ADDRESS, limiter.client());
        Optional<IntegrationClient> client = apiKey == null || apiKey.isBlank() ? Optional.empty() : clientOf(apiKey.strip());
        if (client.isEmpty() || !client.get().active()
                || !ClientCredentials.fromAllowedAddress(client.get(), addresses.currentAddress())) {
            limiter.failed(Limit.CLIENT_TOKEN_PER_ADDRESS, limiter.client());
            return Optional.empty();
        }
        IntegrationClient found = client.get();
        limiter.hit(Limit.INTEGRATION_PER_CLIENT, found.id().toString());
        Set<Permission> permissions = found.permissions();
        Set<String> scopes = new HashSet<>();
        permissions.forEach(permission -> scopes.add(permission.scope()));
        Set<String> roles = new HashSet<>(Set.of(Roles.INTEGRATION));
        ClientRoles.readsAs(scopes, found.administrationId() != null).ifPresent(roles::add);
        Caller caller = Caller.of(roles, found.id(), found.administrationId(), scopes);
        return Optional.of(new KeyHolder(caller, permissions.contains(Permission.SUBMIT),
                permissions.contains(Permission.REQUESTS_READ)));
    }

    private Optional<IntegrationClient> clientOf(String apiKey) {
        // The secret's hash is unique (V29): one indexed lookup, and a hash compared, never the secret.
        var ids = em.createNativeQuery("""
                select s.client_id from integration_client_secret s
                where s.secret_hash = ?1 and (s.valid_until is null or s.valid_until > ?2)""")
                .setParameter(1, ClientSecrets.hash(apiKey)).setParameter(2, clock.instant()).getResultList();
        return ids.stream().findFirst().flatMap(id -> clients.findByIdOptional((java.util.UUID) id));
    }
}
