package ci.milie.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.quarkus.scheduler.Scheduled;

/**
 * Abuse limits whose counters live in PostgreSQL ({@code rate_limit}), so that every instance
 * behind the load balancer counts the same hits. Each counter is a fixed window that starts with
 * its first hit; one atomic upsert both counts and decides, so concurrent calls cannot slip past
 * a limit. Refused calls answer 429 {@code RATE_LIMITED} with {@code Retry-After}.
 *
 * <p>A hit counts in the caller's transaction (it counts only if what it counts happens). A failure
 * and a sign-in's wait count in a transaction of their own, so that they stand although the call
 * they belong to is refused and rolled back; their connections come from a pool of their own
 * ({@code quarkus.datasource.limits}), never a second one from the pool the caller holds one of.
 */
@ApplicationScoped
public class RateLimiter {

    /** Hints kept per instance before the oldest are dropped (a dropped hint costs one more try). */
    private static final int MAX_HINTS = 100_000;

    private final EntityManager em;
    private final DataSource ownPool;
    private final LimitsConfig config;
    private final ClientAddress clients;
    private final Clock clock;
    /** Counters of failures this instance has seen fail lately: only those are read before a check. */
    private final Map<String, Instant> failureHints = new ConcurrentHashMap<>();

    @Inject
    RateLimiter(EntityManager em, @io.quarkus.agroal.DataSource("limits") DataSource ownPool, LimitsConfig config,
            ClientAddress clients, Clock clock) {
        this.em = em;
        this.ownPool = ownPool;
        this.config = config;
        this.clients = clients;
        this.clock = clock;
    }

    /** The client of the current HTTP request, as the per-address limits count it. */
    public String client() {
        return clients.current();
    }

    /**
     * Counts one hit by {@code value} (an address, a contact…); 429 past the limit. In the caller's
     * transaction, when there is one: the hit counts only if what it counts happens (a submission
     * rolled back sent nothing), and a submission holds one connection, never a second one for its
     * limits (32 at once exhausted a pool of 30 that way).
     */
    @Transactional
    public void hit(Limit limit, String value) {
        if (!config.enabled() || value == null) {
            return;
        }
        count(callersConnection(), limit, value);
    }

    private void count(Sql sql, Limit limit, String value) {
        LimitsConfig.Window window = limit.window(config);
        String key = key(limit.configName(), value);
        Instant now = clock.instant();
        // Counts unless the window is full; a full window is left as it is (a refusal writes nothing).
        List<Object[]> counted = sql.query("""
                insert into rate_limit (key, hits, expires_at) values (?, 1, ?)
                on conflict (key) do update set
                    hits = case when rate_limit.expires_at <= ? then 1 else rate_limit.hits + 1 end,
                    expires_at = case when rate_limit.expires_at <= ? then excluded.expires_at else rate_limit.expires_at end
                where rate_limit.expires_at <= ? or rate_limit.hits < ?
                returning hits""", key, utc(now.plus(window.window())), utc(now), utc(now), utc(now), window.count());
        if (counted.isEmpty()) {
            throw refused(retryAfter(sql, key, now), limit);
        }
    }

    /**
     * Before checking a secret: 429 if {@code value} already failed too often. Reads the counter
     * only when this instance saw it fail lately, so that a right secret costs nothing; another
     * instance's failures are caught by {@link #failed} on the first failure here. A read: it joins
     * the caller's transaction, if any.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void beforeAttempt(Limit limit, String value) {
        if (!config.enabled() || value == null) {
            return;
        }
        String key = key(limit.configName(), value);
        Instant now = clock.instant();
        Instant hint = failureHints.get(key);
        if (hint == null) {
            return;
        }
        if (!hint.isAfter(now)) {
            failureHints.remove(key, hint);
            return;
        }
        List<Object[]> full = callersConnection().query(
                "select expires_at from rate_limit where key = ? and expires_at > ? and hits >= ?", key, utc(now),
                limit.window(config).count());
        if (!full.isEmpty()) {
            throw refused(until(full.get(0)[0], now), limit);
        }
    }

    /** Counts a failure (a wrong key, an unknown code); 429 if it was one too many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Limit limit, String value) {
        if (!config.enabled() || value == null) {
            return;
        }
        String key = key(limit.configName(), value);
        if (failureHints.size() >= MAX_HINTS) {
            failureHints.clear();
        }
        failureHints.put(key, clock.instant().plus(limit.window(config).window()));
        count(ownConnection(), limit, value);
    }

    /**
     * Before checking a password: 429 while the account's wait runs. Once the wait is over, one
     * attempt takes the next turn (its wait is set now, as if it failed), so that concurrent
     * guesses cannot share one turn. A refused attempt does not extend the wait.
     *
     * @return whether failures are on record (a right password then clears them)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean beforeSignIn(String account) {
        if (!config.enabled()) {
            return false;
        }
        String key = key(Limit.SIGN_IN_PER_ACCOUNT, account);
        Instant now = clock.instant();
        Sql sql = ownConnection();
        List<Object[]> rows = sql.query("select hits, not_before from rate_limit where key = ? and expires_at > ?", key,
                utc(now));
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = rows.get(0);
        int failures = ((Number) row[0]).intValue();
        if (row[1] != null && instant(row[1]).isAfter(now)) {
            throw refused(Duration.between(now, instant(row[1])), null);
        }
        LimitsConfig.Delays delays = config.signIn().perAccount();
        if (failures >= delays.afterFailures()) {
            Instant turn = now.plus(delay(failures + 1, delays));
            int taken = sql.update("""
                    update rate_limit set not_before = ?
                    where key = ? and expires_at > ? and (not_before is null or not_before <= ?)""",
                    utc(turn), key, utc(now), utc(now));
            if (taken == 0) {
                throw refused(delay(failures + 1, delays), null);
            }
        }
        return true;
    }

    /** A wrong password (or an unknown account: the same): the failures grow, and so does the wait. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void signInFailed(String account) {
        if (!config.enabled()) {
            return;
        }
        LimitsConfig.Delays delays = config.signIn().perAccount();
        String key = key(Limit.SIGN_IN_PER_ACCOUNT, account);
        Instant now = clock.instant();
        Sql sql = ownConnection();
        Number failures = (Number) sql.query("""
                insert into rate_limit (key, hits, expires_at) values (?, 1, ?)
                on conflict (key) do update set
                    hits = case when rate_limit.expires_at <= ? then 1 else rate_limit.hits + 1 end,
                    expires_at = excluded.expires_at
                returning hits""", key, utc(now.plus(delays.resetAfter())), utc(now)).get(0)[0];
        Instant notBefore = failures.intValue() >= delays.afterFailures() ? now.plus(delay(failures.intValue(), delays)) : null;
        sql.update("update rate_limit set not_before = ? where key = ?", notBefore == null ? null : utc(notBefore), key);
    }

    /** The right password: the account's failures are forgotten. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void signInSucceeded(String account) {
        ownConnection().update("delete from rate_limit where key = ?", key(Limit.SIGN_IN_PER_ACCOUNT, account));
    }

    /** The wait after the n-th failure in a row: initial × 2^(n − afterFailures), at most maxDelay. */
    static Duration delay(int failures, LimitsConfig.Delays delays) {
        int doublings = Math.max(0, Math.min(failures - delays.afterFailures(), 30));
        Duration wait = delays.initialDelay().multipliedBy(1L << doublings);
        return wait.compareTo(delays.maxDelay()) > 0 ? delays.maxDelay() : wait;
    }

    @Scheduled(every = "${milie.limits.purge-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeRegularly() {
        purge();
    }

    /** Deletes the dead counters; harmless on several instances at once. Returns how many. */
    @Transactional
    public int purge() {
        Instant now = clock.instant();
        failureHints.values().removeIf(until -> !until.isAfter(now));
        return em.createNativeQuery("delete from rate_limit where expires_at <= ?1").setParameter(1, utc(now))
                .executeUpdate();
    }

    /** Forgets the counter of {@code value} for that limit, in the caller's transaction (an erasure of its owner's data). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(Limit limit, String value) {
        em.createNativeQuery("delete from rate_limit where key = ?1").setParameter(1, key(limit.configName(), value))
                .executeUpdate();
    }

    /** The limit's name in clear, the value only as a hash: no address, e-mail or phone is stored. */
    static String key(String limit, String value) {
        return limit + ":" + Secrets.sha256(limit + ":" + value);
    }

    private Duration retryAfter(Sql sql, String key, Instant now) {
        List<Object[]> end = sql.query("select expires_at from rate_limit where key = ?", key);
        return end.isEmpty() ? Duration.ofSeconds(1) : until(end.get(0)[0], now);
    }

    /** Statements on one connection: the caller's, or one of the limits' own pool. */
    private interface Sql {
        List<Object[]> query(String statement, Object... parameters);

        int update(String statement, Object... parameters);
    }

    /** The connection of the caller's transaction (or of this method's own, when the caller has none). */
    private Sql callersConnection() {
        Session session = em.unwrap(Session.class);
        return new Sql() {
            @Override
            public List<Object[]> query(String statement, Object... parameters) {
                return session.doReturningWork(connection -> rows(connection, statement, parameters));
            }

            @Override
            public int update(String statement, Object... parameters) {
                return session.doReturningWork(connection -> updated(connection, statement, parameters));
            }
        };
    }

    /** A connection of the limits' own pool, in the current transaction (each method's own). */
    private Sql ownConnection() {
        return new Sql() {
            @Override
            public List<Object[]> query(String statement, Object... parameters) {
                try (Connection connection = ownPool.getConnection()) {
                    return rows(connection, statement, parameters);
                } catch (SQLException e) {
                    throw new IllegalStateException("rate_limit: " + e.getMessage(), e);
                }
            }

            @Override
            public int update(String statement, Object... parameters) {
                try (Connection connection = ownPool.getConnection()) {
                    return updated(connection, statement, parameters);
                } catch (SQLException e) {
                    throw new IllegalStateException("rate_limit: " + e.getMessage(), e);
                }
            }
        };
    }

    private static List<Object[]> rows(Connection connection, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement prepared = prepare(connection, statement, parameters); ResultSet result = prepared.executeQuery()) {
            List<Object[]> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static int updated(Connection connection, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement prepared = prepare(connection, statement, parameters)) {
            return prepared.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String statement, Object... parameters) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                prepared.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                prepared.setObject(i + 1, parameters[i]);
            }
        }
        return prepared;
    }

    private static Duration until(Object end, Instant now) {
        return Duration.between(now, instant(end));
    }

    private static ProblemException refused(Duration retryAfter, Limit limit) {
        return ProblemException.tooManyRequests(retryAfter,
                limit == null ? "RATE_LIMITED.account" : "RATE_LIMITED.attempts");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }
}
