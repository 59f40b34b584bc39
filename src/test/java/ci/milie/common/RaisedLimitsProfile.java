package ci.milie.common;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application with its abuse limits out of the way, so that thousands of calls from one
 * address reach each operation's validation instead of its limit: the shared limits switched
 * off as a whole, the sign-in lockout and the OTP quotas raised far beyond what a test sends.
 * A limit key that no longer exists is only warned about at start; a new limit that cannot be
 * switched off by {@code milie.limits.enabled} belongs here.
 */
public class RaisedLimitsProfile implements QuarkusTestProfile {

    static final String HIGH = "1000000";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "milie.limits.enabled", "false",
                "milie.auth.lockout.max-failures", HIGH,
                "milie.auth.otp.max-attempts", HIGH,
                "milie.auth.otp.max-codes-per-hour", HIGH);
    }
}
