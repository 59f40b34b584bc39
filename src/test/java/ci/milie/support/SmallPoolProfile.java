package ci.milie.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A main pool of 6 connections and a short wait for one, and sign-in attempts per address high
 * enough for a flood from one test client: for tests that more calls at once than the pool has
 * connections wait their turn rather than for each other.
 */
public class SmallPoolProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.max-size", "6", "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                "milie.limits.sign-in.per-address.count", "1000");
    }
}
