package ci.milie.notification;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "milie.push")
public interface PushConfig {

    Fcm fcm();

    /** Firebase Cloud Messaging's HTTP v1 API, reached with a Google service account. */
    interface Fcm {

        /**
         * The service account's JSON key, as a value (a secret injected by the platform). Without it
         * and without {@link #credentialsFile()}, pushes are logged in dev and tests and refused in production.
         */
        Optional<String> credentials();

        /** The same, as the path of a file. Never a file of the repository. */
        Optional<String> credentialsFile();

        /** The project to send through; the service account's {@code project_id} when absent. */
        Optional<String> projectId();

        /** Where {@code /v1/projects/{projectId}/messages:send} is. */
        @WithDefault("https://fcm.googleapis.com")
        String baseUrl();

        /** The OAuth2 token endpoint; the service account's {@code token_uri} when absent. */
        Optional<String> tokenUri();

        @WithDefault("PT10S")
        Duration timeout();
    }
}
