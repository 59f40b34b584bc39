package ci.milie.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every JSON body a test receives through REST Assured is checked against the contract: the
 * operation is found by method and path template in {@code openapi/openapi.yaml} (which the build
 * writes when the application starts for the tests), then the body against the schema of the
 * response's status. A body that a generated client would misread (a required property absent, a
 * null where none is declared, a value outside an enum, an undeclared property) fails the test that
 * received it, naming the operation and the JSON pointer.
 *
 * <p>Installed before each {@code @QuarkusTest} method as a Quarkus test callback (listed in
 * {@code META-INF/services}): it runs in the class loader the test's REST Assured lives in, which a
 * JUnit launcher listener would not. Statuses the contract does not document, and paths it does not
 * list, are left to the tests that ask for them.
 */
public final class ContractConformance implements Filter, QuarkusTestBeforeEachCallback {

    private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    private static volatile Contract contract;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    /** Adds the check to REST Assured's default filters, once. */
    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(ContractConformance.class::isInstance)) {
            RestAssured.filters(new ContractConformance());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        Response response = context.next(request, expected);
        String contentType = response.getContentType() == null ? "" : response.getContentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json") && !contentType.startsWith("application/problem+json")) {
            return response;
        }
        String body = response.asString();
        if (body == null || body.isBlank()) {
            return response;
        }
        List<String> violations = contract().violations(request.getMethod(), URI.create(request.getURI()).getRawPath(),
                response.statusCode(), contentType, body);
        if (!violations.isEmpty()) {
            throw new AssertionError("The response breaks the contract: " + String.join("; ", violations));
        }
        return response;
    }

    /** The paths of the contract the check reads. */
    public static java.util.Set<String> operationPaths() {
        java.util.Set<String> paths = new java.util.HashSet<>();
        contract().document.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    private static Contract contract() {
        if (contract == null) {
            synchronized (ContractConformance.class) {
                if (contract == null) {
                    try {
                        contract = new Contract(new ObjectMapper(new YAMLFactory()).readTree(Files.readString(CONTRACT)));
                    } catch (IOException e) {
                        throw new UncheckedIOException("the contract " + CONTRACT.toAbsolutePath() + " cannot be read", e);
                    }
                }
            }
        }
        return contract;
    }

    /** The operations of a contract, found by method and path; their responses checked against its schemas. */
    public static final class Contract {

        private final JsonNode document;
        private final SchemaCheck check;
        private final List<Template> templates = new ArrayList<>();
        private final ObjectMapper json = new ObjectMapper();

        public Contract(JsonNode document) {
            this.document = document;
            this.check = new SchemaCheck(document);
            for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext();) {
                String path = it.next();
                templates.add(new Template(path, Pattern.compile(
                        Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"))));
            }
            // A literal segment wins over a parameter: /requests/mine before /requests/{id}.
            templates.sort(Comparator.comparingLong((Template t) -> t.path().chars().filter(c -> c == '{').count()));
        }

        /** What is wrong with a response; empty when it conforms or the contract says nothing of it. */
        public List<String> violations(String method, String path, int status, String contentType, String body) {
            String template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).map(Template::path)
                    .findFirst().orElse(null);
            if (template == null) {
                return List.of();
            }
            JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
            JsonNode response = operation.path("responses").path(String.valueOf(status));
            if (response.isMissingNode()) {
                response = operation.path("responses").path("default");
            }
            JsonNode schema = schemaOf(response.path("content"), contentType);
            if (schema == null) {
                return List.of();
            }
            JsonNode value;
            try {
                value = json.readTree(body);
            } catch (IOException e) {
                return List.of("not JSON: " + e.getMessage());
            }
            String name = operation.path("operationId").asText(method + " " + template) + " " + status;
            return check.violations(value, schema).stream().map(v -> name + " " + (v.startsWith(":") ? "(root)" + v : v)).toList();
        }

        private static JsonNode schemaOf(JsonNode content, String contentType) {
            String mediaType = contentType.split(";")[0].trim();
            if (content.has(mediaType)) {
                return content.get(mediaType).get("schema");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> media = it.next();
                if (media.getKey().contains("json")) {
                    return media.getValue().get("schema");
                }
            }
            return null;
        }

        private record Template(String path, Pattern pattern) {
        }
    }
}
