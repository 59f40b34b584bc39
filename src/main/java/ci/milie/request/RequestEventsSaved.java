package ci.milie.request;

import java.util.List;

/**
 * The events a move has just saved, fired synchronously INSIDE the move's transaction (unlike
 * {@link RequestEventRecorded}, published after the commit). An observer that writes (the
 * webhooks' deliveries) commits or rolls back with the move, and a failing observer fails it.
 * Observe it with {@code @Observes}; keep the work small, the move waits for it.
 */
public record RequestEventsSaved(List<RequestEventRecorded> events) {
}
