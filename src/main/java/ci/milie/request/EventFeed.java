package ci.milie.request;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads request_event in commit-safe order (see V26, V31): only events whose transaction is below
 * the feed's horizon, hence finished, ordered by (tx, seq). An event still being written
 * holds back every later one until its transaction ends, so a cursor never passes an event that
 * could still appear. Plain JDBC: it runs on the live listener's own connection, or a pooled one.
 */
final class EventFeed {

    /** One event's place in the feed, and what it is about. */
    record Row(FeedCursor cursor, UUID eventId, UUID requestId, Instant occurredAt) {
    }

    /** Only the events of one request, or of one citizen's requests; neither: all. */
    record Filter(UUID requestId, UUID citizenId) {
        static final Filter ALL = new Filter(null, null);
    }

    static final String CHANNEL = "milie_request_events";

    /**
     * Below it, every transaction that may have written request_event has ended (V31): the xmin of
     * the current snapshot, less the transactions that declared they write no event ({@link
     * ci.milie.common.db.FeedBystander}).
     */
    private static final String HORIZON = "feed_horizon()";

    private EventFeed() {
    }

    /** The position of the last finished event: where a reader that wants only new events starts. */
    static FeedCursor head(Connection connection) throws SQLException {
        // Ordered by the columns, qualified: an unqualified "tx" would name the output column, tx::text,
        // and sort transaction ids as text ("9" after "10"), without the index.
        try (PreparedStatement statement = connection.prepareStatement("select e.tx::text, e.seq from request_event e where e.tx < "
                + HORIZON + " order by e.tx desc, e.seq desc limit 1");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? new FeedCursor(Long.parseLong(rows.getString(1)), rows.getLong(2)) : new FeedCursor(0, 0);
        }
    }

    /** Up to {@code limit} finished events after {@code after}, in order. */
    static List<Row> after(Connection connection, FeedCursor after, Filter filter, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("select e.tx::text, e.seq, e.id, e.request_id, e.occurred_at from request_event e");
        if (filter.citizenId() != null) {
            sql.append(" join citizen_request r on r.id = e.request_id and r.citizen_id = ?");
        }
        sql.append(" where e.tx < ").append(HORIZON).append(" and (e.tx, e.seq) > ((?::text)::xid8, ?)");
        if (filter.requestId() != null) {
            sql.append(" and e.request_id = ?");
        }
        sql.append(" order by e.tx, e.seq limit ?");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int i = 1;
            if (filter.citizenId() != null) {
                statement.setObject(i++, filter.citizenId());
            }
            statement.setString(i++, Long.toString(after.tx()));
            statement.setLong(i++, after.seq());
            if (filter.requestId() != null) {
                statement.setObject(i++, filter.requestId());
            }
            statement.setInt(i, limit);
            List<Row> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp at = rows.getTimestamp(5);
                    found.add(new Row(new FeedCursor(Long.parseLong(rows.getString(1)), rows.getLong(2)),
                            rows.getObject(3, UUID.class), rows.getObject(4, UUID.class), at.toInstant()));
                }
            }
            return found;
        }
    }

    /**
     * Whether finished events wait behind an open transaction (the horizon lags): the reader then
     * looks again soon rather than at its next safety-net tick.
     */
    static boolean lagging(Connection connection, FeedCursor position) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select exists (select 1 from request_event where tx >= "
                + HORIZON + " and (tx, seq) > ((?::text)::xid8, ?))")) {
            statement.setString(1, Long.toString(position.tx()));
            statement.setLong(2, position.seq());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
