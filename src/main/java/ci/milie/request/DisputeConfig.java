package ci.milie.request;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How long and how often a citizen may dispute an answer; read by the lifecycle's rules and the auto-closure. */
@ConfigMapping(prefix = "milie.feedback")
public interface DisputeConfig {

    /** How long after an answer the citizen may dispute it; past it, the request closes. */
    Duration reopenWindow();

    /** How many times one request may be reopened. */
    int maxReopenings();

    /** How often the auto-closure job runs ("off" disables it, as in tests). */
    String autoCloseInterval();
}
