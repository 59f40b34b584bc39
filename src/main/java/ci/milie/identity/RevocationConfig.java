package ci.milie.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "milie.auth.revocation")
public interface RevocationConfig {

    /** How often each instance reloads the whole revocation state, in case a notification was lost. */
    @WithDefault("PT1M")
    Duration resync();

    /**
     * Whether an access token without a session ("sid") is accepted, unchecked. The application
     * never mints one: only tests' hand-made tokens lack it. Must stay false in production.
     */
    @WithDefault("false")
    boolean allowTokensWithoutSession();
}
