package ci.milie.notification;

import org.jboss.logging.Logger;

import ci.milie.common.PhoneNumbers;

/**
 * Development stand-in for the gateway: logs the text (so a developer can read a sign-in code)
 * with the number masked. Never used in production, where texts may hold secrets.
 */
public class LoggingSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(LoggingSmsSender.class);

    @Override
    public String send(String to, String text) {
        LOG.infof("SMS to %s (not sent, no gateway configured): %s", PhoneNumbers.mask(to), text);
        return null;
    }
}
