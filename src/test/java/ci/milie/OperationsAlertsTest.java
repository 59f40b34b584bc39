package ci.milie;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.integration.WebhookRelay;
import ci.milie.notification.OutboxRelay;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The alerts of docs/OPERATIONS.md name only metrics, and labels, that the application exports: a
 * renamed metric or label would otherwise leave an alert that never fires.
 */
@QuarkusTest
class OperationsAlertsTest {

    /** One of our metric names, with its label matchers if any: {@code name{label="value", label=~"regex"}}. */
    private static final Pattern SELECTOR = Pattern.compile("\\b((?:milie|http_server|agroal)_[a-z_]+)(?:\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("([a-z_]+)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");

    @Inject
    OutboxRelay outbox;

    @Inject
    WebhookRelay webhooks;

    @Test
    void everyMetricAndLabelTheAlertsNameIsExported() throws IOException {
        // The relays register their meters when created, as a running instance's scheduler creates them;
        // a request's timer exists once a request was answered.
        ClientProxy.unwrap(outbox);
        ClientProxy.unwrap(webhooks);
        given().get("/api/v1/reference").then().statusCode(200);

        List<String> lines = given().get("http://127.0.0.1:" + RestAssured.port + "/q/metrics").then().statusCode(200)
                .extract().asString().lines().filter(line -> !line.startsWith("#")).toList();
        List<String> missing = new ArrayList<>();
        Set<String> named = new TreeSet<>();
        Matcher selector = SELECTOR.matcher(alerts());
        while (selector.find()) {
            String name = selector.group(1);
            named.add(name);
            List<String> series = lines.stream().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
            if (series.isEmpty()) {
                missing.add(name);
                continue;
            }
            Matcher label = MATCHER.matcher(selector.group(2) == null ? "" : selector.group(2));
            while (label.find()) {
                String wanted = label.group(2).equals("=") ? label.group(1) + "=\"" + label.group(3) + "\"" : label.group(1) + "=\"";
                if (series.stream().noneMatch(line -> line.contains("{" + wanted) || line.contains("," + wanted))) {
                    missing.add(name + "{" + wanted + "…}, but " + series);
                }
            }
        }

        assertTrue(named.containsAll(Set.of("milie_outbox_oldest_due_seconds", "milie_webhooks_attempts_failed_total",
                "milie_streams_open", "agroal_awaiting_count", "http_server_requests_seconds_count")), "the alerts name " + named);
        assertTrue(missing.isEmpty(), "named by docs/OPERATIONS.md's alerts but not exported: " + missing);
    }

    private static String alerts() throws IOException {
        String operations = Files.readString(Path.of("docs", "OPERATIONS.md"), StandardCharsets.UTF_8);
        int start = operations.indexOf("\n## Alerts");
        assertTrue(start >= 0, "docs/OPERATIONS.md has a section Alerts");
        int end = operations.indexOf("\n## ", start + 1);
        return operations.substring(start, end < 0 ? operations.length() : end);
    }
}
