package ci.milie.stats;

import static ci.milie.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.sla.WorkingCalendar;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With a read replica configured, statistics are read through it: here the replica is the same
 * embedded database reached by sessions that are read-only and named, so that the path shows.
 */
@QuarkusTest
@TestProfile(StatsReplicaTest.WithReplica.class)
class StatsReplicaTest {

    /** MILIE_DB_REPLICA_URL pointing at the test database. */
    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.replica.jdbc.url", "${quarkus.datasource.jdbc.url}");
        }
    }

    @Inject
    StatsDatabase database;

    @Inject
    AgroalDataSource primary;

    @Inject
    TestClock clock;

    @Inject
    WorkingCalendar calendar;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void statisticsAreReadThroughTheReplicasReadOnlySessionsWithTheSameFigures() throws SQLException {
        StatsFixture data = StatsFixture.get(clock, calendar);
        data.atEnd(clock);
        assertTrue(database.readsFromReplica());

        as(TestTokens.of("supervisor")).queryParams(data.period()).queryParam("administrationId", data.a.administrationId())
                .get("/api/v1/stats/overview").then().statusCode(200)
                .body("received", equalTo(6))
                .body("answered", equalTo(5));

        assertTrue(replicaSessions() > 0, "the replica's pool opened connections, named milie-replica-reads");
    }

    @Test
    void aWriteSentThroughTheReplicaIsRefused() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> database.entityManager()
                        .createNativeQuery("update stats_rollup_state set rolled_until = rolled_until where id = 1")
                        .executeUpdate()));
        assertTrue(causes(refused).contains("read-only transaction"), causes(refused));
    }

    private int replicaSessions() throws SQLException {
        try (Connection connection = primary.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "select count(*) from pg_stat_activity where application_name = 'milie-replica-reads'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            messages.append(cause.getMessage()).append(" / ");
        }
        return messages.toString();
    }
}
