package ci.milie.integration;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Api.createAdministration;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Sysadmins register the systems of OSEP and of the administrations, and rotate their secrets. */
@QuarkusTest
class IntegrationClientsTest {

    private static final String CLIENTS = "/api/v1/integrations/clients";

    @Test
    void aSysadminRegistersAClientOfAnAdministrationAndSeesItsSecretOnce() {
        String administration = createAdministration(false);
        var body = Clients.body(administration, List.of("REQUESTS_READ", "REQUESTS_ACT"), List.of("196.47.128.0/24"));

        var created = asSysadmin().body(body).post(CLIENTS).then().statusCode(201)
                .body("client.name", equalTo(body.get("name")))
                .body("client.administrationId", equalTo(administration))
                .body("client.allowedAddresses", equalTo(List.of("196.47.128.0/24")))
                .body("client.active", equalTo(true))
                .body("secret.clientSecret", matchesPattern("mcs_[A-Za-z0-9_-]{43}"))
                .body("secret.previousSecretValidUntil", nullValue())
                .extract().jsonPath();
        String id = created.getString("client.id");

        asSysadmin().get(CLIENTS + "/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("permissions", equalTo(List.of("REQUESTS_READ", "REQUESTS_ACT")))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")))
                .body("$", not(org.hamcrest.Matchers.hasKey("clientSecret")));
        asSysadmin().get(CLIENTS).then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void onlySysadminsManageClients() {
        assertProblem(as(TestTokens.of("osep")).get(CLIENTS).then(), 403, "FORBIDDEN");
        assertProblem(Clients.unauthenticated().get(CLIENTS).then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void aClientOfOsepMayNotActAsAnAgent() {
        assertProblem(asSysadmin().body(Clients.body(null, List.of("REQUESTS_ACT"), List.of())).post(CLIENTS).then(),
                400, "VALIDATION_FAILED").body("violations[0].field", equalTo("permissions"));
    }

    @Test
    void aClientNeedsAtLeastOnePermission() {
        assertProblem(asSysadmin().body(Clients.body(null, List.of(), List.of())).post(CLIENTS).then(),
                400, "VALIDATION_FAILED").body("violations[0].field", equalTo("permissions"));
    }

    @Test
    void aMalformedAddressBlockIsRefused() {
        assertProblem(asSysadmin().body(Clients.body(null, List.of("STATS_READ"), List.of("10.0.0.0/33"))).post(CLIENTS)
                .then(), 400, "VALIDATION_FAILED").body("violations[0].field", equalTo("allowedAddresses"));
        assertProblem(asSysadmin().body(Clients.body(null, List.of("STATS_READ"), List.of("intranet.gouv.ci"))).post(CLIENTS)
                .then(), 400, "VALIDATION_FAILED").body("violations[0].field", equalTo("allowedAddresses"));
    }

    @Test
    void anUnknownAdministrationIsRefused() {
        assertProblem(asSysadmin().body(Clients.body(java.util.UUID.randomUUID().toString(), List.of("REQUESTS_READ"),
                List.of())).post(CLIENTS).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("administrationId"));
    }

    @Test
    void twoClientsCannotShareAName() {
        var body = Clients.body(null, List.of("STATS_READ"), List.of());
        asSysadmin().body(body).post(CLIENTS).then().statusCode(201);
        assertProblem(asSysadmin().body(body).post(CLIENTS).then(), 409, "DUPLICATE_NAME");
    }

    @Test
    void anUpdateWithAStaleIfMatchIsRefused() {
        Clients.Registered client = Clients.register(null, List.of("STATS_READ"));
        var update = Clients.body(null, List.of("STATS_READ", "REQUESTS_READ"), List.of());
        asSysadmin().header("If-Match", "\"0\"").body(update).put(CLIENTS + "/" + client.id()).then().statusCode(200)
                .header("ETag", "\"1\"").body("permissions", equalTo(List.of("REQUESTS_READ", "STATS_READ")));

        assertProblem(asSysadmin().header("If-Match", "\"0\"").body(update).put(CLIENTS + "/" + client.id()).then(),
                409, "CONCURRENT_MODIFICATION");
    }

    @Test
    void aRotationShowsTheNewSecretOnceAndHowLongTheOldOneLasts() {
        Clients.Registered client = Clients.register(null, List.of("STATS_READ"));

        asSysadmin().post(CLIENTS + "/" + client.id() + "/secrets").then().statusCode(201)
                .body("clientId", equalTo(client.id()))
                .body("clientSecret", matchesPattern("mcs_[A-Za-z0-9_-]{43}"))
                .body("clientSecret", not(equalTo(client.secret())))
                .body("previousSecretValidUntil", not(nullValue()));
    }

    @Test
    void anUnknownClientIsNotFound() {
        assertProblem(asSysadmin().get(CLIENTS + "/" + java.util.UUID.randomUUID()).then(), 404, "NOT_FOUND");
        assertProblem(asSysadmin().delete(CLIENTS + "/" + java.util.UUID.randomUUID()).then(), 404, "NOT_FOUND");
    }

    @Test
    void aDeactivatedClientStaysListedAsInactive() {
        Clients.Registered client = Clients.register(null, List.of("STATS_READ"));
        asSysadmin().delete(CLIENTS + "/" + client.id()).then().statusCode(204);
        asSysadmin().get(CLIENTS + "/" + client.id()).then().statusCode(200).body("active", equalTo(false));
    }
}
