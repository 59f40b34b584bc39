package ci.milie.feedback;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "milie.feedback")
public interface FeedbackConfig {

    /** How long after an answer the citizen may dispute it; past it, the request closes. */
    Duration reopenWindow();

    /** How many times one request may be reopened. */
    int maxReopenings();

    /** How often the auto-closure job runs ("off" disables it, as in tests). */
    String autoCloseInterval();
}
