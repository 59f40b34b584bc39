package ci.milie.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * PostgreSQL {@code NOTIFY} sent after commit, from a connection of its own, one per burst and at
 * most one per {@code milie.db.notify-gap} (10 ms) on each channel.
 *
 * <p>Why not {@code pg_notify} in the writer's transaction: at commit PostgreSQL takes the
 * notification queue's lock and keeps it until the commit record is flushed, so every notifying
 * transaction of the database commits after the other, each waiting for its own flush: no group
 * commit. Submissions, all of which told the live feed, ran at 8 % of what PostgreSQL does for the
 * same writes without it. Rung after commit instead, one thread per channel sends one notification
 * for however many commits rang meanwhile, in a transaction of its own that does not wait for its
 * flush ({@code synchronous_commit = off}).
 *
 * <p>Only for wake-ups whose listeners read the truth from the database and also read it on a
 * timer (a lost notification, e.g. a crash between a commit and its ring, delays them until that
 * timer; it loses nothing). The payload is empty.
 */
@ApplicationScoped
public class ChannelNotifier {

    private static final Logger LOG = Logger.getLogger(ChannelNotifier.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DirectConnections connections;
    private final long gapNanos;
    private final Map<String, Bell> bells = new ConcurrentHashMap<>();

    ChannelNotifier(DirectConnections connections,
            @ConfigProperty(name = "milie.db.notify-gap", defaultValue = "PT0.01S") Duration gap) {
        this.connections = connections;
        this.gapNanos = gap.toNanos();
    }

    /** Asks for a notification on {@code channel} soon; returns at once, whatever the database's state. */
    public void ring(String channel) {
        bells.computeIfAbsent(channel, Bell::new).ring();
    }

    /** Notifications sent on {@code channel} so far by this instance (each covering one or more rings). */
    public long sent(String channel) {
        Bell bell = bells.get(channel);
        return bell == null ? 0 : bell.sent.get();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        for (Bell bell : bells.values()) {
            bell.stop();
        }
    }

    private final class Bell {
        private final String channel;
        private final AtomicBoolean rung = new AtomicBoolean();
        private final AtomicLong sent = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        Bell(String channel) {
            this.channel = channel;
            this.thread = new Thread(this::run, "notify-" + channel);
            thread.setDaemon(true);
            thread.start();
        }

        void ring() {
            if (rung.compareAndSet(false, true)) {
                LockSupport.unpark(thread);
            }
        }

        void stop() throws InterruptedException {
            running = false;
            LockSupport.unpark(thread);
            thread.join(Duration.ofSeconds(5).toMillis());
        }

        /** Waits the whole delay (rings unpark this thread too), unless stopped. */
        private void pause(long nanos) {
            long until = System.nanoTime() + nanos;
            for (long left = nanos; running && left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
            }
        }

        private void run() {
            Duration backoff = Duration.ofSeconds(1);
            while (running) {
                try (Connection connection = connections.open("notify-" + channel)) {
                    try (Statement session = connection.createStatement()) {
                        session.execute("set synchronous_commit = off");
                    }
                    try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, '')")) {
                        notify.setString(1, channel);
                        backoff = Duration.ofSeconds(1);
                        while (running) {
                            while (running && !rung.get()) {
                                LockSupport.park(this);
                            }
                            if (!running) {
                                return;
                            }
                            // Cleared before sending: a commit that rings meanwhile gets a notification of its own.
                            rung.set(false);
                            try {
                                notify.execute();
                            } catch (SQLException e) {
                                rung.set(true);
                                throw e;
                            }
                            sent.incrementAndGet();
                            // At most one notification per gap: each wakes every instance's listener,
                            // which then reads the feed; the commits of the gap share one.
                            pause(gapNanos);
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    LOG.warnf("Notifier on %s disconnected (%s); retrying in %ds", channel, e.getClass().getSimpleName(),
                            backoff.toSeconds());
                    pause(backoff.toNanos());
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        }
    }
}
