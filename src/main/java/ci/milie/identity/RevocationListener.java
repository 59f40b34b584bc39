package ci.milie.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.postgresql.PGNotification;

import ci.milie.common.db.ChannelListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Hears the other instances' revocations on {@value Revocations#CHANNEL} (a {@link ChannelListener}:
 * one thread, its own connection). After every (re)connection it reloads the whole state, since
 * notices sent while it was away are lost; it also reloads every {@code resync}, as a safety net.
 * A database that is down delays nothing at start: the listener retries with a growing delay, and
 * until it has loaded, tokens are checked against the database.
 */
@ApplicationScoped
class RevocationListener implements ChannelListener.Handler {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Revocations revocations;
    private final RevocationConfig config;
    private final ChannelListener listener;
    private ChannelListener.Running running;
    private long nextResync;

    RevocationListener(Revocations revocations, RevocationConfig config, ChannelListener listener) {
        this.revocations = revocations;
        this.config = config;
        this.listener = listener;
    }

    void start(@Observes StartupEvent event) {
        running = listener.listen("revocation-listener", Revocations.CHANNEL, POLL, this);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public void connected(Connection connection) throws SQLException {
        revocations.reload(connection);
        nextResync = System.nanoTime() + config.resync().toNanos();
    }

    @Override
    public Duration received(Connection connection, PGNotification[] notifications) throws SQLException {
        for (PGNotification notice : notifications) {
            revocations.onNotification(notice.getParameter(), connection);
        }
        if (System.nanoTime() - nextResync >= 0) {
            revocations.reload(connection);
            nextResync = System.nanoTime() + config.resync().toNanos();
        }
        return POLL;
    }

    @Override
    public void disconnected() {
        revocations.outOfDate();
    }
}
