package ci.milie.privacy;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long closed requests keep their contact, position and files ({@code milie.privacy.retention.*}). */
@ConfigMapping(prefix = "milie.privacy.retention")
public interface RetentionConfig {

    /** False: the scheduled run does nothing. */
    @WithDefault("true")
    boolean enabled();

    /** Kept this long after the request was closed or rejected. */
    @WithDefault("P5Y")
    Period period();

    /** When the job runs (Quartz cron, seconds first); "off" never. */
    @WithDefault("0 30 2 * * ?")
    String cron();
}
