package ci.milie.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL {@code LISTEN} for one part of the application: one daemon thread with its own
 * connection, outside the pool (a pooled one would be taken for good, and LISTEN does not survive
 * being handed back). It reconnects with a growing delay whenever the connection is lost; the
 * listener's {@link Handler} learns of each (re)connection, since what was notified while it was
 * away is lost and must be read again.
 */
@ApplicationScoped
public class ChannelListener {

    private static final Logger LOG = Logger.getLogger(ChannelListener.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What a listener does with its connection. Each method runs on the listener's own thread. */
    public interface Handler {

        /** Just after LISTEN, on every (re)connection: read what may have been missed. */
        void connected(Connection connection) throws SQLException;

        /**
         * After each wait, with the notifications that came (none when the wait timed out).
         *
         * @return how long to wait for notifications next
         */
        Duration received(Connection connection, PGNotification[] notifications) throws SQLException;

        /** The connection was lost; a new one is tried after a delay. */
        default void disconnected() {
        }
    }

    /** A running listener, to stop at shutdown. */
    public static final class Running {
        private final Thread thread;
        private volatile boolean running = true;

        private Running(Thread thread) {
            this.thread = thread;
        }

        public boolean isRunning() {
            return running;
        }

        public void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    private final DirectConnections connections;

    ChannelListener(DirectConnections connections) {
        this.connections = connections;
    }

    /**
     * Starts listening on {@code channel} in a thread named {@code name} (also the connection's
     * application name, {@code milie-<name>}, as PostgreSQL's activity views show it).
     */
    public Running listen(String name, String channel, Duration firstWait, Handler handler) {
        Running[] self = new Running[1];
        Thread thread = new Thread(() -> run(self[0], name, channel, firstWait, handler), name);
        thread.setDaemon(true);
        self[0] = new Running(thread);
        thread.start();
        return self[0];
    }

    private void run(Running self, String name, String channel, Duration firstWait, Handler handler) {
        Duration backoff = Duration.ofSeconds(1);
        while (self.running) {
            try (Connection connection = connections.open(name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                // LISTEN first, then read: a change committed in between is both read and heard.
                handler.connected(connection);
                backoff = Duration.ofSeconds(1);
                PGConnection notices = connection.unwrap(PGConnection.class);
                Duration wait = firstWait;
                while (self.running) {
                    PGNotification[] received = notices.getNotifications((int) Math.max(1, wait.toMillis()));
                    wait = handler.received(connection, received == null ? new PGNotification[0] : received);
                }
            } catch (SQLException | RuntimeException e) {
                handler.disconnected();
                if (!self.running) {
                    return;
                }
                LOG.warnf("Listener %s disconnected (%s); retrying in %ds", name, e.getClass().getSimpleName(),
                        backoff.toSeconds());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
