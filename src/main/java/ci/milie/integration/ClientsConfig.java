package ci.milie.integration;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "milie.integrations.clients")
public interface ClientsConfig {

    /** How long a client's previous secret keeps working after a rotation. */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** Lifetime of a client's access token; there is no refresh token, the client asks again. */
    @WithDefault("PT15M")
    Duration tokenTtl();
}
