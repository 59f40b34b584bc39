package ci.milie.common.db;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.Problems;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The server ends every session, as an administrator's pg_terminate_backend, a fast shutdown or a
 * failover does: each pooled connection fails on its next use. That is an outage, answered 503,
 * not a server error, and the pool recovers by itself. (What new connections hear while the
 * server shuts down or starts, SQLState 57P01–57P03, is classified in DatabaseUnavailableTest.)
 */
@QuarkusTest
class ServerEndedConnectionsTest {

    private static final String UNKNOWN_CODE = "/api/v1/tracking/MIL-ZZZZ-0001";

    @Inject
    AgroalDataSource pool;

    @AfterEach
    void leaveNoEndedConnectionInThePool() {
        pool.flush(AgroalDataSource.FlushMode.ALL);
    }

    @Test
    void connectionsTheServerEndedAre503ThenServiceResumes() throws Exception {
        Problems.assertProblem(given().get(UNKNOWN_CODE).then(), 404, "NOT_FOUND");

        try (Connection admin = DriverManager.getConnection(System.getProperty("milie.embedded-database.url"),
                "postgres", "postgres"); Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where pid <> pg_backend_pid() and backend_type = 'client backend'");
        }

        Problems.assertProblem(given().get(UNKNOWN_CODE).then(), 503, "SERVICE_UNAVAILABLE")
                .header("Retry-After", equalTo("5"));
        int status = 503;
        for (int call = 0; call < 40 && status == 503; call++) {
            status = given().get(UNKNOWN_CODE).then().extract().statusCode();
        }
        assertEquals(404, status, "service resumed once the ended connections were dropped");
    }
}
