package ci.milie.stats;

import java.util.UUID;

/** One place in a public ranking of administrations. */
public record RankEntry(int rank, UUID administrationId, String code, String name, Double value) {
}
