package ci.milie.integration;

import static ci.milie.support.Api.as;
import static ci.milie.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import ci.milie.support.LowLimitsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Each client has its own limit, the token endpoint one per address, and a client bound to
 * addresses may use its token from those only (the test client is a trusted proxy here, so each
 * test names its address in X-Forwarded-For).
 */
@QuarkusTest
@TestProfile(LowLimitsProfile.class)
class ClientLimitsTest {

    @Test
    void theTokenEndpointCountsEveryCallFromAnAddress() {
        Clients.Registered client = Clients.register(null, List.of("STATS_READ"));
        String address = "203.0.113.21";

        token(client.id(), client.secret(), address).then().statusCode(200);
        token(client.id(), "mcs_wrong", address).then().statusCode(400);
        token(client.id(), client.secret(), address).then().statusCode(200);

        token(client.id(), client.secret(), address).then().statusCode(429)
                .contentType(ContentType.JSON)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", equalTo("invalid_request"));
        token(client.id(), client.secret(), "203.0.113.22").then().statusCode(200);
    }

    @Test
    void aClientPastItsOwnLimitWaits() {
        Clients.Registered client = Clients.register(null, List.of("REQUESTS_READ"));
        String token = token(client.id(), client.secret(), "203.0.113.31").then().statusCode(200).extract()
                .path("access_token");

        for (int call = 0; call < 3; call++) {
            as(token).header("X-Forwarded-For", "203.0.113." + (40 + call)).get("/api/v1/requests").then().statusCode(200);
        }

        assertProblem(as(token).header("X-Forwarded-For", "203.0.113.50").get("/api/v1/requests").then(), 429,
                "RATE_LIMITED").header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aTokenUsedFromAnAddressOutsideTheClientsBlocksIsRefused() {
        Clients.Registered client = Clients.register(Clients.body(null, List.of("REQUESTS_READ"), List.of("198.51.100.0/24")));
        String token = token(client.id(), client.secret(), "198.51.100.7").then().statusCode(200).extract()
                .path("access_token");

        as(token).header("X-Forwarded-For", "198.51.100.7").get("/api/v1/requests").then().statusCode(200);
        assertProblem(as(token).header("X-Forwarded-For", "203.0.113.61").get("/api/v1/requests").then(), 403,
                "FORBIDDEN");
        token(client.id(), client.secret(), "203.0.113.62").then().statusCode(400)
                .body("error", equalTo("unauthorized_client"));
    }

    private static Response token(String id, String secret, String address) {
        return given().contentType(ContentType.URLENC).header("X-Forwarded-For", address)
                .formParam("grant_type", "client_credentials").formParam("client_id", id)
                .formParam("client_secret", secret).post("/api/v1/auth/token");
    }
}
