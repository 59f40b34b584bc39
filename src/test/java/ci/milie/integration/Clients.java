package ci.milie.integration;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.asSysadmin;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ci.milie.support.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Test helpers: register an integration client through the API, and ask for its tokens. */
public final class Clients {

    private Clients() {
    }

    /** A registered client: its id and its first secret. */
    public record Registered(String id, String secret) {

        /** A token by client_secret_post, with every permission of the client. */
        public String token() {
            return tokenByPost(id, secret, null).then().statusCode(200).extract().path("access_token");
        }

        String token(String scope) {
            return tokenByPost(id, secret, scope).then().statusCode(200).extract().path("access_token");
        }
    }

    static Map<String, Object> body(String administrationId, List<String> permissions, List<String> addresses) {
        Map<String, Object> body = new HashMap<>(Map.of("name", Api.unique("Système"), "contactEmail",
                Api.uniqueEmail("dsi"), "permissions", permissions, "allowedAddresses", addresses));
        if (administrationId != null) {
            body.put("administrationId", administrationId);
        }
        return body;
    }

    public static Registered register(String administrationId, List<String> permissions) {
        return register(body(administrationId, permissions, List.of()));
    }

    static Registered register(Map<String, Object> body) {
        JsonPath created = asSysadmin().body(body).post("/api/v1/integrations/clients").then().statusCode(201).extract()
                .jsonPath();
        return new Registered(created.getString("client.id"), created.getString("secret.clientSecret"));
    }

    static Response tokenByPost(String id, String secret, String scope) {
        var spec = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", id).formParam("client_secret", secret);
        if (scope != null) {
            spec.formParam("scope", scope);
        }
        return spec.post("/api/v1/auth/token");
    }

    static Response tokenByBasic(String id, String secret, String scope) {
        var spec = given().contentType(ContentType.URLENC).header("Authorization", basic(id, secret))
                .formParam("grant_type", "client_credentials");
        if (scope != null) {
            spec.formParam("scope", scope);
        }
        return spec.post("/api/v1/auth/token");
    }

    /** RFC 6749 §2.3.1: each part form-url-encoded, then the pair in base64. */
    static String basic(String id, String secret) {
        String pair = java.net.URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The claims of a JWT, read without checking it (the server checks it; the test reads what it says). */
    static JsonPath claims(String token) {
        String payload = token.split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static io.restassured.specification.RequestSpecification unauthenticated() {
        return anonymous();
    }
}
