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

/** Passwordless sign-in for citizens with a 6-digit code sent to their e-mail or phone. */
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
     * Opens a new challenge (replacing any open one) and queues its code, in one transaction. The
     * answer is the same whether or not the destination has an account; past the limits per client
     * address and per destination (counted atomically before anything is queued), 429 for all alike.
     */
    @Transactional
    public Duration request(OtpDestination destination) {
        limiter.hit(Limit.OTP_PER_ADDRESS, limiter.client());
        limiter.hit(Limit.OTP_PER_DESTINATION, destination.isEmail() ? Mailboxes.of(destination.value()) : destination.value());
        Duration ttl = config.otp().ttl();
        Instant now = clock.instant();
        challenges.supersedeOpen(destination.value(), now);
        String code = Secrets.digits(6);
        challenges.persist(new OtpChallenge(destination.value(), code, now, now.plus(ttl)));
        delivery.send(destination, code, ttl);
        return ttl;
    }

    /** Checks the code; on success signs the citizen in, creating their record the first time. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Tokens verify(OtpDestination destination, String code) {
        Instant now = clock.instant();
        OtpChallenge challenge = challenges.findOpenForUpdate(destination.value())
                .orElseThrow(() -> wrongCode());
        switch (challenge.verify(code, now, config.otp().maxAttempts())) {
            case ACCEPTED:
                break;
            case EXPIRED:
                throw ProblemException.unauthorized("OTP_EXPIRED", "This code has expired; ask for a new one");
            case TOO_MANY_ATTEMPTS:
                throw ProblemException.unauthorized("OTP_ATTEMPTS_EXCEEDED",
                        "Too many wrong codes; ask for a new one");
            default:
                throw wrongCode();
        }
        Citizen citizen = citizens.findBy(destination).orElseGet(() -> {
            Citizen created = Citizen.signedUpWith(destination, now);
            citizens.persist(created);
            return created;
        });
        citizen.signedIn(now);
        return issuer.issueFor(citizen, UUID.randomUUID());
    }

    private static ProblemException wrongCode() {
        return ProblemException.unauthorized("OTP_INVALID", "The code is wrong or no longer valid");
    }
}
