package ci.milie.common;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application with its abuse limits raised far beyond what a test sends, so that thousands
 * of calls from one address reach each operation's validation instead of its limit. Every limit
 * key belongs here: a limit left at its default turns the fuzz test's calls into 429s.
 */
public class RaisedLimitsProfile implements QuarkusTestProfile {

    static final int HIGH = 1_000_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "milie.auth.lockout.max-failures", String.valueOf(HIGH),
                "milie.auth.otp.max-attempts", String.valueOf(HIGH),
                "milie.auth.otp.max-codes-per-hour", String.valueOf(HIGH));
    }
}
