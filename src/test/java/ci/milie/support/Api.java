package ci.milie.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

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

    public static String login(String email, String password) {
        return anonymous().body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }
}
