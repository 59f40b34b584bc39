package ci.milie.sla;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "milie.sla")
public interface SlaConfig {

    /**
     * How long an instance keeps the holiday calendar before reading it again. A change made
     * through an instance applies there at once, on the others within this delay.
     */
    Duration calendarRefresh();
}
