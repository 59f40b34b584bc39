package ci.milie.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Per-address, per-contact and per-client limits low enough to reach in a test (the suite's own are out of
 * the way), and the test client (127.0.0.1) as a trusted proxy, so that each test names its own
 * client address in X-Forwarded-For and counts apart from the others.
 */
public class LowLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "milie.limits.trusted-proxies", "127.0.0.1/32",
                "milie.limits.sign-in.per-address.count", "3",
                "milie.limits.otp.per-address.count", "3",
                "milie.limits.access-key.per-address.count", "3",
                "milie.limits.tracking-code.per-address.count", "3",
                "milie.limits.submission.per-address.count", "2",
                "milie.limits.submission.per-contact.count", "2",
                "milie.limits.public-stats.per-address.count", "2",
                "milie.limits.client-token.per-address.count", "3",
                "milie.limits.integration.per-client.count", "3");
    }
}
