package ci.milie.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Limit;
import ci.milie.common.ProblemException;
import ci.milie.common.RateLimiter;
import ci.milie.common.Secrets;

/**
 * Staff sign-in with growing delays after repeated failures, and refresh-token rotation with
 * reuse detection for everyone.
 */
@ApplicationScoped
public class AuthService {

    private final StaffAccountRepository staff;
    private final CitizenRepository citizens;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final Revocations revocations;
    private final RateLimiter limiter;
    private final Clock clock;

    AuthService(StaffAccountRepository staff, CitizenRepository citizens, RefreshTokenRepository refreshTokens,
            PasswordHasher hasher, TokenIssuer issuer, Revocations revocations, RateLimiter limiter, Clock clock) {
        this.staff = staff;
        this.citizens = citizens;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.issuer = issuer;
        this.revocations = revocations;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Unknown e-mail, wrong password, inactive account: one answer for all, so the endpoint tells
     * an attacker nothing. Failures are counted per e-mail, whether or not an account has it, so
     * the wait that follows them (429, the password unchecked) says nothing either; the owner
     * gets in with the right password once the short wait is over. Nobody can lock anyone out.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Tokens login(String email, String password) {
        limiter.hit(Limit.SIGN_IN_PER_ADDRESS, limiter.client());
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        boolean failedBefore = limiter.beforeSignIn(normalised);
        Instant now = clock.instant();
        Optional<StaffAccount> found = staff.find("email", normalised)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (found.isEmpty() || !found.get().active()) {
            hasher.spendTimeOnUnknownAccount(password);
            limiter.signInFailed(normalised);
            throw invalidCredentials();
        }
        StaffAccount account = found.get();
        if (!hasher.matches(password, account.passwordHash())) {
            limiter.signInFailed(normalised);
            throw invalidCredentials();
        }
        if (failedBefore) {
            limiter.signInSucceeded(normalised);
        }
        account.recordSuccessfulLogin(now);
        return issuer.issueFor(account, UUID.randomUUID());
    }

    /**
     * Trades a refresh token for a new pair. A token presented a second time means it leaked:
     * the whole family (every token descending from that sign-in) is revoked.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Tokens refresh(String token) {
        Instant now = clock.instant();
        RefreshToken stored = refreshTokens.findByHashForUpdate(Secrets.sha256(token))
                .orElseThrow(AuthService::invalidRefreshToken);
        // A logout racing with a refresh may leave the new token unrevoked: its family tells.
        if (stored.isReplay() || refreshTokens.isFamilyRevoked(stored.familyId())) {
            revoke(stored.familyId(), now);
            throw invalidRefreshToken();
        }
        if (!stored.isUsableAt(now)) {
            throw invalidRefreshToken();
        }
        stored.markUsed(now);
        if (stored.subjectKind() == RefreshToken.SubjectKind.STAFF) {
            StaffAccount account = staff.findById(stored.subjectId());
            if (account == null || !account.active()) {
                revoke(stored.familyId(), now);
                throw invalidRefreshToken();
            }
            return issuer.issueFor(account, stored.familyId());
        }
        Citizen citizen = citizens.findById(stored.subjectId());
        if (citizen == null) {
            revoke(stored.familyId(), now);
            throw invalidRefreshToken();
        }
        return issuer.issueFor(citizen, stored.familyId());
    }

    /**
     * Revokes the sign-in the token belongs to, its access tokens included; unknown tokens are
     * ignored (logout is idempotent).
     */
    @Transactional
    public void logout(String token) {
        refreshTokens.findByHash(Secrets.sha256(token)).ifPresent(stored -> revoke(stored.familyId(), clock.instant()));
    }

    /** Ends the session an access token names (its {@code sid}), refresh tokens included. */
    @Transactional
    public void endSession(UUID family) {
        revoke(family, clock.instant());
    }

    /**
     * Ends every session of a citizen whose account is being erased, in the erasure's transaction:
     * their access tokens are refused as soon as it commits, here and on every instance. The
     * refresh-token rows stay, revoked: they are how an instance that reloads (or starts) learns
     * that those sessions are over; they hold no personal data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endEverySessionOf(UUID citizenId) {
        Instant now = clock.instant();
        List<UUID> families = refreshTokens.familiesOf(RefreshToken.SubjectKind.CITIZEN, citizenId);
        refreshTokens.revokeAllOf(RefreshToken.SubjectKind.CITIZEN, citizenId, now);
        families.forEach(revocations::sessionRevoked);
    }

    private void revoke(UUID family, Instant now) {
        refreshTokens.revokeFamily(family, now);
        revocations.sessionRevoked(family);
    }

    static ProblemException invalidCredentials() {
        return ProblemException.unauthorized("INVALID_CREDENTIALS", "INVALID_CREDENTIALS.wrong");
    }

    static ProblemException invalidRefreshToken() {
        return ProblemException.unauthorized("INVALID_REFRESH_TOKEN",
                "INVALID_REFRESH_TOKEN.sign-in");
    }
}
