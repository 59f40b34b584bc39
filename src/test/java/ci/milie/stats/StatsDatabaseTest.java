package ci.milie.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Without MILIE_DB_REPLICA_URL (the default), statistics read the primary, which also takes writes. */
@QuarkusTest
class StatsDatabaseTest {

    @Inject
    StatsDatabase database;

    @Test
    void withoutAReplicaStatisticsReadThePrimary() {
        assertFalse(database.readsFromReplica());
        int updated = QuarkusTransaction.requiringNew().call(() -> database.entityManager()
                .createNativeQuery("update stats_rollup_state set rolled_until = rolled_until where id = 0")
                .executeUpdate());
        assertEquals(0, updated, "a write goes through: this is the primary's read-write session");
    }
}
