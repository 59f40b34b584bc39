package ci.milie.request;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a request stands in its lifecycle. The three sets below are the only definition of "open",
 * "running" and "terminal": queries use them, and a test checks every partial index's predicate
 * against them.
 */
@Schema(name = "RequestStatus")
public enum RequestStatus {
    RECEIVED, ROUTED, IN_PROGRESS, AWAITING_CITIZEN, UNDER_REVIEW, ANSWERED, CLOSED, REJECTED;

    /** Someone still has to act: the backlog. */
    public static final Set<RequestStatus> OPEN = Set.copyOf(EnumSet.of(RECEIVED, ROUTED, IN_PROGRESS, AWAITING_CITIZEN,
            UNDER_REVIEW));
    /** A deadline runs (the clock stops while the citizen has the ball). */
    public static final Set<RequestStatus> RUNNING = Set.copyOf(EnumSet.of(RECEIVED, ROUTED, IN_PROGRESS, UNDER_REVIEW));
    /** Nothing more happens. */
    public static final Set<RequestStatus> TERMINAL = Set.copyOf(EnumSet.of(CLOSED, REJECTED));

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** The names of a set, in declaration order, as strings (for SQL parameters). */
    public static java.util.List<String> names(Set<RequestStatus> statuses) {
        return EnumSet.copyOf(statuses).stream().map(Enum::name).toList();
    }

    /** The set as an SQL list literal, in declaration order: {@code 'RECEIVED', 'ROUTED'}. */
    public static String sqlList(Set<RequestStatus> statuses) {
        return names(statuses).stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}
