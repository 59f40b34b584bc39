package ci.milie.notification;

import org.jboss.logging.Logger;

/** Development stand-in for FCM: logs the notification (it holds a tracking code and a status), not the token. */
public class LoggingPushSender implements PushSender {

    private static final Logger LOG = Logger.getLogger(LoggingPushSender.class);

    @Override
    public void send(String token, PushMessage message) {
        LOG.infof("Push (not sent, FCM not configured): %s — %s %s", message.title(), message.body(), message.data());
    }
}
