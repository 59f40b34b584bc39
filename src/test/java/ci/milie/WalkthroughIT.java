package ci.milie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ci.milie.support.PackagedInstances;

/**
 * The README's walkthrough is a script a newcomer runs against {@code ./mvnw quarkus:dev}; here it
 * runs, unchanged and with only its documented tools, against the packaged application holding the
 * same dev seed, so the documentation cannot drift from the API.
 */
class WalkthroughIT {

    static final Path SCRIPT = Path.of("docs", "walkthrough.sh");
    static final Path DEV_SEED = Path.of("src", "main", "resources", "db", "dev", "R__dev_seed.sql");

    static PackagedInstances app;

    @BeforeAll
    static void startTheAppWithTheDevSeed() throws IOException, SQLException {
        app = PackagedInstances.start(1, Map.of());
        // The production jar migrates the schema; the dev seed (a dev-mode Flyway location) is applied
        // on top, exactly as written.
        try (Connection connection = DriverManager.getConnection(app.jdbcUrl(), "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(DEV_SEED, StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theReadmeWalkthroughTakesAComplaintFromSubmissionToClosure() throws Exception {
        Path output = Files.createTempFile("walkthrough", ".log");
        ProcessBuilder script = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        script.environment().put("API", app.get(0).baseUri() + "/api/v1");
        Process process = script.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the walkthrough did not finish in 120 s");
        String log = Files.readString(output, StandardCharsets.UTF_8);

        assertEquals(0, process.exitValue(), "the walkthrough failed:\n" + log);
        assertTrue(log.matches("(?s).*Walkthrough complete: MIL-[0-9A-Z-]+ went from submission to closure\\..*"), log);
    }
}
