package ci.milie.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged application started several times on one PostgreSQL, as behind a load balancer:
 * each instance is the production jar in its own JVM, in the production profile, with the same
 * signing keys. {@code @QuarkusTest} hosts a single application, so whatever must hold across
 * instances (revocation, shared limits) is shown here.
 */
public final class PackagedInstances implements AutoCloseable {

    public static final String ADMIN_EMAIL = "cluster-admin@milie.test";
    public static final String ADMIN_PASSWORD = "Cluster-Admin-2026!";
    /** Shared by every instance, as in production: a retry replayed by another instance opens its key. */
    static final String IDEMPOTENCY_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private final EmbeddedPostgres postgres;
    private final Path workDir;
    private final List<Instance> instances = new ArrayList<>();

    /** One running copy of the jar. */
    public record Instance(String name, String baseUri, Process process, Path log) {
    }

    private PackagedInstances(EmbeddedPostgres postgres, Path workDir) {
        this.postgres = postgres;
        this.workDir = workDir;
    }

    /**
     * Starts the database and {@code count} instances, one after the other (the first migrates
     * the schema), each with the given extra configuration.
     */
    public static PackagedInstances start(int count, Map<String, String> config) throws IOException {
        Path jar = Path.of(System.getProperty("milie.packaged-app", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged application at " + jar + ": run ./mvnw verify");
        }
        Path workDir = Files.createDirectories(Path.of("target", "packaged-instances"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        PackagedInstances cluster = new PackagedInstances(postgres, workDir);
        try {
            Path[] keys = cluster.writeSigningKeys();
            for (int i = 0; i < count; i++) {
                cluster.instances.add(cluster.launch(jar, String.valueOf((char) ('a' + i)), keys, config));
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public Instance get(int index) {
        return instances.get(index);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private Path[] writeSigningKeys() throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path privateKey = workDir.resolve("signing-key.pem");
        Path publicKey = workDir.resolve("verification-key.pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return new Path[] { privateKey, publicKey };
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private Instance launch(Path jar, String name, Path[] keys, Map<String, String> extra) throws IOException {
        int port = freePort();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", String.valueOf(port));
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("smallrye.jwt.sign.key.location", keys[0].toAbsolutePath().toString());
        config.put("mp.jwt.verify.publickey.location", keys[1].toAbsolutePath().toString());
        config.put("milie.idempotency.key", IDEMPOTENCY_KEY);
        config.put("milie.integrations.webhook-key", IDEMPOTENCY_KEY);
        config.put("milie.integrations.webhooks.interval", "off");
        config.put("milie.bootstrap.admin-email", ADMIN_EMAIL);
        config.put("milie.bootstrap.admin-password", ADMIN_PASSWORD);
        config.put("milie.outbox.interval", "off");
        config.put("milie.stats.rollup-interval", "off");
        config.put("quarkus.mailer.mock", "true");
        config.putAll(extra);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Path log = workDir.resolve("instance-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instance instance = new Instance(name, "http://localhost:" + port, process, log);
        awaitReady(instance);
        return instance;
    }

    private static void awaitReady(Instance instance) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!instance.process().isAlive()) {
                throw new IllegalStateException("Instance " + instance.name() + " stopped during start:\n" + tail(instance.log()));
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(instance.baseUri() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Instance " + instance.name() + " not ready after 90 s:\n" + tail(instance.log()));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Instance instance : instances) {
            instance.process().destroy();
        }
        for (Instance instance : instances) {
            try {
                if (!instance.process().waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    instance.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                instance.process().destroyForcibly();
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
