package ci.milie.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The contract the mobile team builds on documents every operation completely. */
@QuarkusTest
class OpenApiContractTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> operations(JsonPath api) {
        List<Map<String, Object>> all = new ArrayList<>();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && List.of("get", "post", "put", "delete", "patch").contains(method)) {
                Map<String, Object> copy = new java.util.HashMap<>((Map<String, Object>) op);
                copy.put("_name", method.toUpperCase() + " " + path);
                all.add(copy);
            }
        }));
        return all;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummarySecurityAndProblemErrors() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> operations = operations(api);
        assertTrue(operations.size() >= 10, "the contract lists the API's operations");

        java.util.Set<Object> operationIds = new java.util.HashSet<>();
        for (Map<String, Object> operation : operations) {
            String name = (String) operation.get("_name");
            assertTrue(operationIds.add(operation.get("operationId")), name + " has a unique operationId");
            assertTrue(operation.get("summary") instanceof String s && !s.isBlank(), name + " has a summary");
            assertTrue(operation.containsKey("security"), name + " states its security requirement");
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), name + " documents its success");
            assertTrue(responses.containsKey("500"), name + " documents 500");
            // An operation of another standard (x-own-errors: OAuth 2.0's token endpoint) writes its 4xx in it.
            boolean ownErrors = operation.containsKey(ApiContract.OWN_ERRORS);
            ((Map<String, Object>) (Map<?, ?>) responses).forEach((code, value) -> {
                // Extensions (x-…) sit among the codes: only error responses are looked at.
                if (!code.startsWith("4") && !code.startsWith("5")) {
                    return;
                }
                Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) value).get("content");
                if (code.startsWith("4") && ownErrors) {
                    assertTrue(content != null && content.containsKey("application/json"),
                            name + " " + code + " is in the operation's own JSON format");
                } else {
                    assertTrue(content != null && content.containsKey("application/problem+json"),
                            name + " " + code + " is problem+json");
                }
            });
            List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
            if (security.stream().anyMatch(alternative -> alternative.containsKey("bearer"))) {
                assertTrue(responses.containsKey("401"), name + " accepts a token and documents 401");
            }
            if (!security.isEmpty() && security.stream().allMatch(alternative -> alternative.containsKey("bearer"))) {
                assertTrue(responses.containsKey("403"), name + " requires a token and documents 403");
            }
            if (security.stream().anyMatch(alternative -> alternative.containsKey("accessKey"))) {
                assertTrue(responses.containsKey("429"), name + " accepts an access key and documents 429");
            }
        }
    }

    @Test
    void everySchemaHasANameOfItsOwn() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> schemas = api.getMap("components.schemas");
        assertTrue(schemas.containsKey("AdministrationRef") && schemas.containsKey("ReviewDecision")
                && schemas.containsKey("QualificationDecision"), "the contract lists its schemas");
        // Two types under one name come out as Name and Name1: each needs its own @Schema(name = ...).
        List<String> numbered = schemas.keySet().stream()
                .filter(name -> Character.isDigit(name.charAt(name.length() - 1))).sorted().toList();
        assertEquals(List.of(), numbered, "schema names ending with a digit");
    }

    @Test
    @SuppressWarnings("unchecked")
    void responsePropertiesAreRequiredNullOnlyWhereDeclaredAndNoneHasATypeBesideAReference() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        List<String> required = api.getList("components.schemas.TrackingView.required");
        // Present even when null: a generated client reads `administrationName: string | null`, never `administrationName?`.
        assertTrue(required.containsAll(List.of("trackingCode", "status", "submittedAt", "timeline", "administrationName", "dueAt")),
                required.toString());
        assertEquals(List.of("string", "null"), api.getList("components.schemas.TrackingView.properties.administrationName.type"));
        assertEquals(List.of("UNDER_REVIEW", "RETURNED", "DELIVERED"), api.getList("components.schemas.AnswerView.properties.status.enum"));

        List<String> typedReferences = new ArrayList<>();
        Map<String, Map<String, Object>> schemas = api.getMap("components.schemas");
        schemas.forEach((name, schema) -> {
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            if (properties != null) {
                properties.forEach((property, definition) -> {
                    if (definition.containsKey("type") && (definition.containsKey("$ref") || definition.containsKey("anyOf"))) {
                        typedReferences.add(name + "." + property);
                    }
                });
            }
        });
        assertEquals(List.of(), typedReferences, "properties with a type beside a $ref or anyOf");
    }

    @Test
    void everyTestChecksTheBodiesItReceivesAgainstTheContract() {
        assertTrue(io.restassured.RestAssured.filters().stream().anyMatch(ci.milie.support.ContractConformance.class::isInstance),
                "the conformance filter is installed before each @QuarkusTest method");
        // The live document and the file the check reads agree on the operations they list.
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals(api.getMap("paths").keySet(), ci.milie.support.ContractConformance.operationPaths());
    }

    @Test
    void staffOperationsRequireABearerTokenAndLoginDoesNot() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(Map.of("bearer", List.of("sysadmin"))), api.getList("paths.'/api/v1/staff'.get.security"));
        assertEquals(List.of(), api.getList("paths.'/api/v1/auth/login'.post.security"));
    }

    @Test
    void citizenOperationsTakeATokenOrTheRequestsAccessKey() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("type", "apiKey", "in", "header", "name", "X-Access-Key"),
                Map.of("type", api.getString("components.securitySchemes.accessKey.type"),
                        "in", api.getString("components.securitySchemes.accessKey.in"),
                        "name", api.getString("components.securitySchemes.accessKey.name")));
        assertEquals(List.of(Map.of("bearer", List.of()), Map.of("accessKey", List.of())),
                api.getList("paths.'/api/v1/requests/{id}'.get.security"));
        assertEquals(List.of(Map.of("bearer", List.of()), Map.of("accessKey", List.of())),
                api.getList("paths.'/api/v1/requests/{id}/feedback'.post.security"));
        assertEquals(List.of(Map.of(), Map.of("bearer", List.of())), api.getList("paths.'/api/v1/requests'.post.security"));
        assertEquals(List.of(Map.of(), Map.of("accessKey", List.of())),
                api.getList("paths.'/api/v1/tracking/{trackingCode}'.get.security"));
        assertEquals(List.of(Map.of("accessKey", List.of())),
                api.getList("paths.'/api/v1/tracking/{trackingCode}/privacy/erasure'.post.security"));
    }
}
