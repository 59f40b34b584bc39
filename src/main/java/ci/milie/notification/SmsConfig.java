package ci.milie.notification;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "milie.sms")
public interface SmsConfig {

    /** URL of the HTTP SMS gateway, which receives POST {"to": "+225…", "text": "…"}. */
    Optional<String> gatewayUrl();

    /** Bearer token sent to the gateway, if it wants one. */
    Optional<String> gatewayToken();

    Duration timeout();
}
