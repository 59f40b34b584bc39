package ci.milie.request;

import static ci.milie.support.Requests.complaint;
import static ci.milie.support.Requests.submitAnonymously;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.support.Api;
import ci.milie.support.Requests;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The feed's cursor is commit-safe: an event inserted first but committed last is not skipped,
 * because nothing is read past a transaction that is still open.
 */
@QuarkusTest
class EventFeedTest {

    @Inject
    DataSource dataSource;

    private static UUID insertEvent(Connection connection, UUID requestId) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into request_event (id, request_id, occurred_at, type, actor_role, visibility, data)
                values (?, ?, now(), 'NOTE_ADDED', 'osep', 'INTERNAL', '{}'::jsonb)""")) {
            insert.setObject(1, id);
            insert.setObject(2, requestId);
            insert.executeUpdate();
        }
        return id;
    }

    /**
     * The ids of the rows among {@code ours}: the request's own SUBMITTED event may still be read
     * after {@code head} (a transaction elsewhere held the horizon back when it was taken).
     */
    private static List<UUID> ids(List<EventFeed.Row> rows, UUID... ours) {
        List<UUID> mine = List.of(ours);
        return rows.stream().map(EventFeed.Row::eventId).filter(mine::contains).toList();
    }

    @Test
    void theHeadIsTheLatestFinishedEventEvenWhenTransactionIdsDifferInLength() throws SQLException {
        Requests.Setting at = Requests.Setting.create(false);
        UUID requestId = UUID.fromString(submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("feed"))).getString("id"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long submitted;
            try (PreparedStatement read = connection.prepareStatement("select tx::text from request_event where request_id = ?")) {
                read.setObject(1, requestId);
                try (var rows = read.executeQuery()) {
                    assertTrue(rows.next());
                    submitted = Long.parseLong(rows.getString(1));
                }
            }
            // An event of a one-digit transaction: as text, "9" comes after every id that starts with 1 to 8.
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into request_event (id, request_id, occurred_at, type, actor_role, visibility, data, tx)
                    values (?, ?, now(), 'NOTE_ADDED', 'osep', 'INTERNAL', '{}'::jsonb, '9'::xid8)""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, requestId);
                insert.executeUpdate();
            }

            FeedCursor head = EventFeed.head(connection);

            assertTrue(head.tx() >= submitted, "head " + head.tx() + " is behind the submission's transaction " + submitted);
            connection.rollback();
        }
    }

    @Test
    void anEventInsertedFirstButCommittedLastIsReadAfterItsTransactionEndsAndBothComeOnceInOrder() throws SQLException {
        Requests.Setting at = Requests.Setting.create(false);
        UUID requestId = UUID.fromString(submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("feed"))).getString("id"));
        EventFeed.Filter thisRequest = new EventFeed.Filter(requestId, null);
        try (Connection reader = dataSource.getConnection(); Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            reader.setAutoCommit(true);
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            FeedCursor start = EventFeed.head(reader);

            UUID early = insertEvent(first, requestId);
            UUID late = insertEvent(second, requestId);
            second.commit();

            // the later one is committed, but the earlier one's transaction is open: neither is read yet
            assertEquals(List.of(), ids(EventFeed.after(reader, start, thisRequest, 100), early, late));
            assertTrue(EventFeed.lagging(reader, start), "finished events wait behind the open transaction");

            first.commit();
            List<EventFeed.Row> read = EventFeed.after(reader, start, thisRequest, 100);
            assertEquals(List.of(early, late), ids(read, early, late));
            // and from the last position, nothing comes again
            assertEquals(List.of(), ids(EventFeed.after(reader, read.get(read.size() - 1).cursor(), thisRequest, 100),
                    early, late));
        }
    }

    /** A transaction that got an id (as any write does), and whether it declared it writes no event. */
    private static Connection openTransaction(DataSource dataSource, boolean bystander) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            if (bystander) {
                statement.execute("select pg_advisory_xact_lock_shared(1296649289, 1)");
            }
            statement.execute("select pg_current_xact_id()");
        }
        return connection;
    }

    @Test
    void aLongTransactionThatDeclaredItWritesNoEventDoesNotHoldTheFeedBackButAnyOtherDoes() throws SQLException {
        Requests.Setting at = Requests.Setting.create(false);
        UUID requestId = UUID.fromString(submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("feed"))).getString("id"));
        EventFeed.Filter thisRequest = new EventFeed.Filter(requestId, null);
        try (Connection reader = dataSource.getConnection(); Connection writer = dataSource.getConnection()) {
            reader.setAutoCommit(true);
            writer.setAutoCommit(false);
            FeedCursor start = EventFeed.head(reader);

            // A roll-up step, open for as long as it takes: an event committed meanwhile is read at once.
            try (Connection rollup = openTransaction(dataSource, true)) {
                UUID during = insertEvent(writer, requestId);
                writer.commit();
                assertEquals(List.of(during), ids(EventFeed.after(reader, start, thisRequest, 100), during));
                rollup.rollback();
            }

            // Any other transaction may still add an event below the next one's: it holds the feed back.
            FeedCursor next = EventFeed.head(reader);
            try (Connection other = openTransaction(dataSource, false)) {
                UUID behind = insertEvent(writer, requestId);
                writer.commit();
                assertEquals(List.of(), ids(EventFeed.after(reader, next, thisRequest, 100), behind));
                other.rollback();
                assertEquals(List.of(behind), ids(EventFeed.after(reader, next, thisRequest, 100), behind));
            }
        }
    }

    @Test
    void anEventOfARolledBackTransactionNeverAppears() throws SQLException {
        Requests.Setting at = Requests.Setting.create(false);
        UUID requestId = UUID.fromString(submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("feed"))).getString("id"));
        EventFeed.Filter thisRequest = new EventFeed.Filter(requestId, null);
        try (Connection reader = dataSource.getConnection(); Connection writer = dataSource.getConnection()) {
            reader.setAutoCommit(true);
            FeedCursor start = EventFeed.head(reader);
            writer.setAutoCommit(false);
            UUID rolledBack = insertEvent(writer, requestId);
            writer.rollback();
            UUID kept = insertEvent(writer, requestId);
            writer.commit();

            assertEquals(List.of(kept), ids(EventFeed.after(reader, start, thisRequest, 100), kept, rolledBack));
        }
    }

    @Test
    void aCursorIsOpaqueAndReadsBackAsItself() {
        FeedCursor cursor = new FeedCursor(123_456_789L, 42L);
        assertEquals(cursor, FeedCursor.decode(cursor.encode()).orElseThrow());
        assertTrue(FeedCursor.decode("not a cursor").isEmpty());
        assertTrue(FeedCursor.decode(null).isEmpty());
    }
}
