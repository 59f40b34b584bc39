package ci.milie.notification;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "milie.sms")
public interface SmsConfig {

    /** URL of the HTTP SMS gateway, which receives POST {"to": "+225…", "text": "…"}. */
    Optional<String> gatewayUrl();

    /** Bearer token sent to the gateway, if it wants one. */
    Optional<String> gatewayToken();

    Duration timeout();

    /**
     * Where the gateway's answer holds the id of the message, as a JSON pointer: the id its delivery
     * receipts name. "/messageId" by default; Africa's Talking: "/SMSMessageData/Recipients/0/messageId".
     */
    @WithDefault("/messageId")
    String messageIdPointer();
}
