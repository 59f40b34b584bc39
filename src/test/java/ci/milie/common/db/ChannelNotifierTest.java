package ci.milie.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import ci.milie.support.Api;
import ci.milie.support.Requests;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Wake-ups leave after commit from the notifier's own connection, never from the writer's
 * transaction (where PostgreSQL would make every notifying commit wait for the one before).
 */
@QuarkusTest
class ChannelNotifierTest {

    private static final String FEED = "milie_request_events";

    @Inject
    ChannelNotifier notifier;

    @Test
    void aSubmissionWakesTheLiveFeedFromTheNotifiersConnectionAfterItsCommit() throws Exception {
        try (Connection listening = listen(FEED)) {
            drain(listening);
            String category = Requests.Setting.create(false).categoryCode();
            drain(listening);

            Requests.submitAnonymously(Requests.complaint(category, Api.uniqueEmail("bell")));

            List<PGNotification> heard = waitFor(listening, 1);
            assertFalse(heard.isEmpty(), "the live feed was woken");
            for (PGNotification notice : heard) {
                assertEquals("", notice.getParameter(), "a wake-up names nothing");
                assertEquals("milie-notify-" + FEED, applicationOf(listening, notice.getPID()),
                        "sent by the notifier, not by the submission's pooled connection");
            }
        }
    }

    @Test
    void everyRingIsFollowedByANotificationAndABurstSharesOnePer10Ms() throws Exception {
        String channel = "milie_test_bell";
        try (Connection listening = listen(channel)) {
            for (int ring = 0; ring < 5; ring++) {
                notifier.ring(channel);
                assertEquals(1, waitFor(listening, 1).size(), "ring " + ring + " was heard");
            }

            long before = notifier.sent(channel);
            long start = System.nanoTime();
            ExecutorService ringers = Executors.newFixedThreadPool(8);
            for (int ring = 0; ring < 4000; ring++) {
                ringers.execute(() -> notifier.ring(channel));
            }
            ringers.shutdown();
            assertTrue(ringers.awaitTermination(30, TimeUnit.SECONDS));
            notifier.ring(channel); // the last ring, after every other one
            List<PGNotification> heard = waitFor(listening, 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (notifier.sent(channel) - before > heard.size() && System.nanoTime() < deadline) {
                heard.addAll(waitFor(listening, 1));
            }
            long sent = notifier.sent(channel) - before;
            long gaps = (System.nanoTime() - start) / TimeUnit.MILLISECONDS.toNanos(10);
            assertTrue(sent >= 1 && sent <= gaps + 1, "at least one, at most one per 10 ms: " + sent + " in " + gaps + " gaps");
            assertEquals(sent, heard.size(), "every notification sent was heard");
        }
    }

    @Test
    void aNotifierWhoseConnectionTheServerEndedReconnectsAndRingsAgain() throws Exception {
        String channel = "milie_test_reconnect";
        try (Connection listening = listen(channel)) {
            notifier.ring(channel);
            assertEquals(1, waitFor(listening, 1).size());

            try (Statement admin = listening.createStatement()) {
                admin.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where application_name = 'milie-notify-" + channel + "'");
            }
            notifier.ring(channel);

            assertEquals(1, waitFor(listening, 1).size(), "heard again after the notifier reconnected");
        }
    }

    private static Connection listen(String channel) throws SQLException {
        Connection connection = DriverManager.getConnection(System.getProperty("milie.embedded-database.url"),
                "postgres", "postgres");
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
        return connection;
    }

    private static void drain(Connection listening) throws SQLException {
        while (true) {
            PGNotification[] pending = listening.unwrap(PGConnection.class).getNotifications(200);
            if (pending == null || pending.length == 0) {
                return;
            }
        }
    }

    /** Notifications heard until at least {@code wanted} came, or 10 s passed. */
    private static List<PGNotification> waitFor(Connection listening, int wanted) throws SQLException {
        List<PGNotification> heard = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (heard.size() < wanted && System.nanoTime() < deadline) {
            PGNotification[] pending = listening.unwrap(PGConnection.class).getNotifications(500);
            if (pending != null) {
                heard.addAll(List.of(pending));
            }
        }
        return heard;
    }

    private static String applicationOf(Connection connection, int pid) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select application_name from pg_stat_activity where pid = ?")) {
            query.setInt(1, pid);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
