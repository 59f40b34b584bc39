package ci.milie.common;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The abuse limits ({@link RateLimiter}) and who may tell us the client's address ({@link ClientAddress}). */
@ConfigMapping(prefix = "milie.limits")
public interface LimitsConfig {

    /** Off: every limit lets everything through (a fuzz profile); the counters are not touched. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Proxies (addresses or CIDR blocks) whose {@code X-Forwarded-For} is believed. Empty: the
     * peer of the connection is the client.
     */
    Optional<List<String>> trustedProxies();

    /** How often an instance deletes dead counters. */
    @WithDefault("10m")
    String purgeInterval();

    SignIn signIn();

    Otp otp();

    AccessKey accessKey();

    TrackingCode trackingCode();

    Submission submission();

    PublicStats publicStats();

    PrivacyExport privacyExport();

    ClientToken clientToken();

    Integration integration();

    Channel channel();

    /** At most {@code count} hits in a window of {@code window}, which starts with the first hit. */
    interface Window {
        int count();

        Duration window();
    }

    interface SignIn {
        Window perAddress();

        Delays perAccount();
    }

    /** After {@code afterFailures} wrong passwords in a row, each attempt waits, doubling up to {@code maxDelay}. */
    interface Delays {
        int afterFailures();

        Duration initialDelay();

        Duration maxDelay();

        /** Failures older than this are forgotten. */
        Duration resetAfter();
    }

    interface Otp {
        Window perDestination();

        Window perAddress();
    }

    interface AccessKey {
        Window perCode();

        Window perAddress();
    }

    interface TrackingCode {
        Window perAddress();
    }

    interface Submission {
        Window perAddress();

        Window perContact();
    }

    interface PublicStats {
        Window perAddress();
    }

    interface ClientToken {
        /** Calls of the token endpoint (client credentials), right or wrong. */
        Window perAddress();
    }

    interface Integration {
        /** Calls made with one integration client's tokens. */
        Window perClient();
    }

    interface Channel {
        /** Callbacks of the SMS/USSD aggregators for one caller's number (each USSD step is one). */
        Window perPhone();
    }

    interface PrivacyExport {
        /** Exports of one account's or one request's data (OSEP's are not counted). */
        Window perSubject();
    }
}
