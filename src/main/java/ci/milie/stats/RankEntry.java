package ci.milie.stats;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One place in a public ranking of administrations. */
@Schema(name = "RankEntry")
public record RankEntry(int rank, UUID administrationId, String code, String name, Double value) {
}
