package ci.milie.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What the contract says about itself to a team that generates a client from it. */
@QuarkusTest
class ContractMetadataTest {

    private static JsonPath contract() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theContractNamesItsProductLicenceAndContact() {
        JsonPath api = contract();
        assertEquals("Miliê API", api.getString("info.title"));
        assertTrue(api.getString("info.description").contains("problem+json"), "the description states the conventions");
        assertEquals("https://creativecommons.org/licenses/by/4.0/", api.getString("info.license.url"));
        assertEquals("https://milie.ci", api.getString("info.contact.url"));
        assertEquals("../README.md", api.getString("externalDocs.url"));
    }

    @Test
    void serversAreTheServingInstanceAndProductionNeverLocalhost() {
        List<String> servers = contract().getList("servers.url");
        assertEquals(List.of("/", "https://api.milie.ci"), servers);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTagOfAnOperationIsDeclaredWithADescription() {
        JsonPath api = contract();
        Set<String> used = new TreeSet<>();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        paths.values().forEach(item -> item.values().forEach(operation -> {
            if (operation instanceof Map<?, ?> op && op.get("tags") instanceof List<?> tags) {
                tags.forEach(tag -> used.add((String) tag));
            }
        }));
        assertFalse(used.isEmpty(), "operations carry tags");
        Map<String, String> declared = new java.util.HashMap<>();
        for (Map<String, Object> tag : (List<Map<String, Object>>) (List<?>) api.getList("tags")) {
            declared.put((String) tag.get("name"), (String) tag.get("description"));
        }
        for (String tag : used) {
            String description = declared.get(tag);
            assertTrue(description != null && !description.isBlank(), tag + " is declared with a description");
        }
    }
}
