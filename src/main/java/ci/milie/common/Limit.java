package ci.milie.common;

import java.util.function.Function;

/** The counted limits: each names its counters (the key prefix) and its configuration. */
public enum Limit {
    SIGN_IN_PER_ADDRESS("sign-in.per-address", c -> c.signIn().perAddress()),
    OTP_PER_DESTINATION("otp.per-destination", c -> c.otp().perDestination()),
    OTP_PER_ADDRESS("otp.per-address", c -> c.otp().perAddress()),
    ACCESS_KEY_PER_CODE("access-key.per-code", c -> c.accessKey().perCode()),
    ACCESS_KEY_PER_ADDRESS("access-key.per-address", c -> c.accessKey().perAddress()),
    TRACKING_CODE_PER_ADDRESS("tracking-code.per-address", c -> c.trackingCode().perAddress()),
    SUBMISSION_PER_ADDRESS("submission.per-address", c -> c.submission().perAddress()),
    SUBMISSION_PER_CONTACT("submission.per-contact", c -> c.submission().perContact()),
    PUBLIC_STATS_PER_ADDRESS("public-stats.per-address", c -> c.publicStats().perAddress()),
    PRIVACY_EXPORT_PER_SUBJECT("privacy-export.per-subject", c -> c.privacyExport().perSubject()),
    CLIENT_TOKEN_PER_ADDRESS("client-token.per-address", c -> c.clientToken().perAddress()),
    INTEGRATION_PER_CLIENT("integration.per-client", c -> c.integration().perClient()),
    CHANNEL_PER_PHONE("channel.per-phone", c -> c.channel().perPhone());

    /** The counters of sign-in delays per account (not a window: see {@link LimitsConfig.Delays}). */
    static final String SIGN_IN_PER_ACCOUNT = "sign-in.per-account";

    private final String name;
    private final Function<LimitsConfig, LimitsConfig.Window> window;

    Limit(String name, Function<LimitsConfig, LimitsConfig.Window> window) {
        this.name = name;
        this.window = window;
    }

    /** As in the configuration: {@code milie.limits.<name>.count}. */
    public String configName() {
        return name;
    }

    LimitsConfig.Window window(LimitsConfig config) {
        return window.apply(config);
    }
}
