package ci.milie.request;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links put in e-mails, SMS and receipts: routes of the citizens' front-end
 * ({@code milie.front-end.base-url}), not of this API. The access key rides in the URL fragment,
 * which browsers never send to a server, so it does not end up in web server logs; the front-end
 * reads it from there and sends it as {@code X-Access-Key}.
 */
@ApplicationScoped
public class RequestLinks {

    private final String base;

    RequestLinks(@ConfigProperty(name = "milie.front-end.base-url") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String tracking(String trackingCode, String accessKey) {
        return base + "/suivi/" + trackingCode + (accessKey == null ? "" : "#cle=" + accessKey);
    }

    public String rating(String trackingCode) {
        return base + "/suivi/" + trackingCode + "/avis";
    }
}
