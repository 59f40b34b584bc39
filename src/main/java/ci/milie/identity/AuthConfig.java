package ci.milie.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "milie.auth")
public interface AuthConfig {

    /** Lifetime of access tokens (JWT). */
    Duration accessTokenTtl();

    /** Lifetime of refresh tokens; each refresh rotates the token. */
    Duration refreshTokenTtl();

    /** bcrypt cost factor for staff passwords. */
    int bcryptCost();

    Otp otp();

    interface Otp {
        Duration ttl();

        int maxAttempts();
    }
}
