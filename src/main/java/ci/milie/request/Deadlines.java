package ci.milie.request;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import ci.milie.directory.RequestType;

/** When a request's stages are due, in working time (implemented by the SLA module). */
public interface Deadlines {

    /** When {@code stage}, entered at {@code since}, is due for a request of this type in this category. */
    Instant dueAt(Stage stage, RequestType type, UUID categoryId, Instant since);

    /** Working time left until {@code dueAt}; zero once it has passed. */
    Duration remaining(Instant dueAt, Instant now);

    /** Working time elapsed from {@code from} to {@code to}. */
    Duration workingTimeBetween(Instant from, Instant to);

    /** The new deadline of a clock restarted at {@code now} with {@code remaining} working time left. */
    Instant resume(Duration remaining, Instant now);
}
