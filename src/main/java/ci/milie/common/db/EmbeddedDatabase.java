package ci.milie.common.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * Starts one embedded PostgreSQL per JVM (zonky binaries, an optional dependency absent from the
 * production artifact). The URL is also published as system properties so that every later
 * configuration build of the same JVM (Quarkus builds several, in several class loaders) reuses
 * the same server instead of starting another.
 */
final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String MARKER = "milie.embedded-database.url";

    private EmbeddedDatabase() {
    }

    static boolean available() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false,
                    EmbeddedDatabase.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static synchronized Map<String, String> startOnce(boolean throwaway) {
        String url = System.getProperty(MARKER);
        if (url == null) {
            url = start(throwaway);
            System.setProperty(MARKER, url);
        }
        return Map.of(
                EmbeddedDatabaseConfigSourceFactory.URL, url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private static String start(boolean throwaway) {
        try {
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", throwaway ? "off" : "on");
            if (!throwaway) {
                // Dev data survives restarts of quarkus:dev; `./mvnw clean` wipes it.
                Path dir = Path.of("target", "embedded-postgresql");
                Files.createDirectories(dir);
                builder.setDataDirectory(dir.toAbsolutePath()).setCleanDataDirectory(false);
            }
            var postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is going away; nothing left to do
                }
            }, "embedded-postgresql-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            LOG.infof("Embedded PostgreSQL started on port %d (no datasource URL configured)", postgres.getPort());
            return url;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
