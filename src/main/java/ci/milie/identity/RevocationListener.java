package ci.milie.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Hears the other instances' revocations: one thread with its own connection (a pooled one would
 * be taken for good, and LISTEN does not survive being handed back), listening on
 * {@value Revocations#CHANNEL}. After every (re)connection it reloads the whole state, since
 * notices sent while it was away are lost; it also reloads every {@code resync}, as a safety net.
 * A database that is down delays nothing at start: the thread retries with a growing delay, and
 * until it has loaded, tokens are checked against the database.
 */
@ApplicationScoped
class RevocationListener {

    private static final Logger LOG = Logger.getLogger(RevocationListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Revocations revocations;
    private final RevocationConfig config;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread thread;

    RevocationListener(Revocations revocations, RevocationConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.revocations = revocations;
        this.config = config;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "revocation-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try (Connection connection = connect()) {
                listen(connection);
                backoff = Duration.ofSeconds(1);
            } catch (SQLException | RuntimeException e) {
                revocations.outOfDate();
                if (!running) {
                    return;
                }
                LOG.warnf("Revocation listener disconnected (%s); retrying in %ds", e.getClass().getSimpleName(),
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

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + Revocations.CHANNEL);
        }
        // LISTEN first, then read: a change committed in between is both read and heard.
        revocations.reload(connection);
        long nextResync = System.nanoTime() + config.resync().toNanos();
        PGConnection notices = connection.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] received = notices.getNotifications(POLL_MILLIS);
            if (received != null) {
                for (PGNotification notice : received) {
                    revocations.onNotification(notice.getParameter(), connection);
                }
            }
            if (System.nanoTime() - nextResync >= 0) {
                revocations.reload(connection);
                nextResync = System.nanoTime() + config.resync().toNanos();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "milie-revocation-listener");
        properties.setProperty("tcpKeepAlive", "true");
        // A query on a dead connection fails within this time instead of hanging (seconds).
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("connectTimeout", "10");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        return connection;
    }
}
