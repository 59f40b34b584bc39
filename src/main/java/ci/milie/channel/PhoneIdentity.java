package ci.milie.channel;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.Limit;
import ci.milie.common.PhoneNumbers;
import ci.milie.common.RateLimiter;
import ci.milie.identity.CitizenDirectory;

/**
 * The caller of an authenticated aggregator callback: the operator's MSISDN is the identity (the
 * network, not the caller, says which SIM is calling), so the number's account is the caller's,
 * as if a one-time code sent to that number had been read back. Never used on anything else.
 */
@ApplicationScoped
public class PhoneIdentity {

    // Aggregators send the MSISDN with or without "+", or in the national plan.
    private static final Pattern DIGITS_WITH_COUNTRY = Pattern.compile("[1-9]\\d{7,14}");

    private final CitizenDirectory citizens;
    private final RateLimiter limiter;

    PhoneIdentity(CitizenDirectory citizens, RateLimiter limiter) {
        this.citizens = citizens;
        this.limiter = limiter;
    }

    /** The number in E.164 ("2250701020304", "+225 07 01 02 03 04" and "0701020304" alike); empty when it is none. */
    public static Optional<String> normalise(String msisdn) {
        if (msisdn == null) {
            return Optional.empty();
        }
        String compact = msisdn.strip();
        if (DIGITS_WITH_COUNTRY.matcher(compact).matches() && !compact.startsWith("0") && compact.length() > 10) {
            compact = "+" + compact;
        }
        return PhoneNumbers.normalise(compact);
    }

    /** Counts one callback of this number (429 past {@code milie.limits.channel.per-phone}). */
    public void count(String phone) {
        limiter.hit(Limit.CHANNEL_PER_PHONE, phone);
    }

    /** The account this number proved, if it has one: nothing is created for looking. */
    public Optional<UUID> existingAccount(String phone) {
        return citizens.accountOfProvenPhone(phone);
    }

    /** The account of this number, created on its first request. */
    public UUID account(String phone) {
        return citizens.accountForProvenPhone(phone);
    }
}
