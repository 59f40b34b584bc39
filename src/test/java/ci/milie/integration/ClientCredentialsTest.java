package ci.milie.integration;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Api.createAdministration;
import static ci.milie.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** A client trades its id and secret for a short-lived token (RFC 6749 §4.4), and nothing else does. */
@QuarkusTest
class ClientCredentialsTest {

    private static final String CLIENTS = "/api/v1/integrations/clients";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aClientGetsATokenWithHttpBasic() {
        String administration = createAdministration(false);
        Clients.Registered client = Clients.register(administration, List.of("REQUESTS_READ", "REQUESTS_ACT"));

        String token = Clients.tokenByBasic(client.id(), client.secret(), null).then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("scope", equalTo("requests:read requests:act"))
                .extract().path("access_token");

        JsonPath claims = Clients.claims(token);
        assertEquals(client.id(), claims.getString("sub"));
        assertEquals(client.id(), claims.getString("client_id"));
        assertEquals(List.of("integration"), claims.getList("groups"));
        assertEquals(administration, claims.getString("administration_id"));
        assertEquals("requests:read requests:act", claims.getString("scope"));
    }

    @Test
    void aClientGetsATokenWithItsCredentialsInTheBodyAndNarrowsItsScope() {
        Clients.Registered client = Clients.register(null, List.of("REQUESTS_READ", "STATS_READ"));

        String token = Clients.tokenByPost(client.id(), client.secret(), "stats:read").then().statusCode(200)
                .body("scope", equalTo("stats:read")).extract().path("access_token");

        JsonPath claims = Clients.claims(token);
        assertEquals("stats:read", claims.getString("scope"));
        assertNull(claims.getString("administration_id"), "a client of OSEP has no administration");
    }

    @Test
    void aWrongSecretIsRefusedAsAnInvalidClient() {
        Clients.Registered client = Clients.register(null, List.of("STATS_READ"));

        assertInvalidClientWithBasic(Clients.tokenByBasic(client.id(), client.secret() + "x", null).then());
        assertRefused(Clients.tokenByPost(client.id(), "mcs_wrong", null).then(), 400, "invalid_client");
    }

    @Test
    void anUnknownClientGetsTheSameAnswerAsAWrongSecret() {
        Clients.Registered client = Clients.register(null, List.of("STATS_READ"));

        assertInvalidClientWithBasic(Clients.tokenByBasic(java.util.UUID.randomUUID().toString(), client.secret(), null).then());
        assertInvalidClientWithBasic(Clients.tokenByBasic("not-a-client", client.secret(), null).then());
    }

    @Test
    void aDeactivatedClientGetsNoTokenAndItsTokenStopsWorking() {
        Clients.Registered client = Clients.register(createAdministration(false), List.of("REQUESTS_READ"));
        String token = client.token();
        as(token).get("/api/v1/requests").then().statusCode(200);

        asSysadmin().delete(CLIENTS + "/" + client.id()).then().statusCode(204);

        assertProblem(as(token).get("/api/v1/requests").then(), 401, "TOKEN_REVOKED");
        assertInvalidClientWithBasic(Clients.tokenByBasic(client.id(), client.secret(), null).then());
    }

    @Test
    void aRotatedSecretWorksDuringTheOverlapAndIsRefusedAfter() {
        Clients.Registered client = Clients.register(null, List.of("STATS_READ"));
        String newSecret = asSysadmin().post(CLIENTS + "/" + client.id() + "/secrets").then().statusCode(201).extract()
                .path("clientSecret");

        clock.advance(Duration.ofHours(23));
        Clients.tokenByPost(client.id(), client.secret(), null).then().statusCode(200);

        clock.advance(Duration.ofHours(2));
        assertInvalidClientWithBasic(Clients.tokenByBasic(client.id(), client.secret(), null).then());
        Clients.tokenByBasic(client.id(), newSecret, null).then().statusCode(200);
    }

    @Test
    void aScopeBeyondTheClientsPermissionsIsRefused() {
        Clients.Registered client = Clients.register(createAdministration(false), List.of("REQUESTS_READ"));

        assertRefused(Clients.tokenByPost(client.id(), client.secret(), "requests:read requests:act").then(), 400,
                "invalid_scope");
        assertRefused(Clients.tokenByPost(client.id(), client.secret(), "everything").then(), 400, "invalid_scope");
    }

    @Test
    void aClientOutsideItsAddressBlocksGetsNoToken() {
        Clients.Registered elsewhere = Clients.register(Clients.body(null, List.of("STATS_READ"), List.of("10.20.0.0/16")));
        Clients.Registered here = Clients.register(Clients.body(null, List.of("STATS_READ"), List.of("127.0.0.0/8", "::1")));

        assertRefused(Clients.tokenByPost(elsewhere.id(), elsewhere.secret(), null).then(), 400, "unauthorized_client");
        Clients.tokenByPost(here.id(), here.secret(), null).then().statusCode(200);
    }

    @Test
    void anotherGrantTypeIsUnsupported() {
        Clients.Registered client = Clients.register(null, List.of("STATS_READ"));

        assertRefused(given().contentType(ContentType.URLENC).header("Authorization", Clients.basic(client.id(), client.secret()))
                .formParam("grant_type", "password").post("/api/v1/auth/token").then(), 400, "unsupported_grant_type");
        assertRefused(given().contentType(ContentType.URLENC).header("Authorization", Clients.basic(client.id(), client.secret()))
                .formParam("scope", "stats:read").post("/api/v1/auth/token").then(), 400, "invalid_request");
    }

    @Test
    void twoAuthenticationMethodsAtOnceAreRefused() {
        Clients.Registered client = Clients.register(null, List.of("STATS_READ"));

        assertRefused(given().contentType(ContentType.URLENC).header("Authorization", Clients.basic(client.id(), client.secret()))
                .formParam("grant_type", "client_credentials").formParam("client_id", client.id())
                .formParam("client_secret", client.secret()).post("/api/v1/auth/token").then(), 400, "invalid_request");
    }

    @Test
    void noAuthenticationAtAllIsAnInvalidClient() {
        assertRefused(given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token").then(), 400, "invalid_client");
    }

    private static void assertInvalidClientWithBasic(ValidatableResponse response) {
        assertRefused(response, 401, "invalid_client").header("WWW-Authenticate", startsWith("Basic"));
    }

    private static ValidatableResponse assertRefused(ValidatableResponse response, int status, String error) {
        return response.statusCode(status)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "no-store")
                .body("error", equalTo(error))
                .body("error_description", org.hamcrest.Matchers.notNullValue());
    }
}
