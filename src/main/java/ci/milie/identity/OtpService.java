package ci.milie.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Limit;
import ci.milie.common.Mailboxes;
import ci.milie.common.ProblemException;
import ci.milie.common.RateLimiter;
import ci.milie.common.Secrets;
import ci.milie.notification.MessageKind;

/**
 * Passwordless sign-in for citizens with a 6-digit code sent to their e-mail or phone, and the
 * codes that confirm a privacy act (see {@code privacy}).
 */
@ApplicationScoped
public class OtpService {

    private final OtpChallengeRepository challenges;
    private final CitizenRepository citizens;
    private final TokenIssuer issuer;
    private final OtpDelivery delivery;
    private final AuthConfig config;
    private final RateLimiter limiter;
    private final Clock clock;

    OtpService(OtpChallengeRepository challenges, CitizenRepository citizens, TokenIssuer issuer,
            OtpDelivery delivery, AuthConfig config, RateLimiter limiter, Clock clock) {
        this.challenges = challenges;
        this.citizens = citizens;
        this.issuer = issuer;
        this.delivery = delivery;
        this.config = config;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Opens a new sign-in challenge (replacing any open one) and queues its code, in one transaction.
     * The answer is the same whether or not the destination has an account; past the limits per
     * client address and per destination (counted atomically before anything is queued), 429 for all alike.
     */
    @Transactional
    public Duration request(OtpDestination destination, String language, String acceptedLanguage) {
        return open(destination, OtpChallenge.Purpose.SIGN_IN, MessageKind.OTP_CODE, true, language, acceptedLanguage);
    }

    /**
     * Sends a code that confirms a privacy act (an export or an erasure) to an e-mail or phone. It
     * cannot sign anyone in, and a sign-in code cannot confirm such an act. Same limits as sign-in
     * codes, except that codes an OSEP officer sends for callers do not count against the client
     * address: a whole call centre shares one, and the officer is signed in (the limit per
     * destination still holds).
     */
    @Transactional
    public Duration sendPrivacyCode(String email, String phone, boolean byStaff) {
        return open(OtpDestination.of(email, phone), OtpChallenge.Purpose.PRIVACY, MessageKind.PRIVACY_CODE, !byStaff, null, null);
    }

    /**
     * Checks a privacy code and spends it, in the caller's transaction: one that holds nothing else
     * and commits even when the code is refused, so that a wrong try counts (privacy/PrivacyCodes).
     * Not a transaction of its own: beside the caller's, it would be a second connection of the main
     * pool, and a flood of wrong codes held the whole pool waiting for itself. A refusal is 403: the
     * caller's session is fine, only the confirmation failed.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public void confirmPrivacyCode(String email, String phone, String code) {
        check(OtpDestination.of(email, phone), OtpChallenge.Purpose.PRIVACY, code, 403);
    }

    /** Forgets every code sent to an e-mail or phone (part of the erasure of its owner's data). */
    @Transactional
    public void forgetCodesSentTo(String email, String phone) {
        if (email != null) {
            challenges.deleteFor(OtpDestination.of(email, null).value());
        }
        if (phone != null) {
            challenges.deleteFor(OtpDestination.of(null, phone).value());
        }
    }

    private Duration open(OtpDestination destination, OtpChallenge.Purpose purpose, MessageKind kind, boolean perAddress,
            String language, String acceptedLanguage) {
        if (perAddress) {
            limiter.hit(Limit.OTP_PER_ADDRESS, limiter.client());
        }
        limiter.hit(Limit.OTP_PER_DESTINATION, destination.isEmail() ? Mailboxes.of(destination.value()) : destination.value());
        Duration ttl = config.otp().ttl();
        Instant now = clock.instant();
        challenges.supersedeOpen(destination.value(), purpose, now);
        String code = Secrets.digits(6);
        challenges.persist(new OtpChallenge(destination.value(), purpose, code, now, now.plus(ttl)));
        delivery.send(destination, kind, code, ttl, language, acceptedLanguage);
        return ttl;
    }

    /** Spends the open code of that purpose if it matches; otherwise the refusal, with the given status. */
    private void check(OtpDestination destination, OtpChallenge.Purpose purpose, String code, int status) {
        OtpChallenge challenge = challenges.findOpenForUpdate(destination.value(), purpose)
                .orElseThrow(() -> wrongCode(status));
        switch (challenge.verify(code, clock.instant(), config.otp().maxAttempts())) {
            case ACCEPTED:
                return;
            case EXPIRED:
                throw refusal(status, "OTP_EXPIRED", "OTP_EXPIRED.ask");
            case TOO_MANY_ATTEMPTS:
                throw refusal(status, "OTP_ATTEMPTS_EXCEEDED", "OTP_ATTEMPTS_EXCEEDED.ask");
            default:
                throw wrongCode(status);
        }
    }

    /** Checks the code; on success signs the citizen in, creating their record the first time. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Tokens verify(OtpDestination destination, String code) {
        check(destination, OtpChallenge.Purpose.SIGN_IN, code, 401);
        Instant now = clock.instant();
        citizens.lockContact(destination); // against a callback creating the same number's account meanwhile
        Citizen citizen = citizens.findBy(destination).orElseGet(() -> {
            citizens.releaseUnproven(destination);
            Citizen created = Citizen.signedUpWith(destination, now);
            citizens.persist(created);
            return created;
        });
        citizen.signedIn(now);
        return issuer.issueFor(citizen, UUID.randomUUID());
    }

    private static ProblemException wrongCode(int status) {
        return refusal(status, "OTP_INVALID", "OTP_INVALID.wrong");
    }

    private static ProblemException refusal(int status, String code, String detailKey) {
        return status == 401 ? ProblemException.unauthorized(code, detailKey)
                : new ProblemException(status, code, detailKey);
    }
}
