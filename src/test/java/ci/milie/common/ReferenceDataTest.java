package ci.milie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ci.milie.support.Api;
import ci.milie.support.Requests;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Categories (like regions, SLA policies, administrations and webhook audiences) are read from
 * memory, and a change is seen at once on the instance that made it, within moments on the others
 * (heard from the database, whatever made the change), and never missed while the listener is away.
 */
@QuarkusTest
class ReferenceDataTest {

    private static final String TRIGGER = "category_reference_change";

    @Test
    void aCategoryDeactivatedThroughTheApiIsRefusedByTheNextSubmission() {
        String category = Requests.Setting.create(false).categoryCode();
        assertEquals(201, submitIn(category));

        Api.asSysadmin().delete("/api/v1/categories/" + Api.categoryId(category)).then().statusCode(204);

        assertEquals(400, submitIn(category));
    }

    @Test
    void categoriesAreServedFromMemoryUntilTheDatabaseSaysTheyChanged() throws Exception {
        String category = Requests.Setting.create(false).categoryCode();
        assertEquals(201, submitIn(category));
        try (Connection admin = superuser(); Statement sql = admin.createStatement()) {
            try {
                sql.execute("alter table category disable trigger " + TRIGGER);
                sql.execute("update category set active = false where code = '" + category + "'");
                assertEquals(201, submitIn(category), "unheard, the change is not seen: the category came from memory");
            } finally {
                sql.execute("alter table category enable trigger " + TRIGGER);
            }

            sql.execute("update category set updated_at = updated_at where code = '" + category + "'");

            assertEquals(400, eventually(category, 400), "heard: the next submissions read it again");
        }
    }

    @Test
    void whatChangedWhileTheListenerWasAwayIsReadAgain() throws Exception {
        String category = Requests.Setting.create(false).categoryCode();
        assertEquals(201, submitIn(category));
        try (Connection admin = superuser(); Statement sql = admin.createStatement()) {
            try {
                sql.execute("alter table category disable trigger " + TRIGGER);
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where application_name = 'milie-reference-listener'");
                sql.execute("update category set active = false where code = '" + category + "'");

                assertEquals(400, eventually(category, 400), "nothing notified: the reconnection forgot the categories");
            } finally {
                sql.execute("alter table category enable trigger " + TRIGGER);
            }
        }
    }

    private static int submitIn(String category) {
        return Api.anonymous().body(Requests.complaint(category, Api.uniqueEmail("reference")))
                .post("/api/v1/requests").then().extract().statusCode();
    }

    /** Submits until the status is {@code wanted}, for at most 15 s; the last status. */
    private static int eventually(String category, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int status = submitIn(category);
        while (status != wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = submitIn(category);
        }
        return status;
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(System.getProperty("milie.embedded-database.url"), "postgres", "postgres");
    }
}
