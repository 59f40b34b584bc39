package ci.milie.common;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.postgresql.PGNotification;

import com.github.benmanes.caffeine.cache.Caffeine;

import ci.milie.common.db.ChannelListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reference data kept in memory: what every submission reads and sysadmin rarely changes
 * (categories, regions, SLA policies, administrations, webhook subscriptions). Each
 * {@link Cache} names the tables it is read from and is emptied when any of them changes:
 * <ul>
 * <li>on this instance, when the transaction that changed them ends ({@link #changed}, called by the
 * services that write them), before its response leaves;</li>
 * <li>on every instance, when its listener hears {@value #CHANNEL} (V33's triggers on those tables
 * notify at commit, whatever wrote them), within milliseconds.</li>
 * </ul>
 * While the listener is not connected nothing is served from memory (a change could go unheard):
 * every read goes to the database, as without a cache. A load that overlaps a change is not kept.
 */
@ApplicationScoped
public class ReferenceData implements ChannelListener.Handler {

    static final String CHANNEL = "milie_reference";
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Object KEY = ReferenceData.class;

    /** Values read from some tables, by key; {@code null} values are not cached. */
    public final class Cache<K, V> {
        private final Set<String> tables;
        private final com.github.benmanes.caffeine.cache.Cache<K, V> values;
        private final AtomicLong generation = new AtomicLong();

        private Cache(Set<String> tables, long maximumSize) {
            this.tables = tables;
            this.values = Caffeine.newBuilder().maximumSize(maximumSize).build();
        }

        public V get(K key, Function<K, V> loader) {
            if (!listening || changingHere(tables)) {
                return loader.apply(key);
            }
            V kept = values.getIfPresent(key);
            if (kept != null) {
                return kept;
            }
            long before = generation.get();
            V loaded = loader.apply(key);
            if (loaded != null && listening && generation.get() == before) {
                values.put(key, loaded);
                // a change between the check and the put: forget what may predate it
                if (generation.get() != before) {
                    values.invalidate(key);
                }
            }
            return loaded;
        }

        private void clear() {
            generation.incrementAndGet();
            values.invalidateAll();
        }
    }

    private final ChannelListener listener;
    private final TransactionSynchronizationRegistry transactions;
    private final List<Cache<?, ?>> caches = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private ChannelListener.Running running;

    ReferenceData(ChannelListener listener, TransactionSynchronizationRegistry transactions) {
        this.listener = listener;
        this.transactions = transactions;
    }

    /** A cache of values read from {@code tables}, holding at most {@code maximumSize} of them. */
    public <K, V> Cache<K, V> cache(long maximumSize, String... tables) {
        Cache<K, V> cache = new Cache<>(Set.of(tables), maximumSize);
        for (String table : tables) {
            known.put(table, true);
        }
        caches.add(cache);
        return cache;
    }

    /**
     * {@code table} is being changed in the current transaction: this instance's caches of it are
     * emptied when the transaction ends (committed or not), and at once if there is none.
     */
    public void changed(String table) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            clear(table);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) transactions.getResource(KEY);
        if (pending == null) {
            Set<String> tables = ConcurrentHashMap.newKeySet();
            transactions.putResource(KEY, tables);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    tables.forEach(ReferenceData.this::clear);
                }
            });
            pending = tables;
        }
        pending.add(table);
    }

    /** Whether the current transaction changes one of these tables: it reads them from the database. */
    private boolean changingHere(Set<String> tables) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) transactions.getResource(KEY);
        if (pending == null) {
            return false;
        }
        for (String table : tables) {
            if (pending.contains(table)) {
                return true;
            }
        }
        return false;
    }

    /** Whether caches serve from memory (the listener is connected). */
    public boolean listening() {
        return listening;
    }

    void start(@Observes StartupEvent event) {
        running = listener.listen("reference-listener", CHANNEL, POLL, this);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        listening = false;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public void connected(Connection connection) {
        // LISTEN came first: whatever changed while deaf is read again from now on
        clearAll();
        listening = true;
    }

    @Override
    public Duration received(Connection connection, PGNotification[] notifications) {
        for (PGNotification notice : notifications) {
            String table = notice.getParameter();
            if (known.containsKey(table)) {
                clear(table);
            } else {
                clearAll();
            }
        }
        return POLL;
    }

    @Override
    public void disconnected() {
        listening = false;
        clearAll();
    }

    private void clear(String table) {
        for (Cache<?, ?> cache : caches) {
            if (cache.tables.contains(table)) {
                cache.clear();
            }
        }
    }

    private void clearAll() {
        caches.forEach(Cache::clear);
    }
}
