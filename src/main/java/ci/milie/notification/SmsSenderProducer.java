package ci.milie.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.LaunchMode;

/** The HTTP gateway when one is configured; otherwise a logger in dev and tests, and a refusal in production. */
@ApplicationScoped
public class SmsSenderProducer {

    private static final Logger LOG = Logger.getLogger(SmsSenderProducer.class);

    @Produces
    @DefaultBean
    @ApplicationScoped
    SmsSender smsSender(SmsConfig config, ObjectMapper json) {
        if (config.gatewayUrl().filter(url -> !url.isBlank()).isPresent()) {
            return new HttpSmsSender(config, json);
        }
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return new LoggingSmsSender();
        }
        LOG.warn("MILIE_SMS_GATEWAY_URL is not set: text messages cannot be sent");
        return (to, text) -> {
            throw new SmsSender.SmsDeliveryException("no SMS gateway configured", null);
        };
    }
}
