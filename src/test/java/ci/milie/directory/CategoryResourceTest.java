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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CategoryResourceTest {

    @Test
    void sysadminCreatesASubCategoryAndAnyoneReadsIt() {
        String administrationCode = uniqueCode("ONECI");
        Map<String, Object> administration = administration(administrationCode);
        administration.put("name", "Office national de l'état civil et de l'identification");
        String administrationId = createAdministration(administration);
        String themeCode = uniqueCode("THEME");
        String themeId = createCategory(category(themeCode));
        String code = uniqueCode("ETAT-CIVIL");
        Map<String, Object> body = category(code);
        body.put("labelFr", "État civil");
        body.put("labelEn", "Civil status");
        body.put("parentCode", themeCode);
        body.put("applicableTypes", List.of("OBSERVATION", "COMPLAINT"));
        body.put("defaultAdministrationId", administrationId);

        ValidatableResponse created = asSysadmin().body(body).post(CATEGORIES).then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("code", equalTo(code))
                .body("labelFr", equalTo("État civil"))
                .body("labelEn", equalTo("Civil status"))
                .body("descriptionFr", equalTo("Description en français"))
                .body("descriptionEn", equalTo("Description in English"))
                .body("parentId", equalTo(themeId))
                .body("parentCode", equalTo(themeCode))
                .body("applicableTypes", contains("COMPLAINT", "OBSERVATION"))
                .body("defaultAdministrationId", equalTo(administrationId))
                .body("defaultAdministration.id", equalTo(administrationId))
                .body("defaultAdministration.code", equalTo(administrationCode))
                .body("defaultAdministration.name", equalTo("Office national de l'état civil et de l'identification"))
                .body("active", equalTo(true))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        String id = created.extract().path("id");
        created.header("Location", equalTo(url("/api/v1/categories/" + id)));

        anonymously().get(CATEGORIES + "/" + id).then()
                .statusCode(200)
                .body("code", equalTo(code))
                .body("parentCode", equalTo(themeCode))
                .body("applicableTypes", contains("COMPLAINT", "OBSERVATION"))
                .body("defaultAdministration.code", equalTo(administrationCode));
    }

    @Test
    void themeHasNoParentAndNoDefaultAdministration() {
        String id = createCategory(category(uniqueCode("THEME")));

        anonymously().get(CATEGORIES + "/" + id).then()
                .statusCode(200)
                .body("parentId", nullValue())
                .body("parentCode", nullValue())
                .body("defaultAdministrationId", nullValue())
                .body("defaultAdministration", nullValue())
                .body("applicableTypes", contains("COMPLAINT", "SUGGESTION", "OBSERVATION"));
    }

    @Test
    void invalidFieldsGet400WithTheirNames() {
        Map<String, Object> body = category("etat civil");
        body.put("labelFr", "");
        body.put("labelEn", "L".repeat(201));
        body.put("descriptionFr", "D".repeat(2001));
        body.put("applicableTypes", List.of());

        assertProblem(asSysadmin().body(body).post(CATEGORIES).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", hasItems("code", "labelFr", "labelEn", "descriptionFr", "applicableTypes"));
    }

    @Test
    void missingApplicableTypesGet400() {
        Map<String, Object> body = category(uniqueCode("CAT"));
        body.remove("applicableTypes");

        assertProblem(asSysadmin().body(body).post(CATEGORIES).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("applicableTypes"));
    }

    @Test
    void unknownRequestTypeGets400NotA500() {
        Map<String, Object> body = category(uniqueCode("CAT"));
        body.put("applicableTypes", List.of("COMPLAINT", "PETITION"));

        assertProblem(asSysadmin().body(body).post(CATEGORIES).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("applicableTypes[1]"))
                .body("violations[0].message", equalTo("doit être l’une des valeurs COMPLAINT, SUGGESTION, OBSERVATION"));
    }

    @Test
    void parentThatIsItselfASubCategoryGets400() {
        String themeCode = uniqueCode("THEME");
        createCategory(category(themeCode));
        String subCode = uniqueCode("SUB");
        Map<String, Object> sub = category(subCode);
        sub.put("parentCode", themeCode);
        createCategory(sub);
        Map<String, Object> third = category(uniqueCode("THIRD"));
        third.put("parentCode", subCode);

        assertProblem(asSysadmin().body(third).post(CATEGORIES).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("parentCode"))
                .body("violations[0].message", equalTo("est elle-même une sous-catégorie ; le catalogue a deux niveaux au plus"));
    }

    @Test
    void themeWithSubCategoriesCannotBecomeASubCategory() {
        String otherTheme = uniqueCode("THEME");
        createCategory(category(otherTheme));
        String themeCode = uniqueCode("THEME");
        Map<String, Object> theme = category(themeCode);
        String themeId = createCategory(theme);
        Map<String, Object> sub = category(uniqueCode("SUB"));
        sub.put("parentCode", themeCode);
        createCategory(sub);

        theme.put("parentCode", otherTheme);
        assertProblem(asSysadmin().body(theme).put(CATEGORIES + "/" + themeId).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("parentCode"));
        theme.put("parentCode", themeCode);
        assertProblem(asSysadmin().body(theme).put(CATEGORIES + "/" + themeId).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("parentCode"));
    }

    @Test
    void unknownReferencesGet400OnTheirField() {
        Map<String, Object> unknownParent = category(uniqueCode("CAT"));
        unknownParent.put("parentCode", uniqueCode("NONE"));
        assertProblem(asSysadmin().body(unknownParent).post(CATEGORIES).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("parentCode"));

        Map<String, Object> unknownAdministration = category(uniqueCode("CAT"));
        unknownAdministration.put("defaultAdministrationId", "7b0c2a52-0000-4000-8000-000000000003");
        assertProblem(asSysadmin().body(unknownAdministration).post(CATEGORIES).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("defaultAdministrationId"));

        Map<String, Object> malformedAdministration = category(uniqueCode("CAT"));
        malformedAdministration.put("defaultAdministrationId", "ONECI");
        assertProblem(asSysadmin().body(malformedAdministration).post(CATEGORIES).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("defaultAdministrationId"));
    }

    @Test
    void inactiveDefaultAdministrationGets400() {
        String administrationId = createAdministration();
        asSysadmin().delete(ADMINISTRATIONS + "/" + administrationId).then().statusCode(204);
        Map<String, Object> body = category(uniqueCode("CAT"));
        body.put("defaultAdministrationId", administrationId);

        assertProblem(asSysadmin().body(body).post(CATEGORIES).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("defaultAdministrationId"));
    }

    @Test
    void duplicateCodeGets409() {
        String code = uniqueCode("CAT");
        createCategory(category(code));

        assertProblem(asSysadmin().body(category(code)).post(CATEGORIES).then(), 409, "DUPLICATE_CODE");
    }

    @Test
    void anonymousCallerGets401AndNonSysadminGets403() {
        String id = createCategory(category(uniqueCode("CAT")));

        assertProblem(anonymously().body(category(uniqueCode("CAT"))).post(CATEGORIES).then(), 401, "UNAUTHENTICATED");
        assertProblem(anonymously().delete(CATEGORIES + "/" + id).then(), 401, "UNAUTHENTICATED");
        assertProblem(as("osep").body(category(uniqueCode("CAT"))).post(CATEGORIES).then(), 403, "FORBIDDEN");
        assertProblem(as("osep").body(category(uniqueCode("CAT"))).put(CATEGORIES + "/" + id).then(), 403,
                "FORBIDDEN");
        assertProblem(as("osep").delete(CATEGORIES + "/" + id).then(), 403, "FORBIDDEN");
    }

    @Test
    void sysadminReplacesEveryField() {
        String themeCode = uniqueCode("THEME");
        String themeId = createCategory(category(themeCode));
        String administrationId = createAdministration();
        String id = createCategory(category(uniqueCode("CAT")));
        String newCode = uniqueCode("NEW");
        Map<String, Object> body = category(newCode);
        body.put("labelFr", "Eau potable");
        body.put("labelEn", "Drinking water");
        body.put("descriptionFr", null);
        body.put("descriptionEn", " ");
        body.put("parentCode", themeCode);
        body.put("applicableTypes", List.of("SUGGESTION"));
        body.put("defaultAdministrationId", administrationId);
        body.put("version", 0);

        asSysadmin().body(body).put(CATEGORIES + "/" + id).then()
                .statusCode(200)
                .body("code", equalTo(newCode))
                .body("labelFr", equalTo("Eau potable"))
                .body("labelEn", equalTo("Drinking water"))
                .body("descriptionFr", nullValue())
                .body("descriptionEn", nullValue())
                .body("parentId", equalTo(themeId))
                .body("parentCode", equalTo(themeCode))
                .body("applicableTypes", contains("SUGGESTION"))
                .body("defaultAdministration.id", equalTo(administrationId))
                .body("version", equalTo(1));

        anonymously().get(CATEGORIES + "/" + id).then().statusCode(200)
                .body("code", equalTo(newCode))
                .body("applicableTypes", contains("SUGGESTION"))
                .body("version", equalTo(1));
    }

    @Test
    void staleVersionGets409() {
        Map<String, Object> body = category(uniqueCode("CAT"));
        String id = createCategory(body);
        body.put("version", 0);
        body.put("labelFr", "Premier changement");
        asSysadmin().body(body).put(CATEGORIES + "/" + id).then().statusCode(200).body("version", equalTo(1));

        body.put("labelFr", "Second changement");
        assertProblem(asSysadmin().body(body).put(CATEGORIES + "/" + id).then(), 409, "CONCURRENT_MODIFICATION");
        anonymously().get(CATEGORIES + "/" + id).then().body("labelFr", equalTo("Premier changement"));
    }

    @Test
    void changingTheCodeToAnotherCategorysCodeGets409() {
        String taken = uniqueCode("CAT");
        createCategory(category(taken));
        String id = createCategory(category(uniqueCode("CAT")));

        assertProblem(asSysadmin().body(category(taken)).put(CATEGORIES + "/" + id).then(), 409, "DUPLICATE_CODE");
    }

    @Test
    void themeWithActiveSubCategoriesCannotBeDeactivated() {
        String themeCode = uniqueCode("THEME");
        Map<String, Object> theme = category(themeCode);
        String themeId = createCategory(theme);
        Map<String, Object> sub = category(uniqueCode("SUB"));
        sub.put("parentCode", themeCode);
        String subId = createCategory(sub);

        assertProblem(asSysadmin().delete(CATEGORIES + "/" + themeId).then(), 409, "CATEGORY_IN_USE");
        theme.put("active", false);
        assertProblem(asSysadmin().body(theme).put(CATEGORIES + "/" + themeId).then(), 409, "CATEGORY_IN_USE");

        asSysadmin().delete(CATEGORIES + "/" + subId).then().statusCode(204);
        asSysadmin().delete(CATEGORIES + "/" + themeId).then().statusCode(204);
        asSysadmin().get(CATEGORIES + "/" + themeId).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void subCategoryCannotBeReactivatedUnderAnInactiveTheme() {
        String themeCode = uniqueCode("THEME");
        String themeId = createCategory(category(themeCode));
        Map<String, Object> sub = category(uniqueCode("SUB"));
        sub.put("parentCode", themeCode);
        String subId = createCategory(sub);
        asSysadmin().delete(CATEGORIES + "/" + subId).then().statusCode(204);
        asSysadmin().delete(CATEGORIES + "/" + themeId).then().statusCode(204);

        sub.put("active", true);
        assertProblem(asSysadmin().body(sub).put(CATEGORIES + "/" + subId).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("parentCode"));
    }

    @Test
    void deactivatedCategoryIsHiddenFromThePublicButNotFromStaff() {
        String id = createCategory(category(uniqueCode("CAT")));

        asSysadmin().delete(CATEGORIES + "/" + id).then().statusCode(204);

        assertProblem(anonymously().get(CATEGORIES + "/" + id).then(), 404, "NOT_FOUND");
        as("supervisor").get(CATEGORIES + "/" + id).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void unknownCategoryGets404() {
        assertProblem(anonymously().get(CATEGORIES + "/7b0c2a52-0000-4000-8000-000000000004").then(), 404, "NOT_FOUND");
        assertProblem(asSysadmin().body(category(uniqueCode("CAT")))
                .put(CATEGORIES + "/7b0c2a52-0000-4000-8000-000000000004").then(), 404, "NOT_FOUND");
        assertProblem(asSysadmin().delete(CATEGORIES + "/7b0c2a52-0000-4000-8000-000000000004").then(), 404,
                "NOT_FOUND");
    }

    @Test
    void publicListHidesInactive() {
        String themeCode = uniqueCode("THEME");
        createCategory(category(themeCode));
        String activeCode = uniqueCode("ACT");
        Map<String, Object> active = category(activeCode);
        active.put("parentCode", themeCode);
        createCategory(active);
        String inactiveCode = uniqueCode("INA");
        Map<String, Object> inactive = category(inactiveCode);
        inactive.put("parentCode", themeCode);
        asSysadmin().delete(CATEGORIES + "/" + createCategory(inactive)).then().statusCode(204);

        anonymously().queryParam("parentCode", themeCode).get(CATEGORIES).then()
                .statusCode(200)
                .body("items.code", contains(activeCode))
                .body("nextCursor", nullValue());
        as("citizen").queryParam("parentCode", themeCode).queryParam("includeInactive", true).get(CATEGORIES).then()
                .statusCode(200)
                .body("items.code", contains(activeCode));
        asSysadmin().queryParam("parentCode", themeCode).queryParam("includeInactive", true).get(CATEGORIES).then()
                .statusCode(200)
                .body("items.code", contains(activeCode, inactiveCode));
    }

    @Test
    void typeFilterKeepsCategoriesAcceptingThatType() {
        String themeCode = uniqueCode("THEME");
        createCategory(category(themeCode));
        String complaintsOnly = uniqueCode("CPL");
        Map<String, Object> complaints = category(complaintsOnly);
        complaints.put("parentCode", themeCode);
        complaints.put("applicableTypes", List.of("COMPLAINT"));
        createCategory(complaints);
        String suggestionsToo = uniqueCode("SUG");
        Map<String, Object> suggestions = category(suggestionsToo);
        suggestions.put("parentCode", themeCode);
        suggestions.put("applicableTypes", List.of("SUGGESTION", "COMPLAINT"));
        createCategory(suggestions);

        anonymously().queryParam("parentCode", themeCode).queryParam("type", "SUGGESTION").get(CATEGORIES).then()
                .statusCode(200)
                .body("items.code", contains(suggestionsToo))
                .body("items[0].applicableTypes", contains("COMPLAINT", "SUGGESTION"));
        anonymously().queryParam("parentCode", themeCode).queryParam("type", "COMPLAINT").get(CATEGORIES).then()
                .statusCode(200)
                .body("items.code", containsInAnyOrder(complaintsOnly, suggestionsToo));
        anonymously().queryParam("parentCode", themeCode).queryParam("type", "OBSERVATION").get(CATEGORIES).then()
                .statusCode(200)
                .body("items", empty());
        anonymously().queryParam("type", "OBSERVATION").get(CATEGORIES).then()
                .statusCode(200)
                .body("items.applicableTypes", everyItem(hasItem("OBSERVATION")));
    }

    @Test
    void parentIdFilterMatchesParentCodeFilter() {
        String themeCode = uniqueCode("THEME");
        String themeId = createCategory(category(themeCode));
        String subCode = uniqueCode("SUB");
        Map<String, Object> sub = category(subCode);
        sub.put("parentCode", themeCode);
        createCategory(sub);

        anonymously().queryParam("parentId", themeId).get(CATEGORIES).then()
                .statusCode(200)
                .body("items.code", contains(subCode))
                .body("items[0].parentCode", equalTo(themeCode));
    }

    @Test
    void paginationWalksEveryPageInCodeOrder() {
        String themeCode = uniqueCode("THEME");
        createCategory(category(themeCode));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String code = uniqueCode("PG");
            Map<String, Object> body = category(code);
            body.put("parentCode", themeCode);
            createCategory(body);
            codes.add(code);
        }
        codes.sort(null);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = anonymously().queryParam("parentCode", themeCode).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(CATEGORIES).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.code");
            assertTrue(items.size() <= 3, items.toString());
            seen.addAll(items);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(codes, seen);
        assertEquals(3, pages);
    }

    @Test
    void malformedFiltersAndLimitsGet400() {
        assertProblem(anonymously().queryParam("type", "PETITION").get(CATEGORIES).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("type"));
        assertProblem(anonymously().queryParam("parentId", "ETAT-CIVIL").get(CATEGORIES).then(), 400,
                "VALIDATION_FAILED").body("violations.field", contains("parentId"));
        assertProblem(anonymously().queryParam("limit", 501).get(CATEGORIES).then(), 400, "VALIDATION_FAILED")
                .body("violations.field", contains("limit"));
    }
}
