package ci.milie.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import ci.milie.directory.RequestType;

/**
 * The facts outside the request that its rules read: the time, the dispute settings, whether the
 * administration's answers are reviewed, the citizen's ratings. Built by the door; lazy where a
 * fact costs a query.
 */
public interface Circumstances {

    Instant now();

    /** How long after an answer the citizen may dispute it. */
    Duration reopenWindow();

    int maxReopenings();

    /** How long a stage may stay overdue before OSEP's supervisors are told. */
    Duration escalationDelay();

    /** Whether OSEP reviews the answers of the request's administration. */
    boolean reviewRequired();

    /** The latest answer delivered to the citizen, if any. */
    Optional<UUID> latestDeliveredAnswer();

    /** Whether the citizen already rated that answer. */
    boolean rated(UUID answerId);

    /** Whether requests may be routed to this administration. */
    boolean administrationActive(UUID administrationId);

    /** Whether the category takes requests of this type. */
    boolean categoryAccepts(UUID categoryId, RequestType type);
}
