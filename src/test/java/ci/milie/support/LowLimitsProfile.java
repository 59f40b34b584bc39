package ci.milie.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Per-address, per-contact and per-client limits low enough to reach in a test (the suite's own are out of
 * the way), and the test client (127.0.0.1) as a trusted proxy, so that each test names its own
 * client address in X-Forwarded-For and counts apart from the others. Live streams: three per
 * instance, and a heartbeat every second, so that a stream the client closed is soon noticed.
 */
public class LowLimitsProfile implements QuarkusTestProfile {

    public static final int STREAMS_PER_INSTANCE = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("milie.limits.trusted-proxies", "127.0.0.1/32"),
                Map.entry("milie.limits.sign-in.per-address.count", "3"),
                Map.entry("milie.limits.otp.per-address.count", "3"),
                Map.entry("milie.limits.access-key.per-address.count", "3"),
                Map.entry("milie.limits.tracking-code.per-address.count", "3"),
                Map.entry("milie.limits.submission.per-address.count", "2"),
                Map.entry("milie.limits.submission.per-contact.count", "2"),
                Map.entry("milie.limits.public-stats.per-address.count", "2"),
                Map.entry("milie.limits.client-token.per-address.count", "3"),
                Map.entry("milie.limits.integration.per-client.count", "3"),
                Map.entry("milie.streams.max-per-instance", String.valueOf(STREAMS_PER_INSTANCE)),
                Map.entry("milie.streams.heartbeat", "PT1S"));
    }
}
