package ci.milie.identity;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Api.createStaff;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Api.url;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class StaffResourceTest {

    static final String PASSWORD = "Long-Enough-Password-1";

    private static Map<String, Object> staff(String email, String role) {
        return new HashMap<>(Map.of("email", email, "fullName", "Aya Koné", "role", role, "password", PASSWORD));
    }

    @Test
    void sysadminCreatesAStaffAccount() {
        String email = uniqueEmail("osep");
        var created = asSysadmin().body(staff(email, "osep")).post("/api/v1/staff").then().statusCode(201)
                .body("email", equalTo(email))
                .body("fullName", equalTo("Aya Koné"))
                .body("role", equalTo("osep"))
                .body("active", equalTo(true))
                .body("version", equalTo(0))
                .body("password", equalTo(null))
                .extract();
        String id = created.path("id");
        assertEquals(url("/api/v1/staff/" + id), created.header("Location"));

        asSysadmin().get("/api/v1/staff/" + id).then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void duplicateEmailGets409() {
        String email = uniqueEmail("dup");
        createStaff(email, "operator", null, PASSWORD);
        assertProblem(asSysadmin().body(staff(email.toUpperCase(), "osep")).post("/api/v1/staff").then(),
                409, "DUPLICATE_EMAIL");
    }

    @Test
    void concurrentCreationsOfTheSameEmailGiveOneAccountAndConflictsForTheOthers() throws Exception {
        String email = uniqueEmail("race");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        try {
            List<Callable<ExtractableResponse<Response>>> attempts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                attempts.add(() -> asSysadmin().body(staff(email, "osep")).post("/api/v1/staff").then().extract());
            }
            for (Future<ExtractableResponse<Response>> answer : pool.invokeAll(attempts)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> statuses = answers.stream().map(ExtractableResponse::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> {
            assertEquals("application/problem+json", a.contentType());
            assertEquals("DUPLICATE_EMAIL", a.path("code"));
        });
        asSysadmin().queryParam("role", "osep").queryParam("limit", 200).get("/api/v1/staff").then().statusCode(200)
                .body("items.findAll { it.email == '" + email + "' }", hasSize(1));
    }

    @Test
    void agentWithoutAdministrationIsRefused() {
        assertProblem(asSysadmin().body(staff(uniqueEmail("agent"), "agent")).post("/api/v1/staff").then(),
                400, "VALIDATION_FAILED").body("violations[0].field", equalTo("administrationId"));
    }

    @Test
    void agentOfAnUnknownAdministrationIsRefused() {
        Map<String, Object> body = staff(uniqueEmail("agent"), "agent");
        body.put("administrationId", UUID.randomUUID().toString());
        assertProblem(asSysadmin().body(body).post("/api/v1/staff").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("administrationId"));
    }

    @Test
    void agentSignsInWithTheirAdministrationInTheToken() {
        String administrationId = ci.milie.support.Api.createAdministration(true);
        String email = uniqueEmail("agent");
        createStaff(email, "agent", administrationId, PASSWORD);

        String token = ci.milie.support.Api.login(email, PASSWORD);

        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        org.junit.jupiter.api.Assertions.assertEquals(administrationId,
                io.restassured.path.json.JsonPath.from(claims).getString("administration_id"));
        as(token).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(java.util.List.of("agent")))
                .body("administrationId", equalTo(administrationId));
    }

    @Test
    void nonAgentWithAnAdministrationIsRefused() {
        Map<String, Object> body = staff(uniqueEmail("osep"), "osep");
        body.put("administrationId", UUID.randomUUID().toString());
        assertProblem(asSysadmin().body(body).post("/api/v1/staff").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("administrationId"));
    }

    @Test
    void invalidFieldsAreAllReported() {
        Map<String, Object> body = Map.of("email", "nope", "fullName", "", "role", "osep", "password", "short");
        assertProblem(asSysadmin().body(body).post("/api/v1/staff").then(), 400, "VALIDATION_FAILED")
                .body("violations", hasSize(3))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("fullName"))
                .body("violations.field", hasItem("password"));
    }

    @Test
    void unknownRoleGets400NamingTheAllowedOnes() {
        Map<String, Object> body = staff(uniqueEmail("x"), "minister");
        assertProblem(asSysadmin().body(body).post("/api/v1/staff").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("role"))
                .body("violations[0].message", equalTo("doit être l’une des valeurs sysadmin, osep, operator, agent, supervisor"));
    }

    @Test
    void sysadminUpdatesAndDeactivatesAnAccount() {
        String email = uniqueEmail("op");
        String id = createStaff(email, "operator", null, PASSWORD);
        Map<String, Object> update = staff(email, "supervisor");
        update.remove("password");
        update.put("fullName", "Aya Koné-Traoré");
        update.put("version", 0);

        asSysadmin().body(update).put("/api/v1/staff/" + id).then().statusCode(200)
                .body("role", equalTo("supervisor"))
                .body("fullName", equalTo("Aya Koné-Traoré"))
                .body("version", equalTo(1));

        asSysadmin().delete("/api/v1/staff/" + id).then().statusCode(204);
        asSysadmin().get("/api/v1/staff/" + id).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void staleVersionGets409() {
        String email = uniqueEmail("stale");
        String id = createStaff(email, "operator", null, PASSWORD);
        Map<String, Object> update = staff(email, "operator");
        update.remove("password");
        update.put("version", 0);
        asSysadmin().body(update).put("/api/v1/staff/" + id).then().statusCode(200);

        assertProblem(asSysadmin().body(update).put("/api/v1/staff/" + id).then(), 409, "CONCURRENT_MODIFICATION");
    }

    @Test
    void passwordChangeLetsTheNewOneSignIn() {
        String email = uniqueEmail("pwd");
        String id = createStaff(email, "osep", null, PASSWORD);
        Map<String, Object> update = staff(email, "osep");
        update.put("password", "A-Brand-New-Password-2");
        asSysadmin().body(update).put("/api/v1/staff/" + id).then().statusCode(200);

        ci.milie.support.Api.login(email, "A-Brand-New-Password-2");
    }

    @Test
    void unknownAccountGets404() {
        assertProblem(asSysadmin().get("/api/v1/staff/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
    }

    @Test
    void listFiltersByRoleAndPaginates() {
        String marker = uniqueEmail("zz-supervisor");
        for (int i = 0; i < 3; i++) {
            createStaff(i + marker, "supervisor", null, PASSWORD);
        }
        var page = asSysadmin().queryParam("role", "supervisor").queryParam("limit", 2).get("/api/v1/staff")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .body("items.role", equalTo(java.util.List.of("supervisor", "supervisor")))
                .extract().jsonPath();

        asSysadmin().queryParam("role", "supervisor").queryParam("limit", 2)
                .queryParam("cursor", page.getString("nextCursor")).get("/api/v1/staff")
                .then().statusCode(200).body("items[0].email", org.hamcrest.Matchers.greaterThan(page.getString("items[1].email")));
    }

    @Test
    void badFilterGets400() {
        assertProblem(asSysadmin().queryParam("role", "king").get("/api/v1/staff").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("role"));
        assertProblem(asSysadmin().queryParam("administrationId", "42").get("/api/v1/staff").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("administrationId"));
        assertProblem(asSysadmin().queryParam("limit", "0").get("/api/v1/staff").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("limit"));
        assertProblem(asSysadmin().queryParam("cursor", "%%%").get("/api/v1/staff").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void theLastActiveSysadminCannotBeDeactivated() {
        // Whatever other sysadmins exist, deactivating all but one must stop at the last.
        String mine = createStaff(uniqueEmail("sys"), "sysadmin", null, PASSWORD);
        var sysadmins = asSysadmin().queryParam("role", "sysadmin").queryParam("active", "true").queryParam("limit", 200)
                .get("/api/v1/staff").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        for (String id : sysadmins) {
            if (!id.equals(mine)) {
                asSysadmin().delete("/api/v1/staff/" + id).then().statusCode(204);
            }
        }

        assertProblem(asSysadmin().delete("/api/v1/staff/" + mine).then(), 409, "LAST_SYSADMIN");

        // restore the bootstrap account for other tests
        for (String id : sysadmins) {
            if (!id.equals(mine)) {
                var current = asSysadmin().get("/api/v1/staff/" + id).then().extract().jsonPath();
                Map<String, Object> reactivate = new HashMap<>(Map.of("email", current.getString("email"),
                        "fullName", current.getString("fullName"), "role", "sysadmin", "active", true));
                asSysadmin().body(reactivate).put("/api/v1/staff/" + id).then().statusCode(200);
            }
        }
    }

    @Test
    void nonSysadminGets403() {
        assertProblem(as(TestTokens.of("supervisor")).body(staff(uniqueEmail("x"), "osep")).post("/api/v1/staff").then(),
                403, "FORBIDDEN");
    }
}
