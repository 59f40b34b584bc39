package ci.milie.directory;

import static ci.milie.directory.DirectoryFixtures.ADMINISTRATIONS;
import static ci.milie.directory.DirectoryFixtures.CATEGORIES;
import static ci.milie.directory.DirectoryFixtures.administration;
import static ci.milie.directory.DirectoryFixtures.anonymously;
import static ci.milie.directory.DirectoryFixtures.as;
import static ci.milie.directory.DirectoryFixtures.asSysadmin;
import static ci.milie.directory.DirectoryFixtures.category;
import static ci.milie.directory.DirectoryFixtures.createAdministration;
import static ci.milie.directory.DirectoryFixtures.createCategory;
import static ci.milie.directory.DirectoryFixtures.uniqueCode;
import static ci.milie.support.Api.url;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AdministrationResourceTest {

    @Test
    void sysadminCreatesAnAdministrationAndAnyoneReadsIt() {
        String code = uniqueCode("ADM");
        Map<String, Object> body = administration(code);
        body.put("kind", "MINISTRY");
        body.remove("answerReviewRequired");

        ValidatableResponse created = asSysadmin().body(body).post(ADMINISTRATIONS).then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("code", equalTo(code))
                .body("name", equalTo("Direction test " + code))
                .body("acronym", equalTo("DT"))
                .body("kind", equalTo("MINISTRY"))
                .body("parentId", nullValue())
                .body("contactEmail", equalTo("accueil@directory.test.gouv.ci"))
                .body("answerReviewRequired", equalTo(true))
                .body("active", equalTo(true))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        String id = created.extract().path("id");
        created.header("Location", equalTo(url("/api/v1/administrations/" + id)));

        anonymously().get(ADMINISTRATIONS + "/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("code", equalTo(code))
                .body("kind", equalTo("MINISTRY"))
                .body("createdAt", equalTo(created.extract().path("createdAt")));
    }

    @Test
    void subAdministrationShowsItsParent() {
        String parentCode = uniqueCode("MIN");
        String parentId = createAdministration(administration(parentCode));
        Map<String, Object> body = administration(uniqueCode("DIR"));
        body.put("parentId", parentId);

        asSysadmin().body(body).post(ADMINISTRATIONS).then()
                .statusCode(201)
                .body("parentId", equalTo(parentId))
                .body("parentCode", equalTo(parentCode));
    }

    @Test
    void invalidFieldsGet400WithTheirNames() {
        Map<String, Object> body = administration("bad code");
        body.put("name", " ");
        body.put("kind", null);
        body.put("contactEmail", "not-an-email");
        body.put("acronym", "A".repeat(33));

        ValidatableResponse response = asSysadmin().body(body).post(ADMINISTRATIONS).then();

        assertProblem(response, 400, "VALIDATION_FAILED")
                .body("violations.field", hasItems("code", "name", "kind", "contactEmail", "acronym"))
                .body("violations.field", everyItem(not(endsWith("command"))));
    }

    @Test
    void codeOfOneCharacterOrWithLowercaseGets400() {
        for (String code : List.of("A", "adm-x", "ADM--X", "-ADM", "A".repeat(33))) {
            assertProblem(asSysadmin().body(administration(code)).post(ADMINISTRATIONS).then(), 400,
                    "VALIDATION_FAILED")
                    .body("violations.field", everyItem(equalTo("code")));
        }
    }

    @Test
    void unknownKindGets400NotA500() {
        Map<String, Object> body = administration(uniqueCode("ADM"));
        body.put("kind", "PREFECTURE");

        assertProblem(asSysadmin().body(body).post(ADMINISTRATIONS).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", equalTo("doit être l’une des valeurs MINISTRY, AGENCY, LOCAL_AUTHORITY, PUBLIC_COMPANY, OTHER"));
    }

    @Test
    void unknownParentGets400OnParentId() {
        Map<String, Object> body = administration(uniqueCode("ADM"));
        body.put("parentId", "7b0c2a52-0000-4000-8000-000000000000");

        assertProblem(asSysadmin().body(body).post(ADMINISTRATIONS).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("parentId"));
    }

    @Test
    void inactiveParentGets400OnParentId() {
        String parentId = createAdministration();
        asSysadmin().delete(ADMINISTRATIONS + "/" + parentId).then().statusCode(204);
        Map<String, Object> body = administration(uniqueCode("ADM"));
        body.put("parentId", parentId);

        assertProblem(asSysadmin().body(body).post(ADMINISTRATIONS).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("parentId"));
    }

    @Test
    void duplicateCodeGets409() {
        String code = uniqueCode("ADM");
        createAdministration(administration(code));

        assertProblem(asSysadmin().body(administration(code)).post(ADMINISTRATIONS).then(), 409, "DUPLICATE_CODE");
    }

    @Test
    void concurrentCreatesWithTheSameCodeGiveOne201AndOnly409s() throws Exception {
        String code = uniqueCode("RACE");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attempts.add(() -> asSysadmin().body(administration(code)).post(ADMINISTRATIONS).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anonymousCallerGets401OnEveryChange() {
        String id = createAdministration();

        assertProblem(anonymously().body(administration(uniqueCode("ADM"))).post(ADMINISTRATIONS).then(), 401,
                "UNAUTHENTICATED");
        assertProblem(anonymously().body(administration(uniqueCode("ADM"))).put(ADMINISTRATIONS + "/" + id).then(),
                401, "UNAUTHENTICATED");
        assertProblem(anonymously().delete(ADMINISTRATIONS + "/" + id).then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void nonSysadminGets403OnEveryChange() {
        String id = createAdministration();

        assertProblem(as("osep").body(administration(uniqueCode("ADM"))).post(ADMINISTRATIONS).then(), 403,
                "FORBIDDEN");
        assertProblem(as("supervisor").body(administration(uniqueCode("ADM"))).put(ADMINISTRATIONS + "/" + id).then(),
                403, "FORBIDDEN");
        assertProblem(as("agent").delete(ADMINISTRATIONS + "/" + id).then(), 403, "FORBIDDEN");
        anonymously().get(ADMINISTRATIONS + "/" + id).then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void sysadminReplacesEveryField() {
        String parentId = createAdministration();
        String id = createAdministration();
        String newCode = uniqueCode("NEW");
        Map<String, Object> body = administration(newCode);
        body.put("name", "  Office national de l'état civil et de l'identification  ");
        body.put("acronym", null);
        body.put("kind", "PUBLIC_COMPANY");
        body.put("parentId", parentId);
        body.put("contactEmail", "accueil@oneci.ci");
        body.put("answerReviewRequired", false);
        body.put("version", 0);

        asSysadmin().body(body).put(ADMINISTRATIONS + "/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("code", equalTo(newCode))
                .body("name", equalTo("Office national de l'état civil et de l'identification"))
                .body("acronym", nullValue())
                .body("kind", equalTo("PUBLIC_COMPANY"))
                .body("parentId", equalTo(parentId))
                .body("contactEmail", equalTo("accueil@oneci.ci"))
                .body("answerReviewRequired", equalTo(false))
                .body("active", equalTo(true))
                .body("version", equalTo(1));

        JsonPath read = anonymously().get(ADMINISTRATIONS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(newCode, read.getString("code"));
        assertEquals(1, read.getInt("version"));
        assertTrue(read.getString("updatedAt").compareTo(read.getString("createdAt")) > 0, read.prettify());
    }

    @Test
    void updateOfUnknownAdministrationGets404() {
        assertProblem(asSysadmin().body(administration(uniqueCode("ADM")))
                .put(ADMINISTRATIONS + "/7b0c2a52-0000-4000-8000-000000000001").then(), 404, "NOT_FOUND");
    }

    @Test
    void staleVersionGets409() {
        String id = createAdministration();
        Map<String, Object> body = administration(uniqueCode("ADM"));
        body.put("version", 0);
        asSysadmin().body(body).put(ADMINISTRATIONS + "/" + id).then().statusCode(200).body("version", equalTo(1));

        body.put("name", "Un autre nom");
        assertProblem(asSysadmin().body(body).put(ADMINISTRATIONS + "/" + id).then(), 409, "CONCURRENT_MODIFICATION");
        anonymously().get(ADMINISTRATIONS + "/" + id).then().body("name", not(equalTo("Un autre nom")));
    }

    @Test
    void changingTheCodeToAnotherAdministrationsCodeGets409() {
        String taken = uniqueCode("ADM");
        createAdministration(administration(taken));
        String id = createAdministration();

        assertProblem(asSysadmin().body(administration(taken)).put(ADMINISTRATIONS + "/" + id).then(), 409,
                "DUPLICATE_CODE");
    }

    @Test
    void administrationCannotBeMovedUnderItselfOrItsDescendant() {
        Map<String, Object> top = administration(uniqueCode("TOP"));
        String topId = createAdministration(top);
        Map<String, Object> child = administration(uniqueCode("CHD"));
        child.put("parentId", topId);
        String childId = createAdministration(child);

        top.put("parentId", childId);
        assertProblem(asSysadmin().body(top).put(ADMINISTRATIONS + "/" + topId).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("parentId"));
        top.put("parentId", topId);
        assertProblem(asSysadmin().body(top).put(ADMINISTRATIONS + "/" + topId).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("parentId"));
    }

    @Test
    void deactivatedAdministrationIsHiddenFromThePublicButNotFromSysadmin() {
        String id = createAdministration();

        asSysadmin().delete(ADMINISTRATIONS + "/" + id).then().statusCode(204);

        assertProblem(anonymously().get(ADMINISTRATIONS + "/" + id).then(), 404, "NOT_FOUND");
        assertProblem(as("citizen").get(ADMINISTRATIONS + "/" + id).then(), 404, "NOT_FOUND");
        asSysadmin().get(ADMINISTRATIONS + "/" + id).then().statusCode(200)
                .body("active", equalTo(false))
                .body("version", equalTo(1));
        asSysadmin().delete(ADMINISTRATIONS + "/" + id).then().statusCode(204);
    }

    @Test
    void deactivationOfUnknownAdministrationGets404() {
        assertProblem(asSysadmin().delete(ADMINISTRATIONS + "/7b0c2a52-0000-4000-8000-000000000002").then(), 404,
                "NOT_FOUND");
        assertProblem(asSysadmin().delete(ADMINISTRATIONS + "/not-a-uuid").then(), 404, "NOT_FOUND");
    }

    @Test
    void publicListHidesInactiveAndIgnoresIncludeInactiveFromNonStaff() {
        String parentId = createAdministration();
        String activeCode = uniqueCode("ACT");
        String inactiveCode = uniqueCode("INA");
        Map<String, Object> active = administration(activeCode);
        active.put("parentId", parentId);
        createAdministration(active);
        Map<String, Object> inactive = administration(inactiveCode);
        inactive.put("parentId", parentId);
        asSysadmin().delete(ADMINISTRATIONS + "/" + createAdministration(inactive)).then().statusCode(204);

        anonymously().queryParam("parentId", parentId).get(ADMINISTRATIONS).then()
                .statusCode(200)
                .body("items.code", contains(activeCode))
                .body("nextCursor", nullValue());
        anonymously().queryParam("parentId", parentId).queryParam("includeInactive", true).get(ADMINISTRATIONS).then()
                .statusCode(200)
                .body("items.code", contains(activeCode));
        as("agent").queryParam("parentId", parentId).queryParam("includeInactive", true).get(ADMINISTRATIONS).then()
                .statusCode(200)
                .body("items.code", contains(activeCode));
        as("osep").queryParam("parentId", parentId).queryParam("includeInactive", true).get(ADMINISTRATIONS).then()
                .statusCode(200)
                .body("items.code", contains(activeCode, inactiveCode))
                .body("items.active", contains(true, false));
    }

    @Test
    void paginationWalksEveryPageInCodeOrder() {
        String parentId = createAdministration();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = administration(uniqueCode("PG"));
            body.put("parentId", parentId);
            createAdministration(body);
            codes.add((String) body.get("code"));
        }
        codes.sort(null);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = anonymously().queryParam("parentId", parentId).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(ADMINISTRATIONS).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.code");
            assertTrue(items.size() <= 2, items.toString());
            seen.addAll(items);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(codes, seen);
        assertEquals(3, pages);
    }

    @Test
    void defaultPageIsSortedByCodeAndHasAtMostOneHundredItems() {
        createAdministration();

        JsonPath page = anonymously().get(ADMINISTRATIONS).then().statusCode(200).extract().jsonPath();
        List<String> codes = page.getList("items.code");
        assertTrue(codes.size() <= 100);
        List<String> sorted = new ArrayList<>(codes);
        sorted.sort(null);
        assertEquals(sorted, codes);
    }

    @Test
    void limitOutsideOneToFiveHundredGets400() {
        assertProblem(anonymously().queryParam("limit", 0).get(ADMINISTRATIONS).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("limit"));
        assertProblem(anonymously().queryParam("limit", 501).get(ADMINISTRATIONS).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("limit"));
    }

    @Test
    void malformedFiltersGet400NamingTheParameter() {
        assertProblem(anonymously().queryParam("kind", "PREFECTURE").get(ADMINISTRATIONS).then(), 400,
                "VALIDATION_FAILED").body("violations.field", contains("kind"));
        assertProblem(anonymously().queryParam("parentId", "abc").get(ADMINISTRATIONS).then(), 400,
                "VALIDATION_FAILED").body("violations.field", contains("parentId"));
        assertProblem(anonymously().queryParam("cursor", "%%%").get(ADMINISTRATIONS).then(), 400,
                "VALIDATION_FAILED").body("violations.field", contains("cursor"));
    }

    @Test
    void kindFilterKeepsOnlyThatKind() {
        String parentId = createAdministration();
        Map<String, Object> company = administration(uniqueCode("CO"));
        company.put("kind", "PUBLIC_COMPANY");
        company.put("parentId", parentId);
        createAdministration(company);
        Map<String, Object> agency = administration(uniqueCode("AG"));
        agency.put("parentId", parentId);
        createAdministration(agency);

        anonymously().queryParam("parentId", parentId).queryParam("kind", "PUBLIC_COMPANY").get(ADMINISTRATIONS).then()
                .statusCode(200)
                .body("items.code", contains(company.get("code")))
                .body("items.kind", everyItem(equalTo("PUBLIC_COMPANY")));
        anonymously().queryParam("kind", "LOCAL_AUTHORITY").queryParam("parentId", parentId).get(ADMINISTRATIONS)
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void administrationRoutedToByAnActiveCategoryCannotBeDeactivated() {
        String id = createAdministration();
        Map<String, Object> category = category(uniqueCode("CAT"));
        category.put("defaultAdministrationId", id);
        String categoryId = createCategory(category);

        assertProblem(asSysadmin().delete(ADMINISTRATIONS + "/" + id).then(), 409, "ADMINISTRATION_IN_USE");
        Map<String, Object> update = administration(uniqueCode("ADM"));
        update.put("active", false);
        assertProblem(asSysadmin().body(update).put(ADMINISTRATIONS + "/" + id).then(), 409, "ADMINISTRATION_IN_USE");
        anonymously().get(ADMINISTRATIONS + "/" + id).then().statusCode(200).body("active", equalTo(true));

        asSysadmin().delete(CATEGORIES + "/" + categoryId).then().statusCode(204);
        asSysadmin().delete(ADMINISTRATIONS + "/" + id).then().statusCode(204);
    }

    @Test
    void sysadminReactivatesWithPut() {
        Map<String, Object> body = administration(uniqueCode("ADM"));
        String id = createAdministration(body);
        asSysadmin().delete(ADMINISTRATIONS + "/" + id).then().statusCode(204);

        body.put("active", true);
        asSysadmin().body(body).put(ADMINISTRATIONS + "/" + id).then().statusCode(200).body("active", equalTo(true));
        anonymously().get(ADMINISTRATIONS + "/" + id).then().statusCode(200);
    }

    @Test
    void putWithoutChangesKeepsTheVersion() {
        Map<String, Object> body = administration(uniqueCode("ADM"));
        String id = createAdministration(body);

        asSysadmin().body(body).put(ADMINISTRATIONS + "/" + id).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void listedAdministrationsCarryTheirParentCode() {
        String parentCode = uniqueCode("PAR");
        String parentId = createAdministration(administration(parentCode));
        Map<String, Object> child = administration(uniqueCode("CHD"));
        child.put("parentId", parentId);
        createAdministration(child);

        JsonPath page = anonymously().queryParam("parentId", parentId).get(ADMINISTRATIONS).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items.parentCode", hasItem(parentCode))
                .extract().jsonPath();
        assertNull(page.getString("nextCursor"));
    }

    @Test
    void anEnglishNameIsOptionalAndTheFrenchNameStandsInForIt() {
        String code = uniqueCode("ADM");
        Map<String, Object> body = administration(code);
        String id = asSysadmin().body(body).post(ADMINISTRATIONS).then()
                .statusCode(201)
                .body("nameEn", equalTo("Direction test " + code))
                .extract().path("id");

        body.put("nameEn", "Test directorate " + code);
        asSysadmin().body(body).put(ADMINISTRATIONS + "/" + id).then()
                .statusCode(200)
                .body("name", equalTo("Direction test " + code))
                .body("nameEn", equalTo("Test directorate " + code))
                .body("version", equalTo(1));
        anonymously().get(ADMINISTRATIONS + "/" + id).then()
                .statusCode(200)
                .body("nameEn", equalTo("Test directorate " + code));

        body.remove("nameEn"); // a full update: absent clears it
        asSysadmin().body(body).put(ADMINISTRATIONS + "/" + id).then()
                .statusCode(200)
                .body("nameEn", equalTo("Direction test " + code))
                .body("version", equalTo(2));
    }

    @Test
    void anEnglishNameGivenAtCreationIsKept() {
        String code = uniqueCode("ADM");
        Map<String, Object> body = administration(code);
        body.put("nameEn", "  Ministry of Tests  ");
        asSysadmin().body(body).post(ADMINISTRATIONS).then()
                .statusCode(201)
                .body("name", equalTo("Direction test " + code))
                .body("nameEn", equalTo("Ministry of Tests"));
        body.put("nameEn", "x".repeat(201));
        body.put("code", uniqueCode("ADM"));
        assertProblem(asSysadmin().body(body).post(ADMINISTRATIONS).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("nameEn"));
    }
}
