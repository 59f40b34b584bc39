package ci.milie.request;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import ci.milie.common.ProblemException;
import ci.milie.identity.Revocations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The live side of an instance: ONE listener on {@value EventFeed#CHANNEL} (its own connection,
 * outside the pool) and ONE reader of the feed, which fans each finished event out to the open
 * streams of this instance. A notification, a short timer while the horizon lags and a slower
 * safety net make it read the feed after its last position; streams themselves hold no database
 * connection. It also beats the streams' heartbeat, ends those whose session ended, and closes
 * them all, with a reconnection hint, at shutdown.
 */
@ApplicationScoped
class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    private static final int PAGE = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final LiveConfig config;
    private final LiveViews views;
    private final Revocations revocations;
    private final DataSource dataSource;
    private final Clock clock;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running;
    private volatile FeedCursor position;
    private Thread reader;
    private ScheduledExecutorService timers;

    LiveEvents(LiveConfig config, LiveViews views, Revocations revocations, DataSource dataSource, Clock clock,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.views = views;
        this.revocations = revocations;
        this.dataSource = dataSource;
        this.clock = clock;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        reader = new Thread(this::run, "live-feed");
        reader.setDaemon(true);
        reader.start();
        timers = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "live-streams");
            thread.setDaemon(true);
            return thread;
        });
        timers.scheduleWithFixedDelay(this::beat, config.heartbeat().toMillis(), config.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::checkSessions, config.sessionCheck().toMillis(),
                config.sessionCheck().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        streams.forEach(stream -> stream.close(config.reconnectDelay().toMillis()));
        streams.clear();
        if (timers != null) {
            timers.shutdownNow();
        }
        if (reader != null) {
            reader.interrupt();
            reader.join(Duration.ofSeconds(5).toMillis());
        }
    }

    /**
     * Admits a stream within the limits (429 beyond, before anything is sent), replays what it
     * missed after {@code lastEventId} (or one reset event when that is out of reach), then lets
     * the live feed through.
     */
    void open(LiveStream stream, String lastEventId) {
        String key = stream.opener().limitKey();
        if (!running) {
            throw ProblemException.tooManyRequests(config.reconnectDelay(), "RATE_LIMITED.streams");
        }
        if (open.incrementAndGet() > config.maxPerInstance()) {
            open.decrementAndGet();
            throw ProblemException.tooManyRequests(config.heartbeat(), "RATE_LIMITED.streams");
        }
        AtomicInteger mine = perCaller.computeIfAbsent(key, k -> new AtomicInteger());
        if (mine.incrementAndGet() > config.maxPerCaller()) {
            mine.decrementAndGet();
            open.decrementAndGet();
            throw ProblemException.tooManyRequests(config.heartbeat(), "RATE_LIMITED.streams");
        }
        boolean replaying = lastEventId != null && !lastEventId.isBlank();
        if (replaying) {
            stream.holdLive();
        } else {
            // A new stream starts at the feed's head: what was finished before it opened is the app's to load.
            stream.startAfter(head());
        }
        streams.add(stream);
        if (replaying) {
            try {
                replay(stream, lastEventId);
            } finally {
                stream.release();
            }
        }
        // The first bytes: the client knows the stream is open even before any event.
        stream.heartbeat();
    }

    private FeedCursor head() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return EventFeed.head(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The live feed could not be read", e);
        }
    }

    private void replay(LiveStream stream, String lastEventId) {
        Optional<FeedCursor> after = FeedCursor.decode(lastEventId);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (after.isEmpty()) {
                stream.reset(EventFeed.head(connection));
                return;
            }
            List<EventFeed.Row> missed = EventFeed.after(connection, after.get(), stream.opener().filter(),
                    config.replayLimit() + 1);
            boolean tooOld = !missed.isEmpty()
                    && missed.get(0).occurredAt().isBefore(clock.instant().minus(config.replayWindow()));
            if (missed.size() > config.replayLimit() || tooOld) {
                stream.reset(EventFeed.head(connection));
                return;
            }
            views.load(missed).forEach(stream::replay);
        } catch (SQLException e) {
            throw new IllegalStateException("The live feed could not be read", e);
        }
    }

    private void forget(LiveStream stream) {
        if (streams.remove(stream)) {
            open.decrementAndGet();
            AtomicInteger mine = perCaller.get(stream.opener().limitKey());
            if (mine != null && mine.decrementAndGet() <= 0) {
                perCaller.remove(stream.opener().limitKey(), mine);
            }
        }
    }

    /** Open streams on this instance (tests, metrics). */
    int openStreams() {
        return open.get();
    }

    private void beat() {
        for (LiveStream stream : streams) {
            if (stream.closed()) {
                forget(stream);
            } else {
                stream.heartbeat();
            }
        }
    }

    private void checkSessions() {
        for (LiveStream stream : streams) {
            try {
                if (stream.closed()) {
                    forget(stream);
                } else if (stream.opener().session().map(session -> !revocations.stillLive(session)).orElse(false)) {
                    stream.close();
                    forget(stream);
                }
            } catch (RuntimeException e) {
                LOG.debugf("Session of a stream not checked this time: %s", e.toString());
            }
        }
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try (Connection connection = connect()) {
                listen(connection);
                backoff = Duration.ofSeconds(1);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Live feed disconnected (%s); retrying in %ds", e.getClass().getSimpleName(), backoff.toSeconds());
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
            statement.execute("LISTEN " + EventFeed.CHANNEL);
        }
        // LISTEN first, then find the position: a move committed in between is read, not lost.
        if (position == null) {
            position = EventFeed.head(connection);
        }
        PGConnection notices = connection.unwrap(PGConnection.class);
        boolean lagging = false;
        while (running) {
            read(connection);
            lagging = EventFeed.lagging(connection, position);
            Duration wait = lagging ? config.lagPoll() : config.safetyNet();
            // Notifications only wake the reader: it reads the feed, whatever they name.
            PGNotification[] received = notices.getNotifications((int) Math.max(1, wait.toMillis()));
            if (received != null && LOG.isTraceEnabled()) {
                LOG.tracef("%d notification(s) on the live feed", received.length);
            }
        }
    }

    private void read(Connection connection) throws SQLException {
        List<EventFeed.Row> rows;
        do {
            rows = EventFeed.after(connection, position, EventFeed.Filter.ALL, PAGE);
            if (rows.isEmpty()) {
                return;
            }
            List<LiveViews.Loaded> loaded = streams.isEmpty() ? List.of() : views.load(rows);
            for (LiveViews.Loaded event : loaded) {
                for (LiveStream stream : streams) {
                    if (stream.closed()) {
                        forget(stream);
                    } else {
                        try {
                            stream.offer(event);
                        } catch (RuntimeException e) {
                            LOG.warnf("A live stream failed on an event and is closed: %s", e.toString());
                            stream.close();
                            forget(stream);
                        }
                    }
                }
            }
            position = rows.get(rows.size() - 1).cursor();
        } while (rows.size() == PAGE);
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "milie-live-feed");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("connectTimeout", "10");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        return connection;
    }
}
