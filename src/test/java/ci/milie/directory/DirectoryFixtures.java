package ci.milie.directory;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ci.milie.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Builds directory data through the API with codes no other test uses: the database is shared
 * by every test class of a run and is never emptied.
 */
final class DirectoryFixtures {

    static final String ADMINISTRATIONS = "/api/v1/administrations";
    static final String CATEGORIES = "/api/v1/categories";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private DirectoryFixtures() {
    }

    /** "T" + prefix + 8 random characters: unique, valid, and sorted after {@code prefix}. */
    static String uniqueCode(String prefix) {
        StringBuilder code = new StringBuilder("T").append(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    static RequestSpecification asSysadmin() {
        return as("sysadmin");
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.of(role)).contentType(ContentType.JSON);
    }

    static RequestSpecification anonymously() {
        return given().contentType(ContentType.JSON);
    }

    static Map<String, Object> administration(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Direction test " + code);
        body.put("acronym", "DT");
        body.put("kind", "AGENCY");
        body.put("parentId", null);
        body.put("contactEmail", "accueil@directory.test.gouv.ci");
        body.put("answerReviewRequired", true);
        return body;
    }

    static String createAdministration(Map<String, Object> body) {
        return asSysadmin().body(body).post(ADMINISTRATIONS).then().statusCode(201).extract().path("id");
    }

    static String createAdministration() {
        return createAdministration(administration(uniqueCode("ADM")));
    }

    static Map<String, Object> category(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("labelFr", "Catégorie " + code);
        body.put("labelEn", "Category " + code);
        body.put("descriptionFr", "Description en français");
        body.put("descriptionEn", "Description in English");
        body.put("parentCode", null);
        body.put("applicableTypes", List.of("COMPLAINT", "SUGGESTION", "OBSERVATION"));
        body.put("defaultAdministrationId", null);
        return body;
    }

    static String createCategory(Map<String, Object> body) {
        return asSysadmin().body(body).post(CATEGORIES).then().statusCode(201).extract().path("id");
    }

    /** Turns a view into the body of a PUT: the same fields, ready to be changed. */
    static Map<String, Object> asUpdate(Map<String, Object> view, String... keys) {
        Map<String, Object> body = new HashMap<>();
        for (String key : keys) {
            body.put(key, view.get(key));
        }
        return body;
    }
}
