package ci.milie.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The dev seed only runs in dev mode; here it runs twice against the test schema inside a
 * transaction that is rolled back, so that a broken or non-idempotent seed fails the build
 * without leaving its rows behind for other tests.
 */
@QuarkusTest
class DevSeedTest {

    private static final String SEED = "db/dev/R__dev_seed.sql";

    @Inject
    DataSource dataSource;

    @Test
    void seedAppliesTwiceAndKeepsTheDirectoryRules() throws Exception {
        String script = read(SEED);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(script);
                int administrations = count(statement, "select count(*) from administration where id::text like 'a0000000-%'");
                int categories = count(statement, "select count(*) from category where id::text like 'c0000000-%'");
                statement.execute(script);

                assertEquals(administrations, count(statement, "select count(*) from administration where id::text like 'a0000000-%'"));
                assertEquals(categories, count(statement, "select count(*) from category where id::text like 'c0000000-%'"));
                assertTrue(administrations >= 25, "administrations: " + administrations);
                assertTrue(categories >= 20, "categories: " + categories);
                assertEquals(0, count(statement, """
                        select count(*) from administration
                        where id::text like 'a0000000-%' and code !~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'"""), "administration codes");
                assertEquals(0, count(statement, """
                        select count(*) from category
                        where id::text like 'c0000000-%' and code !~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'"""), "category codes");
                assertEquals(0, count(statement, """
                        select count(*) from category c join category p on p.id = c.parent_id
                        where c.id::text like 'c0000000-%' and p.parent_id is not null"""), "two levels at most");
                assertEquals(0, count(statement, """
                        select count(*) from category c
                        where c.id::text like 'c0000000-%' and c.parent_id is not null
                          and c.default_administration_id is null"""), "every sub-category routes somewhere");
                assertEquals(0, count(statement, """
                        select count(*) from category c
                        where c.id::text like 'c0000000-%' and (cardinality(c.applicable_types) = 0
                           or not c.applicable_types <@ array['COMPLAINT', 'SUGGESTION', 'OBSERVATION']::varchar[])"""),
                        "applicable types");
                assertEquals(1, count(statement, """
                        select count(*) from category c join administration a on a.id = c.default_administration_id
                        where c.code = 'ETAT-CIVIL' and a.code = 'ONECI'"""), "ETAT-CIVIL goes to ONECI");
            } finally {
                connection.rollback();
            }
        }
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
