package ci.milie.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Integration clients as the matrices call with them: registered by the sysadmin through the API,
 * their tokens asked for at {@code POST /auth/token} with their own credentials.
 */
public final class ClientTokens {

    /** Every permission a client of an administration can hold. */
    public static final List<String> OF_ADMINISTRATION = List.of("REQUESTS_READ", "REQUESTS_ACT", "SUBMIT", "STATS_READ");
    /** Every permission an OSEP client can hold (acting on requests is an administration's). */
    public static final List<String> OF_OSEP = List.of("REQUESTS_READ", "SUBMIT", "STATS_READ");

    private ClientTokens() {
    }

    /** A registered client: its id and its secret. */
    public record Registered(String id, String secret) {

        /** A fresh token with every permission of the client. */
        public String token() {
            return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                    .formParam("client_id", id).formParam("client_secret", secret).post("/api/v1/auth/token")
                    .then().statusCode(200).extract().path("access_token");
        }
    }

    /** Registers a client of the administration (null: of OSEP) with these permissions, as the sysadmin. */
    public static Registered register(String sysadminToken, String administrationId, List<String> permissions) {
        Map<String, Object> body = new HashMap<>(Map.of("name", Api.unique("Matrice "), "contactEmail",
                Api.uniqueEmail("dsi"), "permissions", permissions, "allowedAddresses", List.of()));
        if (administrationId != null) {
            body.put("administrationId", administrationId);
        }
        JsonPath created = Api.as(sysadminToken).body(body).post("/api/v1/integrations/clients").then().statusCode(201)
                .extract().jsonPath();
        return new Registered(created.getString("client.id"), created.getString("secret.clientSecret"));
    }
}
