package ci.milie.stats;

import java.time.Instant;
import java.util.UUID;

/**
 * What a statistics call looks at: a period {@code [from, to)} and optional dimensions. The period
 * applies to the date of each figure's event (submitted, acknowledged, answered, delivered, closed).
 */
record StatsFilter(Instant from, Instant to, UUID administrationId, UUID categoryId, String type, String channel,
        String region) {

    StatsFilter withAdministration(UUID id) {
        return new StatsFilter(from, to, id, categoryId, type, channel, region);
    }

    static StatsFilter period(Instant from, Instant to) {
        return new StatsFilter(from, to, null, null, null, null, null);
    }
}
