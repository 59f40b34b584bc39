package ci.milie.sla;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Api.url;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.directory.DirectoryQueries;
import ci.milie.support.Api;
import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SlaPolicyResourceTest {

    static final String POLICIES = "/api/v1/sla-policies";

    @Inject
    DirectoryQueries directory;

    static Map<String, Object> allowance(int amount, String unit) {
        return Map.of("amount", amount, "unit", unit);
    }

    static Map<String, Object> policy(String type, UUID categoryId) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestType", type);
        body.put("categoryId", categoryId == null ? null : categoryId.toString());
        body.put("triage", allowance(4, "WORKING_HOURS"));
        body.put("acknowledgement", allowance(1, "WORKING_DAYS"));
        body.put("answer", allowance(5, "WORKING_DAYS"));
        return body;
    }

    /** A new active category accepting every type, and its id. */
    UUID newCategory() {
        String code = Api.createCategory(Api.createAdministration(true));
        return directory.activeCategory(code).orElseThrow().id();
    }

    static JsonPath typeDefault(String type) {
        return as(TestTokens.of("supervisor")).queryParam("type", type).get(POLICIES).then()
                .statusCode(200).body("items[0].typeDefault", equalTo(true))
                .extract().jsonPath().setRootPath("items[0]");
    }

    @Test
    void everyTypeHasTheSeededDefault() {
        as(TestTokens.of("osep")).get(POLICIES).then().statusCode(200)
                .body("items.findAll { it.typeDefault }.requestType", contains("COMPLAINT", "OBSERVATION", "SUGGESTION"));
        JsonPath complaint = typeDefault("COMPLAINT");
        assertEquals(Map.of("amount", 1, "unit", "WORKING_DAYS"), complaint.getMap("triage"));
        assertEquals(Map.of("amount", 2, "unit", "WORKING_DAYS"), complaint.getMap("acknowledgement"));
        assertEquals(Map.of("amount", 3, "unit", "WORKING_DAYS"), complaint.getMap("answer"));
        assertNull(complaint.get("categoryId"));
        for (String type : List.of("SUGGESTION", "OBSERVATION")) {
            assertEquals(Map.of("amount", 10, "unit", "WORKING_DAYS"), typeDefault(type).getMap("answer"), type);
        }
    }

    @Test
    void sysadminGivesACategoryItsOwnPolicy() {
        UUID category = newCategory();
        String code = directory.category(category).orElseThrow().code();

        var created = asSysadmin().body(policy("COMPLAINT", category)).post(POLICIES).then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("requestType", equalTo("COMPLAINT"))
                .body("categoryId", equalTo(category.toString()))
                .body("categoryCode", equalTo(code))
                .body("typeDefault", equalTo(false))
                .body("triage.amount", equalTo(4))
                .body("triage.unit", equalTo("WORKING_HOURS"))
                .body("acknowledgement.amount", equalTo(1))
                .body("answer.amount", equalTo(5))
                .body("answer.unit", equalTo("WORKING_DAYS"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue());
        String id = created.extract().path("id");
        created.header("Location", equalTo(url("/api/v1/sla-policies/" + id)));

        as(TestTokens.of("osep")).get(POLICIES + "/" + id).then().statusCode(200)
                .body("categoryCode", equalTo(code)).body("answer.amount", equalTo(5));
        as(TestTokens.of("supervisor")).queryParam("categoryId", category.toString()).get(POLICIES).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void aSecondPolicyForTheSameTypeAndCategoryGets409() {
        UUID category = newCategory();
        asSysadmin().body(policy("SUGGESTION", category)).post(POLICIES).then().statusCode(201);

        assertProblem(asSysadmin().body(policy("SUGGESTION", category)).post(POLICIES).then(), 409, "DUPLICATE_POLICY");
        assertProblem(asSysadmin().body(policy("COMPLAINT", null)).post(POLICIES).then(), 409, "DUPLICATE_POLICY");
        asSysadmin().body(policy("OBSERVATION", category)).post(POLICIES).then().statusCode(201);
    }

    @Test
    void aPolicyIsChangedWithItsVersionAndAStaleVersionGets409() {
        UUID category = newCategory();
        String id = asSysadmin().body(policy("COMPLAINT", category)).post(POLICIES).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> change = new HashMap<>();
        change.put("triage", allowance(8, "WORKING_HOURS"));
        change.put("acknowledgement", allowance(16, "WORKING_HOURS"));
        change.put("answer", allowance(2, "WORKING_DAYS"));
        change.put("version", 0);

        asSysadmin().body(change).put(POLICIES + "/" + id).then().statusCode(200)
                .body("triage.amount", equalTo(8))
                .body("acknowledgement.unit", equalTo("WORKING_HOURS"))
                .body("answer.amount", equalTo(2))
                .body("categoryId", equalTo(category.toString()))
                .body("version", equalTo(1));

        assertProblem(asSysadmin().body(change).put(POLICIES + "/" + id).then(), 409, "CONCURRENT_MODIFICATION");
        assertProblem(asSysadmin().body(change).put(POLICIES + "/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
    }

    @Test
    void aTypeDefaultCanBeChangedButNotDeleted() {
        JsonPath suggestion = typeDefault("SUGGESTION");
        String id = suggestion.getString("id");
        Map<String, Object> change = new HashMap<>();
        change.put("triage", suggestion.getMap("triage"));
        change.put("acknowledgement", suggestion.getMap("acknowledgement"));
        change.put("answer", allowance(12, "WORKING_DAYS"));
        try {
            asSysadmin().body(change).put(POLICIES + "/" + id).then().statusCode(200)
                    .body("typeDefault", equalTo(true)).body("answer.amount", equalTo(12));
        } finally {
            change.put("answer", allowance(10, "WORKING_DAYS"));
            asSysadmin().body(change).put(POLICIES + "/" + id).then().statusCode(200);
        }

        assertProblem(asSysadmin().delete(POLICIES + "/" + id).then(), 409, "DEFAULT_POLICY_REQUIRED");
        typeDefault("SUGGESTION");
    }

    @Test
    void aCategoryPolicyIsDeleted() {
        String id = asSysadmin().body(policy("COMPLAINT", newCategory())).post(POLICIES).then().statusCode(201)
                .extract().path("id");

        asSysadmin().delete(POLICIES + "/" + id).then().statusCode(204);
        assertProblem(asSysadmin().get(POLICIES + "/" + id).then(), 404, "NOT_FOUND");
        assertProblem(asSysadmin().delete(POLICIES + "/" + id).then(), 404, "NOT_FOUND");
    }

    @Test
    void onlySysadminChangesPoliciesAndOnlyOverseersReadThem() {
        UUID category = newCategory();
        String id = typeDefault("COMPLAINT").getString("id");
        Map<String, Object> change = Map.of("triage", allowance(1, "WORKING_DAYS"),
                "acknowledgement", allowance(2, "WORKING_DAYS"), "answer", allowance(3, "WORKING_DAYS"));
        for (String role : List.of("osep", "supervisor", "agent", "operator", "citizen")) {
            String token = TestTokens.of(role);
            assertProblem(as(token).body(policy("COMPLAINT", category)).post(POLICIES).then(), 403, "FORBIDDEN");
            assertProblem(as(token).body(change).put(POLICIES + "/" + id).then(), 403, "FORBIDDEN");
            assertProblem(as(token).delete(POLICIES + "/" + id).then(), 403, "FORBIDDEN");
        }
        for (String role : List.of("agent", "operator", "citizen")) {
            assertProblem(as(TestTokens.of(role)).get(POLICIES).then(), 403, "FORBIDDEN");
            assertProblem(as(TestTokens.of(role)).get(POLICIES + "/" + id).then(), 403, "FORBIDDEN");
        }
        assertProblem(anonymous().get(POLICIES).then(), 401, "UNAUTHENTICATED");
        as(TestTokens.of("supervisor")).queryParam("categoryId", category.toString()).get(POLICIES).then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void invalidPoliciesGet400WithTheirFields() {
        Map<String, Object> body = policy(null, newCategory());
        body.put("triage", Map.of("amount", 0, "unit", "WORKING_DAYS"));
        body.put("acknowledgement", Map.of("amount", 2));
        body.remove("answer");
        assertProblem(asSysadmin().body(body).post(POLICIES).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", hasItems("requestType", "triage.amount", "acknowledgement.unit", "answer"));

        body = policy("COMPLAINT", newCategory());
        body.put("answer", allowance(366, "WORKING_DAYS"));
        assertProblem(asSysadmin().body(body).post(POLICIES).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("answer.amount"));

        body = policy("COMPLAINT", newCategory());
        body.put("triage", Map.of("amount", 1, "unit", "DAYS"));
        assertProblem(asSysadmin().body(body).post(POLICIES).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("triage.unit"));

        assertProblem(asSysadmin().body(policy("COMPLAINT", UUID.randomUUID())).post(POLICIES).then(), 400,
                "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("categoryId"));

        assertProblem(as(TestTokens.of("osep")).queryParam("type", "PETITION").get(POLICIES).then(), 400,
                "VALIDATION_FAILED").body("violations[0].field", equalTo("type"));
    }

    @Test
    void aPolicyForATypeTheCategoryDoesNotAcceptGets400() {
        String code = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        asSysadmin().body(Map.of("code", code, "labelFr", "Plaintes seulement", "labelEn", "Complaints only",
                "applicableTypes", List.of("COMPLAINT"))).post("/api/v1/categories").then().statusCode(201);
        UUID category = directory.activeCategory(code).orElseThrow().id();

        assertProblem(asSysadmin().body(policy("SUGGESTION", category)).post(POLICIES).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("requestType"));
    }

    @Test
    void policiesArePagedByTypeWithEachDefaultFirst() {
        UUID category = newCategory();
        asSysadmin().body(policy("COMPLAINT", category)).post(POLICIES).then().statusCode(201);
        asSysadmin().body(policy("OBSERVATION", category)).post(POLICIES).then().statusCode(201);

        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Boolean> defaults = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(TestTokens.of("osep")).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(POLICIES).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            types.addAll(page.getList("items.requestType"));
            defaults.addAll(page.getList("items.typeDefault"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertEquals(ids.stream().distinct().count(), ids.size(), "no policy twice");
        assertEquals(types.stream().sorted().toList(), types, "by type");
        for (String type : List.of("COMPLAINT", "OBSERVATION", "SUGGESTION")) {
            int first = types.indexOf(type);
            assertTrue(defaults.get(first), type + " starts with its default");
            assertEquals(1, java.util.stream.IntStream.range(0, types.size())
                    .filter(i -> types.get(i).equals(type) && defaults.get(i)).count(), "one default of " + type);
        }
        as(TestTokens.of("osep")).queryParam("type", "OBSERVATION").queryParam("categoryId", category.toString())
                .get(POLICIES).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].categoryId", equalTo(category.toString())).body("nextCursor", nullValue());
    }
}
