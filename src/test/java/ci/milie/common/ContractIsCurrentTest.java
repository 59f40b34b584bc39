package ci.milie.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed contract is the one the code serves. The Java client of the tests is generated from
 * the committed openapi/openapi.yaml before anything compiles, while the application writes the file
 * from the code only when it starts: a stale committed file would give a stale client and a green
 * build. The build copies the committed file to target/committed-openapi first (the test run rewrites
 * openapi/openapi.yaml before this test reads it), and this test compares that copy with /q/openapi.
 */
@QuarkusTest
class ContractIsCurrentTest {

    private static final Path COMMITTED = Path.of("target", "committed-openapi", "openapi.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theCommittedContractIsTheOneTheCodeServes() throws IOException {
        assertTrue(Files.isRegularFile(COMMITTED),
                COMMITTED + " is missing: it is copied at generate-test-sources, run the tests through Maven");
        JsonNode committed = YAML.readTree(Files.readString(COMMITTED));
        JsonNode served = YAML.readTree(given().get("/q/openapi").then().statusCode(200).extract().asString());

        List<String> differences = new ArrayList<>();
        compare("", committed, served, differences);
        assertEquals(List.of(), differences.stream().limit(20).toList(),
                "openapi/openapi.yaml as committed differs from the contract the code serves (the generated "
                        + "client was built from the committed one). This run has rewritten openapi/openapi.yaml "
                        + "and openapi.json: review and commit them, then build again. Differing places");
    }

    /** Collects the JSON pointers where the two documents differ, deepest first found. */
    private static void compare(String pointer, JsonNode committed, JsonNode served, List<String> differences) {
        if (committed.equals(served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = committed.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                JsonNode other = served.get(field.getKey());
                if (other == null) {
                    differences.add(at + " (only in the committed file)");
                } else {
                    compare(at, field.getValue(), other, differences);
                }
            }
            served.fieldNames().forEachRemaining(name -> {
                if (!committed.has(name)) {
                    differences.add(pointer + "/" + name.replace("~", "~0").replace("/", "~1") + " (only in the served contract)");
                }
            });
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                compare(pointer + "/" + i, committed.get(i), served.get(i), differences);
            }
        } else {
            differences.add(pointer + " (committed " + abbreviated(committed) + ", served " + abbreviated(served) + ")");
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
