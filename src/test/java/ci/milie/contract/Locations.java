package ci.milie.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import ci.milie.client.ApiClient;
import ci.milie.client.ApiResponse;
import ci.milie.client.api.AnswersApi;
import ci.milie.client.api.AttachmentsApi;
import ci.milie.client.api.AuthenticationApi;
import ci.milie.client.api.DirectoryApi;
import ci.milie.client.api.FeedbackApi;
import ci.milie.client.api.PrivacyApi;
import ci.milie.client.api.ReferenceDataApi;
import ci.milie.client.api.RequestsApi;
import ci.milie.client.api.SlaApi;
import ci.milie.client.api.StaffApi;
import ci.milie.client.api.StatisticsApi;
import ci.milie.client.api.TrackingApi;
import ci.milie.client.api.WorkQueuesApi;

/**
 * Follows a {@code Location} header the way a generated client can: the URL's path is matched against
 * the contract's GET paths, and the GET operation found there is called by its operationId through
 * the generated API class, the path's values as its parameters. The contract read is the committed
 * copy the client was generated from.
 */
final class Locations {

    private static final Path CONTRACT = Path.of("target", "committed-openapi", "openapi.yaml");
    private static final List<Class<?>> APIS = List.of(AnswersApi.class, AttachmentsApi.class, AuthenticationApi.class,
            DirectoryApi.class, FeedbackApi.class, PrivacyApi.class, ReferenceDataApi.class, RequestsApi.class,
            SlaApi.class, StaffApi.class, StatisticsApi.class, TrackingApi.class, WorkQueuesApi.class);
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private record Get(String template, Pattern pattern, List<String> parameters, String operationId) {
    }

    private static List<Get> gets;

    private Locations() {
    }

    /** The response's Location, if any, followed by the same caller: it answers 200 with the named resource. */
    static void follow(ApiResponse<?> response, Caller caller) {
        List<String> locations = response.getHeaders().getOrDefault("location", List.of());
        assertTrue(locations.size() <= 1, "at most one Location: " + locations);
        if (!locations.isEmpty()) {
            followed(locations.get(0), caller);
        }
    }

    /** The response's Location, which it must carry, followed by the same caller; what the GET returned. */
    static Object followRequired(ApiResponse<?> response, Caller caller) {
        List<String> locations = response.getHeaders().getOrDefault("location", List.of());
        assertEquals(1, locations.size(), "one Location header");
        return followed(locations.get(0), caller);
    }

    private static Object followed(String location, Caller caller) {
        URI uri = URI.create(location);
        assertTrue(uri.isAbsolute(), "an absolute Location: " + location);
        assertEquals(URI.create(caller.client().getBaseUri()).getAuthority(), uri.getAuthority(),
                "the Location names this application: " + location);
        String path = uri.getRawPath();
        Get get = contractGets().stream()
                .filter(candidate -> candidate.pattern().matcher(path).matches())
                // A literal segment beats a parameter: /requests/mine, were there one, before /requests/{id}.
                .min(Comparator.comparingInt(candidate -> candidate.parameters().size()))
                .orElseGet(() -> fail("no GET in the contract matches the Location " + location));
        Matcher matcher = get.pattern().matcher(path);
        assertTrue(matcher.matches());
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < get.parameters().size(); i++) {
            values.put(get.parameters().get(i), matcher.group(i + 1));
        }

        ApiResponse<?> read = call(get, values, caller);
        assertEquals(200, read.getStatusCode(), get.operationId() + " at " + location);
        if (!get.parameters().isEmpty()) {
            String last = values.get(get.parameters().get(get.parameters().size() - 1));
            assertEquals(last, String.valueOf(idOf(read.getData())),
                    get.operationId() + " returns the resource the Location names");
        }
        return read.getData();
    }

    private static ApiResponse<?> call(Get get, Map<String, String> values, Caller caller) {
        Method method = APIS.stream().flatMap(api -> java.util.Arrays.stream(api.getMethods()))
                .filter(m -> m.getName().equals(get.operationId() + "WithHttpInfo"))
                .filter(m -> m.getParameterCount() == 0 || m.getParameterTypes()[m.getParameterCount() - 1] != Map.class)
                .findFirst()
                .orElseGet(() -> fail("the generated client has no operation " + get.operationId()));
        List<Object> arguments = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            assertTrue(parameter.isNamePresent(), "the generated client is compiled with -parameters");
            String name = parameter.getName();
            if (values.containsKey(name)) {
                String value = values.get(name);
                arguments.add(parameter.getType() == UUID.class ? UUID.fromString(value) : value);
            } else if (name.equals("xAccessKey")) {
                arguments.add(caller.accessKey());
            } else {
                arguments.add(null);
            }
        }
        try {
            Object api = method.getDeclaringClass().getConstructor(ApiClient.class).newInstance(caller.client());
            return (ApiResponse<?>) method.invoke(api, arguments.toArray());
        } catch (InvocationTargetException e) {
            return fail(get.operationId() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object idOf(Object body) {
        try {
            return body.getClass().getMethod("getId").invoke(body);
        } catch (ReflectiveOperationException e) {
            return fail(body.getClass().getSimpleName() + " has no id", e);
        }
    }

    private static synchronized List<Get> contractGets() {
        if (gets == null) {
            try {
                JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(CONTRACT)).path("paths");
                List<Get> found = new ArrayList<>();
                paths.fields().forEachRemaining(entry -> Optional.ofNullable(entry.getValue().get("get"))
                        .ifPresent(operation -> found.add(get(entry.getKey(), operation.path("operationId").asText()))));
                gets = found;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return gets;
    }

    private static Get get(String template, String operationId) {
        List<String> parameters = new ArrayList<>();
        Matcher matcher = TEMPLATE_PARAMETER.matcher(template);
        StringBuilder regex = new StringBuilder();
        int from = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(from, matcher.start()))).append("([^/]+)");
            parameters.add(matcher.group(1));
            from = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(from)));
        return new Get(template, Pattern.compile(regex.toString()), parameters, operationId);
    }
}
