package ci.milie.integration;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;

import ci.milie.common.ClientAddress;
import ci.milie.common.Limit;
import ci.milie.common.ProblemException;
import ci.milie.common.RateLimiter;
import ci.milie.common.Secrets;
import ci.milie.identity.TokenIssuer;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 §4.4): a client proves its secret, by
 * {@code client_secret_basic} or {@code client_secret_post} (§2.3.1), and gets a short-lived
 * access token carrying its id, administration and scope.
 */
@ApplicationScoped
public class ClientCredentials {

    static final String GRANT_TYPE = "client_credentials";

    private final IntegrationClientRepository clients;
    private final ClientSecretRepository secrets;
    private final TokenIssuer issuer;
    private final RateLimiter limiter;
    private final ClientAddress addresses;
    private final ClientsConfig config;
    private final Clock clock;

    ClientCredentials(IntegrationClientRepository clients, ClientSecretRepository secrets, TokenIssuer issuer,
            RateLimiter limiter, ClientAddress addresses, ClientsConfig config, Clock clock) {
        this.clients = clients;
        this.secrets = secrets;
        this.issuer = issuer;
        this.limiter = limiter;
        this.addresses = addresses;
        this.config = config;
        this.clock = clock;
    }

    /** {@code authorization}: the Authorization header, if any; {@code form}: the form-encoded body. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TokenGrant grant(String authorization, MultivaluedMap<String, String> form) {
        try {
            limiter.hit(Limit.CLIENT_TOKEN_PER_ADDRESS, limiter.client());
        } catch (ProblemException e) {
            throw TokenRefused.tooMany(Duration.ofSeconds(e.retryAfterSeconds() == null ? 1 : e.retryAfterSeconds()));
        }
        for (var parameter : form.entrySet()) {
            // §3.2: request parameters must not be included more than once.
            if (parameter.getValue().size() > 1) {
                throw TokenRefused.request("invalid_request", "Parameter " + safe(parameter.getKey()) + " is repeated");
            }
        }
        // Another scheme (a Bearer token sent out of habit) is no client authentication: ignored, as on sign-in.
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        Credentials credentials = basic ? basic(authorization, form) : post(form);
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw TokenRefused.request("invalid_request", "grant_type is missing");
        }
        IntegrationClient client = authenticate(credentials, basic);
        if (!GRANT_TYPE.equals(grantType)) {
            throw TokenRefused.request("unsupported_grant_type", "Only client_credentials is supported");
        }
        if (!fromAllowedAddress(client, addresses.currentAddress())) {
            throw TokenRefused.request("unauthorized_client", "This client may not call from this address");
        }
        Set<Permission> granted = scope(client.permissions(), single(form, "scope"));
        Duration ttl = config.tokenTtl();
        String scope = Permission.scopeOf(granted);
        String token = issuer.issueForClient(client.id(), client.administrationId(), client.securityVersion(), scope, ttl);
        return new TokenGrant(token, "Bearer", ttl.toSeconds(), scope);
    }

    /** Whether the address is in one of the client's blocks (any address when it has none). */
    static boolean fromAllowedAddress(IntegrationClient client, Optional<InetAddress> address) {
        List<String> blocks = client.allowedAddresses();
        if (blocks.isEmpty()) {
            return true;
        }
        return address.isPresent()
                && blocks.stream().anyMatch(block -> ClientAddress.Cidr.parse(block).contains(address.get()));
    }

    private IntegrationClient authenticate(Credentials credentials, boolean basic) {
        UUID id = uuid(credentials.id());
        IntegrationClient client = id == null ? null : clients.findByIdOptional(id).orElse(null);
        String hash = ClientSecrets.hash(credentials.secret());
        Instant now = clock.instant();
        boolean proven = false;
        if (client != null) {
            for (ClientSecret secret : secrets.ofClient(client.id())) {
                // Each one compared in constant time, and all of them: timing tells nothing either.
                proven |= secret.validAt(now) & Secrets.sameHash(secret.secretHash(), hash);
            }
        }
        if (client == null || !proven || !client.active()) {
            throw TokenRefused.client(basic);
        }
        return client;
    }

    /** The scopes asked for (all the client's when none is), each of them granted, else invalid_scope. */
    private static Set<Permission> scope(Set<Permission> permissions, String asked) {
        if (asked == null || asked.isBlank()) {
            return permissions;
        }
        Set<Permission> wanted = EnumSet.noneOf(Permission.class);
        for (String token : asked.trim().split(" +")) {
            Permission permission = Permission.ofScope(token).filter(permissions::contains)
                    .orElseThrow(() -> TokenRefused.request("invalid_scope",
                            "The scope asked for exceeds what this client was granted"));
            wanted.add(permission);
        }
        return wanted;
    }

    /** §2.3.1: Basic base64(urlencode(id) ":" urlencode(secret)); the body may not carry a secret as well. */
    private static Credentials basic(String authorization, MultivaluedMap<String, String> form) {
        if (form.containsKey("client_secret")) {
            throw TokenRefused.request("invalid_request", "Use one client authentication method, not two");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TokenRefused.client(true);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw TokenRefused.client(true);
        }
        try {
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            String bodyId = single(form, "client_id");
            if (bodyId != null && !bodyId.equals(id)) {
                throw TokenRefused.request("invalid_request", "client_id differs from the Authorization header's");
            }
            return new Credentials(id, secret);
        } catch (IllegalArgumentException e) {
            throw TokenRefused.client(true);
        }
    }

    private static Credentials post(MultivaluedMap<String, String> form) {
        String id = single(form, "client_id");
        String secret = single(form, "client_secret");
        if (id == null || secret == null) {
            // §5.2: no client authentication included is invalid_client.
            throw TokenRefused.client(false);
        }
        return new Credentials(id, secret);
    }

    /** §3.1: a parameter sent without a value is treated as if it were omitted. */
    private static String single(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String safe(String name) {
        return name.length() > 40 || !name.matches("[A-Za-z0-9_.-]*") ? "(name)" : name;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Credentials(String id, String secret) {
    }
}
