package ci.milie.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ci.milie.common.Roles;
import ci.milie.common.Secrets;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints access tokens (RS256 JWT) and rotating opaque refresh tokens. Access tokens name their
 * signing key in the {@code kid} header when one is configured ({@code smallrye.jwt.sign.key.id}),
 * so that verification can pick it from a key set holding the current and the previous key. SmallRye
 * stamps that id only when the signing key is a JWK; it is set here so that a PEM key carries it too.
 */
@ApplicationScoped
public class TokenIssuer {

    static final String AUDIENCE = "milie-api";
    static final String ADMINISTRATION_CLAIM = "administration_id";

    private final AuthConfig config;
    private final Clock clock;
    private final RefreshTokenRepository refreshTokens;
    private final Optional<String> signingKeyId;

    TokenIssuer(AuthConfig config, Clock clock, RefreshTokenRepository refreshTokens,
            @ConfigProperty(name = "smallrye.jwt.sign.key.id") Optional<String> signingKeyId) {
        this.config = config;
        this.clock = clock;
        this.refreshTokens = refreshTokens;
        this.signingKeyId = signingKeyId.filter(id -> !id.isBlank());
    }

    /** The id of the key that signs, if configured: the {@code kid} of every token minted here. */
    Optional<String> signingKeyId() {
        return signingKeyId;
    }

    /**
     * Tokens for a staff member; a new sign-in starts a new refresh-token family. The access
     * token names its session (the family) and the account's security version, so that it can be
     * refused once either ends (see {@link Revocations}).
     */
    Tokens issueFor(StaffAccount staff, UUID family) {
        JwtClaimsBuilder claims = claims(staff.id(), staff.email(), staff.role().group(), family)
                .claim(RevocationAugmentor.SECURITY_VERSION_CLAIM, staff.securityVersion());
        if (staff.administrationId() != null) {
            claims.claim(ADMINISTRATION_CLAIM, staff.administrationId().toString());
        }
        return withRefresh(claims, RefreshToken.SubjectKind.STAFF, staff.id(), family);
    }

    Tokens issueFor(Citizen citizen, UUID family) {
        String principal = citizen.email() != null ? citizen.email() : citizen.phone();
        return withRefresh(claims(citizen.id(), principal, Roles.CITIZEN, family), RefreshToken.SubjectKind.CITIZEN,
                citizen.id(), family);
    }

    /**
     * An access token for an integration client (OAuth 2.0 client credentials): no refresh token,
     * the client asks again. Its own random session, and the client's security version, so that
     * deactivating the client or narrowing its grant ends it like a staff member's.
     */
    public String issueForClient(UUID client, UUID administrationId, long securityVersion, String scope, Duration ttl) {
        Instant now = clock.instant();
        JwtClaimsBuilder claims = Jwt.claims()
                .subject(client.toString())
                .groups(Roles.INTEGRATION)
                .audience(AUDIENCE)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("jti", UUID.randomUUID().toString())
                .claim("client_id", client.toString())
                .claim("scope", scope)
                .claim(RevocationAugmentor.SESSION_CLAIM, UUID.randomUUID().toString())
                .claim(RevocationAugmentor.SECURITY_VERSION_CLAIM, securityVersion);
        if (administrationId != null) {
            claims.claim(ADMINISTRATION_CLAIM, administrationId.toString());
        }
        return sign(claims);
    }

    /** A token that proves nothing and reaches nothing: the startup check that the keys verify what they sign. */
    String probe() {
        Instant now = clock.instant();
        return sign(Jwt.claims().subject("signing-key-probe").audience(AUDIENCE).issuedAt(now).expiresAt(now.plusSeconds(60)));
    }

    private String sign(JwtClaimsBuilder claims) {
        return signingKeyId.map(kid -> claims.jws().keyId(kid).sign()).orElseGet(claims::sign);
    }

    private JwtClaimsBuilder claims(UUID subject, String principal, String group, UUID family) {
        Instant now = clock.instant();
        return Jwt.claims()
                .subject(subject.toString())
                .upn(principal)
                .groups(group)
                .audience(AUDIENCE)
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenTtl()))
                .claim("jti", UUID.randomUUID().toString())
                .claim(RevocationAugmentor.SESSION_CLAIM, family.toString());
    }

    private Tokens withRefresh(JwtClaimsBuilder claims, RefreshToken.SubjectKind kind, UUID subject, UUID family) {
        Instant now = clock.instant();
        String refresh = Secrets.random(32);
        refreshTokens.persist(new RefreshToken(Secrets.sha256(refresh), family, kind, subject, now,
                now.plus(config.refreshTokenTtl())));
        return new Tokens(sign(claims), refresh, "Bearer", config.accessTokenTtl().toSeconds(),
                config.refreshTokenTtl().toSeconds());
    }
}
