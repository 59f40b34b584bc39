package ci.milie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The manifests the build writes (target/kubernetes/kubernetes.yml: quarkus-kubernetes' output
 * merged with src/main/kubernetes/): every document is read into the Kubernetes model, a field the
 * model does not know fails, and what keeps the service up and configured is checked. An *IT so that
 * it runs after packaging, which writes the file; it starts nothing.
 */
class ManifestsIT {

    private static final Path MANIFESTS = Path.of("target", "kubernetes", "kubernetes.yml");
    private static final ObjectMapper YAML = new YAMLMapper();

    /** Secrets Quarkus reads from the environment without a placeholder in application.properties. */
    private static final Set<String> FRAMEWORK_SECRETS = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD", "SMALLRYE_JWT_SIGN_KEY_ID");
    /** A setting of ours is a secret when its variable's name says so. */
    private static final Pattern SECRET_SETTING = Pattern.compile(
            "\\$\\{((?:MILIE|QUARKUS)_[A-Z0-9_]*(?:KEY|TOKEN|PASSWORD|SECRET|CREDENTIALS))[:}]");

    private static Deployment deployment;
    private static Service service;
    private static Ingress ingress;
    private static HorizontalPodAutoscaler autoscaler;
    private static PodDisruptionBudget disruptionBudget;
    private static JsonNode database;
    private static JsonNode scheduledBackup;

    @BeforeAll
    static void readEveryDocument() throws IOException {
        assertTrue(Files.exists(MANIFESTS), MANIFESTS + " is written by ./mvnw package");
        List<JsonNode> documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(MANIFESTS.toFile()).readAll();
        List<String> kinds = new ArrayList<>();
        for (JsonNode document : documents) {
            String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
            kinds.add(kind);
            switch (kind) {
                case "apps/v1/Deployment" -> deployment = typed(document, Deployment.class);
                case "v1/Service" -> service = typed(document, Service.class);
                case "networking.k8s.io/v1/Ingress" -> ingress = typed(document, Ingress.class);
                case "autoscaling/v2/HorizontalPodAutoscaler" -> autoscaler = typed(document, HorizontalPodAutoscaler.class);
                case "policy/v1/PodDisruptionBudget" -> disruptionBudget = typed(document, PodDisruptionBudget.class);
                case "postgresql.cnpg.io/v1/Cluster" -> database = document;
                case "postgresql.cnpg.io/v1/ScheduledBackup" -> scheduledBackup = document;
                default -> fail("a resource this test does not check yet: " + kind);
            }
        }
        assertEquals(7, documents.size(), "one of each: " + kinds);
    }

    @Test
    void theProbesAskSmallRyeHealthAndLeaveTimeForMigrations() {
        Container app = container();
        assertProbe(app.getStartupProbe(), "/q/health/started");
        assertProbe(app.getReadinessProbe(), "/q/health/ready");
        assertProbe(app.getLivenessProbe(), "/q/health/live");
        Probe startup = app.getStartupProbe();
        assertTrue(startup.getFailureThreshold() * startup.getPeriodSeconds() >= 120,
                "a first start may migrate the schema for minutes before liveness applies");
        assertNotNull(app.getResources().getRequests().get("cpu"), "the autoscaler's utilisation needs a CPU request");
        assertNotNull(app.getResources().getRequests().get("memory"));
        assertNotNull(app.getResources().getLimits().get("memory"));
    }

    @Test
    void aStoppingPodLeavesTheServiceFirstAndFinishesItsWorkWithinTheGracePeriod() throws IOException {
        var preStop = container().getLifecycle().getPreStop().getExec().getCommand();
        assertEquals("sleep", preStop.get(0), "the pod leaves the Service's endpoints before the application stops");
        long sleep = Long.parseLong(preStop.get(1));
        assertTrue(sleep > 0);

        Properties settings = new Properties();
        settings.load(new java.io.StringReader(applicationProperties()));
        assertEquals("true", settings.getProperty("quarkus.shutdown.delay-enabled"), "streams get their hint first");
        long delay = durationDefault(settings, "quarkus.shutdown.delay").toSeconds();
        long timeout = durationDefault(settings, "quarkus.shutdown.timeout").toSeconds();
        assertTrue(timeout > 0, "without a timeout Quarkus does not wait for the requests under way");
        long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertTrue(grace > sleep + delay + 2 * timeout, "requests, then the relay's delivery under way, each up to "
                + timeout + " s after a " + sleep + " s preStop: " + grace + " s is too short");
    }

    @Test
    void theAutoscalerAndTheDisruptionBudgetTargetTheDeployment() {
        var target = autoscaler.getSpec().getScaleTargetRef();
        assertEquals("Deployment", target.getKind());
        assertEquals(deployment.getMetadata().getName(), target.getName());
        int min = autoscaler.getSpec().getMinReplicas();
        assertTrue(min >= 2, "two instances at least, so that one can be drained");
        assertTrue(autoscaler.getSpec().getMaxReplicas() > min);
        assertEquals(50, autoscaler.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization(),
                "scaled with half the CPU free");

        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> selected = disruptionBudget.getSpec().getSelector().getMatchLabels();
        assertFalse(selected.isEmpty());
        assertTrue(podLabels.entrySet().containsAll(selected.entrySet()), "the budget selects the Deployment's pods");
        assertTrue(disruptionBudget.getSpec().getMinAvailable().getIntVal() < min, "a drain can still proceed");
    }

    @Test
    void theServiceReachesThePodsAndTheIngressTheService() {
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        var backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
        assertEquals(service.getMetadata().getName(), backend.getName());
        assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(backend.getPort().getName())));
        assertFalse(ingress.getSpec().getTls().isEmpty(), "TLS ends at the ingress");
        ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> assertEquals("/api",
                path.getPath(), "only the API is routed: health, metrics and OpenAPI under /q/ stay inside the cluster")));
    }

    /**
     * The settings that are not secret (the site's address, the USSD short code…) have no entry of
     * their own: each key of ConfigMap milie-config becomes a variable, as docs/OPERATIONS.md creates it.
     */
    @Test
    void theSettingsThatAreNotSecretComeFromTheConfigMap() {
        assertTrue(container().getEnvFrom().stream().anyMatch(source -> source.getConfigMapRef() != null
                && "milie-config".equals(source.getConfigMapRef().getName())), "envFrom ConfigMap milie-config");
    }

    @Test
    void everySecretTheApplicationNeedsIsReferenced() throws IOException {
        Set<String> needed = new TreeSet<>(FRAMEWORK_SECRETS);
        Matcher matcher = SECRET_SETTING.matcher(applicationProperties());
        while (matcher.find()) {
            needed.add(matcher.group(1));
        }
        Map<String, EnvVar> env = container().getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        for (String name : needed) {
            EnvVar variable = env.get(name);
            assertNotNull(variable, name + " is set in the Deployment");
            assertNotNull(variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef(),
                    name + " comes from a Secret, not from the manifest");
        }
        assertEquals(database.at("/metadata/name").asText() + "-app",
                env.get("QUARKUS_DATASOURCE_JDBC_URL").getValueFrom().getSecretKeyRef().getName(),
                "the database credentials are those CloudNativePG writes for the application");

        for (String file : List.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "SMALLRYE_JWT_SIGN_KEY_LOCATION")) {
            String path = env.get(file).getValue();
            VolumeMount mount = container().getVolumeMounts().stream().filter(m -> path.startsWith(m.getMountPath() + "/"))
                    .findFirst().orElseThrow(() -> new AssertionError(file + " lies in a mounted volume"));
            Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertNotNull(volume.getSecret(), file + " is a file of a Secret");
            assertEquals(volume.getSecret().getSecretName(), env.get("SMALLRYE_JWT_SIGN_KEY_ID").getValueFrom()
                    .getSecretKeyRef().getName(), "the signing key and its id change together");
        }
    }

    @Test
    void theDatabaseClusterHasAReplicaArchivesItsWalAndIsBackedUpEveryDay() throws IOException {
        assertEquals("postgresql.cnpg.io/v1", database.path("apiVersion").asText());
        JsonNode spec = database.path("spec");
        assertTrue(spec.path("instances").asInt() >= 2, "a primary and a replica");
        assertFalse(spec.at("/storage/size").asText().isEmpty(), "storage.size is required");
        assertFalse(spec.at("/bootstrap/initdb/database").asText().isEmpty());
        assertFalse(spec.at("/bootstrap/initdb/owner").asText().isEmpty());
        JsonNode store = spec.at("/backup/barmanObjectStore");
        assertTrue(store.path("destinationPath").asText().matches("(s3|gs|https)://.+"), "WAL goes to object storage");
        for (String credential : List.of("accessKeyId", "secretAccessKey")) {
            assertFalse(store.at("/s3Credentials/" + credential + "/name").asText().isEmpty(), credential + " from a Secret");
            assertFalse(store.at("/s3Credentials/" + credential + "/key").asText().isEmpty());
        }
        assertTrue(store.has("wal"));
        assertFalse(spec.at("/backup/retentionPolicy").asText().isEmpty());

        assertEquals(database.at("/metadata/name").asText(), scheduledBackup.at("/spec/cluster/name").asText());
        assertEquals("barmanObjectStore", scheduledBackup.at("/spec/method").asText());
        assertEquals(6, scheduledBackup.at("/spec/schedule").asText().trim().split("\\s+").length,
                "CloudNativePG's schedule starts with seconds");

        Properties settings = new Properties();
        settings.load(new java.io.StringReader(applicationProperties()));
        int perInstance = poolDefault(settings, "quarkus.datasource.jdbc.max-size")
                + poolDefault(settings, "quarkus.datasource.limits.jdbc.max-size");
        int maxConnections = Integer.parseInt(spec.at("/postgresql/parameters/max_connections").asText());
        assertTrue(autoscaler.getSpec().getMaxReplicas() * perInstance + 10 <= maxConnections,
                "every instance's pools fit within max_connections with room for the operator and superusers");
    }

    private static Container container() {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals(8080, probe.getHttpGet().getPort().getIntVal());
    }

    private static int poolDefault(Properties settings, String key) {
        Matcher value = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}").matcher(settings.getProperty(key));
        assertTrue(value.matches(), key);
        return Integer.parseInt(value.group(1));
    }

    private static java.time.Duration durationDefault(Properties settings, String key) {
        Matcher value = Pattern.compile("\\$\\{[A-Z_]+:(PT[0-9.]+S)}").matcher(settings.getProperty(key));
        assertTrue(value.matches(), key + " has a default");
        return java.time.Duration.parse(value.group(1));
    }

    private static String applicationProperties() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The model keeps fields it does not know in additionalProperties: any there is a field Kubernetes would not know either. */
    private static <T> T typed(JsonNode document, Class<T> type) {
        T resource = YAML.convertValue(document, type);
        assertNoUnknownFields(resource, document.path("kind").asText());
        return resource;
    }

    private static void assertNoUnknownFields(Object node, String path) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertNoUnknownFields(list.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> assertNoUnknownFields(value, path + "." + key));
            return;
        }
        if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                assertTrue(value == null || ((Map<?, ?>) value).isEmpty(), path + ": unknown fields " + value);
            } else if (value instanceof List || value instanceof Map
                    || (value != null && value.getClass().getPackageName().startsWith("io.fabric8"))) {
                assertNoUnknownFields(value, path + "." + getter.getName().substring(3));
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }
}
