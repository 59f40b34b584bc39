package ci.milie.notification;

import java.util.HashMap;
import java.util.Map;

/**
 * The real SMTP client, keeping no connection between sends: the outage tests stop GreenMail and
 * start another on the same port, and a connection kept to the stopped one could stall the next
 * send for the mailer's whole timeout (30 s) before the new server is tried.
 */
public class SmtpOutageProfile extends RealSmtpProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("quarkus.mailer.keep-alive", "false");
        return overrides;
    }
}
