package ci.milie.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Small helpers shared by the HTTP tests: unique test data and authenticated requests. */
public final class Api {

    private Api() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueEmail(String prefix) {
        return unique(prefix).toLowerCase() + "@milie.test";
    }

    /** The absolute URL of a path of the application under test, as it names its own resources. */
    public static String url(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    public static RequestSpecification asSysadmin() {
        return as(TestTokens.of("sysadmin"));
    }

    /** Creates a staff account through the API and returns its id. */
    public static String createStaff(String email, String role, String administrationId, String password) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", email, "fullName", "Test " + role,
                "role", role, "password", password));
        if (administrationId != null) {
            body.put("administrationId", administrationId);
        }
        return asSysadmin().body(body).post("/api/v1/staff").then().statusCode(201).extract().path("id");
    }

    /** Creates an active administration through the API and returns its id. */
    public static String createAdministration(boolean answerReviewRequired) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", "Administration " + code,
                "kind", "AGENCY", "contactEmail", "contact@" + code.toLowerCase() + ".gouv.ci",
                "answerReviewRequired", answerReviewRequired));
        return asSysadmin().body(body).post("/api/v1/administrations").then().statusCode(201).extract().path("id");
    }

    /** Creates an active category accepting every type, routed by default to the administration; returns its code. */
    public static String createCategory(String defaultAdministrationId) {
        String code = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "labelFr", "Catégorie " + code,
                "labelEn", "Category " + code, "applicableTypes", java.util.List.of("COMPLAINT", "SUGGESTION", "OBSERVATION")));
        if (defaultAdministrationId != null) {
            body.put("defaultAdministrationId", defaultAdministrationId);
        }
        asSysadmin().body(body).post("/api/v1/categories").then().statusCode(201);
        return code;
    }

    public static String login(String email, String password) {
        return anonymous().body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    /** The id of a category by its code, whatever page of the catalogue (sorted by code) it is on. */
    public static String categoryId(String code) {
        String cursor = null;
        do {
            var page = asSysadmin().queryParam("includeInactive", true).queryParam("limit", 200)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/categories").then().statusCode(200).extract().jsonPath();
            String id = page.getString("items.find { it.code == '" + code + "' }.id");
            if (id != null) {
                return id;
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError("no category " + code);
    }
}
