package ci.milie.request;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.postgresql.PGNotification;

import ci.milie.common.ProblemException;
import ci.milie.common.db.ChannelListener;
import ci.milie.identity.Revocations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The live side of an instance: ONE listener on {@value EventFeed#CHANNEL} (a {@link ChannelListener}:
 * its own connection, outside the pool), which is also the ONE reader of the feed: it fans each
 * finished event out to the open streams of this instance. A notification, a short timer while the horizon lags and a slower
 * safety net make it read the feed after its last position; streams themselves hold no database
 * connection. It also beats the streams' heartbeat, ends those whose session ended, and closes
 * them all, with a reconnection hint, at shutdown.
 */
@ApplicationScoped
class LiveEvents implements ChannelListener.Handler {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    private static final int PAGE = 500;

    private final LiveConfig config;
    private final LiveViews views;
    private final Revocations revocations;
    private final DataSource dataSource;
    private final Clock clock;
    private final ChannelListener listener;
    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running;
    private volatile FeedCursor position;
    private ChannelListener.Running reader;
    private ScheduledExecutorService timers;

    LiveEvents(LiveConfig config, LiveViews views, Revocations revocations, DataSource dataSource, Clock clock,
            ChannelListener listener, MeterRegistry registry) {
        // The figure the per-instance limit compares (429 past milie.streams.max-per-instance).
        Gauge.builder("milie.streams.open", open, AtomicInteger::get).description("Live streams open on this instance")
                .register(registry);
        this.config = config;
        this.views = views;
        this.revocations = revocations;
        this.dataSource = dataSource;
        this.clock = clock;
        this.listener = listener;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        reader = listener.listen("live-feed", EventFeed.CHANNEL, config.lagPoll(), this);
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

    /**
     * The first step of a shutdown (quarkus.shutdown.delay-enabled), while the HTTP server still
     * writes: each stream gets its reconnection hint and ends, and no new one is admitted. By
     * {@link ShutdownEvent} the server has closed its connections.
     */
    void closeStreams(@Observes ShutdownDelayInitiatedEvent event) {
        running = false;
        streams.forEach(stream -> stream.close(config.reconnectDelay().toMillis()));
        streams.clear();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        closeStreams(null);
        if (timers != null) {
            timers.shutdownNow();
        }
        if (reader != null) {
            reader.stop();
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

    @Override
    public void connected(Connection connection) throws SQLException {
        // LISTEN came first: a move committed before the position is found is read, not lost.
        if (position == null) {
            position = EventFeed.head(connection);
        }
        read(connection);
    }

    /** Notifications only wake the reader: it reads the feed, whatever they name. */
    @Override
    public Duration received(Connection connection, PGNotification[] notifications) throws SQLException {
        if (notifications.length > 0 && LOG.isTraceEnabled()) {
            LOG.tracef("%d notification(s) on the live feed", notifications.length);
        }
        read(connection);
        return EventFeed.lagging(connection, position) ? config.lagPoll() : config.safetyNet();
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
}
