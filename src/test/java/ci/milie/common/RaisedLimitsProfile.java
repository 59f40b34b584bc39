package ci.milie.common;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application with its abuse limits out of the way, so that thousands of calls from one
 * address reach each operation's validation instead of its limit: the shared limits switched
 * off as a whole (sign-in delays, OTP quotas, access keys, submissions, public statistics) and the
 * attempts at one code raised far beyond what a test sends. A new limit that cannot be switched off
 * by {@code milie.limits.enabled} belongs here.
 */
public class RaisedLimitsProfile implements QuarkusTestProfile {

    static final String HIGH = "1000000";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "milie.limits.enabled", "false",
                "milie.auth.otp.max-attempts", HIGH);
    }
}
