package ci.milie.common.db;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application reaching its database through a {@link DatabaseLink} that tests cut and restore,
 * and behind a TLS-terminating proxy on loopback (X-Forwarded-Proto trusted from 127.0.0.1).
 */
public class DatabaseOutageProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(DatabaseLink.configuration());
        // Bounded waits, short enough for a test: the production defaults are 3 s and 3 s.
        config.put("quarkus.datasource.jdbc.acquisition-timeout", "2S");
        config.put("quarkus.datasource.jdbc.additional-jdbc-properties.connectTimeout", "2");
        config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        config.put("quarkus.http.proxy.allow-x-forwarded", "true");
        config.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        return config;
    }
}
