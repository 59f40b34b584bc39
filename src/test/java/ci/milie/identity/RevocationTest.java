package ci.milie.identity;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Api.createStaff;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Outboxes;
import ci.milie.support.Requests;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** An access token stops working as soon as its session ends or its staff account changes. */
@QuarkusTest
class RevocationTest {

    private static final String PASSWORD = "Correct-Horse-42!";

    @Inject
    DataSource dataSource;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    @Test
    void deactivatedStaffIsRefusedOnTheNextReadAndWrite() {
        Requests.Setting setting = Requests.Setting.create(false);
        String requestId = routedRequest(setting);
        String email = uniqueEmail("agent");
        String id = createStaff(email, "agent", setting.administrationId(), PASSWORD);
        String token = signIn(email, PASSWORD).getString("accessToken");
        as(token).get("/api/v1/requests").then().statusCode(200);

        asSysadmin().delete("/api/v1/staff/" + id).then().statusCode(204);

        assertRevoked(as(token).get("/api/v1/requests").then());
        assertRevoked(as(token).post("/api/v1/requests/" + requestId + "/acknowledgement").then());
        assertRevoked(as(token).body(Map.of("text", "Still here?")).post("/api/v1/requests/" + requestId + "/notes").then());
        as(setting.osepToken()).get("/api/v1/requests/" + requestId).then().statusCode(200)
                .body("status", equalTo("ROUTED"));
    }

    @Test
    void agentMovedToAnotherAdministrationIsRefused() {
        Requests.Setting first = Requests.Setting.create(false);
        Requests.Setting second = Requests.Setting.create(false);
        String email = uniqueEmail("agent");
        String id = createStaff(email, "agent", first.administrationId(), PASSWORD);
        String token = signIn(email, PASSWORD).getString("accessToken");

        update(id, Map.of("administrationId", second.administrationId()));

        assertRevoked(as(token).get("/api/v1/requests").then());
        String fresh = signIn(email, PASSWORD).getString("accessToken");
        as(fresh).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void roleChangeIsRefused() {
        String email = uniqueEmail("osep");
        String id = createStaff(email, "osep", null, PASSWORD);
        String token = signIn(email, PASSWORD).getString("accessToken");

        update(id, Map.of("role", "supervisor"));

        assertRevoked(as(token).get("/api/v1/requests").then());
    }

    @Test
    void passwordChangeIsRefusedAndTheNewPasswordSignsIn() {
        String email = uniqueEmail("osep");
        String id = createStaff(email, "osep", null, PASSWORD);
        String token = signIn(email, PASSWORD).getString("accessToken");

        update(id, Map.of("password", "Another-Horse-43!"));

        assertRevoked(as(token).get("/api/v1/me").then());
        String fresh = signIn(email, "Another-Horse-43!").getString("accessToken");
        as(fresh).get("/api/v1/me").then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void aChangeOfNameEndsNoSession() {
        String email = uniqueEmail("osep");
        String id = createStaff(email, "osep", null, PASSWORD);
        String token = signIn(email, PASSWORD).getString("accessToken");

        update(id, Map.of("fullName", "Koffi Kouassi"));

        as(token).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void reactivatedStaffSignsInAfreshButTheOldTokenStaysRefused() {
        String email = uniqueEmail("osep");
        String id = createStaff(email, "osep", null, PASSWORD);
        String old = signIn(email, PASSWORD).getString("accessToken");
        asSysadmin().delete("/api/v1/staff/" + id).then().statusCode(204);

        update(id, Map.of("active", true));

        assertRevoked(as(old).get("/api/v1/me").then());
        String fresh = signIn(email, PASSWORD).getString("accessToken");
        as(fresh).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void logoutRefusesTheAccessTokenOfThatSessionOnly() {
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        JsonPath ending = signIn(email, PASSWORD);
        String otherSession = signIn(email, PASSWORD).getString("accessToken");

        anonymous().body(Map.of("refreshToken", ending.getString("refreshToken"))).post("/api/v1/auth/logout")
                .then().statusCode(204);

        assertRevoked(as(ending.getString("accessToken")).get("/api/v1/me").then());
        as(otherSession).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void logoutWithTheAccessTokenAloneEndsItsSessionRefreshTokenIncluded() {
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        JsonPath tokens = signIn(email, PASSWORD);
        String token = tokens.getString("accessToken");

        as(token).post("/api/v1/auth/logout").then().statusCode(204);

        assertRevoked(as(token).get("/api/v1/me").then());
        assertProblem(refresh(tokens.getString("refreshToken")), 401, "INVALID_REFRESH_TOKEN");
        as(token).post("/api/v1/auth/logout").then().statusCode(204);
    }

    @Test
    void reusingARefreshTokenRevokesEveryAccessTokenOfItsSession() {
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        JsonPath first = signIn(email, PASSWORD);
        JsonPath second = refresh(first.getString("refreshToken")).statusCode(200).extract().jsonPath();
        as(second.getString("accessToken")).get("/api/v1/me").then().statusCode(200);

        assertProblem(refresh(first.getString("refreshToken")), 401, "INVALID_REFRESH_TOKEN");

        assertRevoked(as(first.getString("accessToken")).get("/api/v1/me").then());
        assertRevoked(as(second.getString("accessToken")).get("/api/v1/me").then());
    }

    @Test
    void citizenLogoutRefusesTheirAccessToken() {
        String email = uniqueEmail("awa");
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        JsonPath tokens = anonymous().body(Map.of("email", email, "code", lastCodeMailedTo(email)))
                .post("/api/v1/auth/otp/verify").then().statusCode(200).extract().jsonPath();
        String token = tokens.getString("accessToken");
        as(token).get("/api/v1/me").then().statusCode(200);

        anonymous().body(Map.of("refreshToken", tokens.getString("refreshToken"))).post("/api/v1/auth/logout")
                .then().statusCode(204);

        assertRevoked(as(token).get("/api/v1/me").then());
    }

    @Test
    void aPublicEndpointRefusesAnEndedSessionBeforeDoingAnything() throws Exception {
        String email = uniqueEmail("awa");
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        JsonPath tokens = anonymous().body(Map.of("email", email, "code", lastCodeMailedTo(email)))
                .post("/api/v1/auth/otp/verify").then().statusCode(200).extract().jsonPath();
        String token = tokens.getString("accessToken");
        as(token).post("/api/v1/auth/logout").then().statusCode(204);
        long before = count("citizen_request");

        Requests.Setting setting = Requests.Setting.create(false);
        assertRevoked(as(token).body(Requests.complaint(setting.categoryCode(), email)).post("/api/v1/requests").then());

        assertEquals(before, count("citizen_request"));
    }

    @Test
    void anEndpointThatNeverAsksWhoCallsStillRefusesAnEndedSession() {
        Requests.Setting setting = Requests.Setting.create(false);
        String code = Requests.submitAnonymously(Requests.complaint(setting.categoryCode(), uniqueEmail("awa")))
                .getString("trackingCode");
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        String token = signIn(email, PASSWORD).getString("accessToken");
        as(token).get("/api/v1/tracking/" + code).then().statusCode(200);

        as(token).post("/api/v1/auth/logout").then().statusCode(204);

        assertRevoked(as(token).get("/api/v1/tracking/" + code).then());
        anonymous().get("/api/v1/tracking/" + code).then().statusCode(200);
    }

    @Test
    void anotherInstanceDeactivatingAnAccountIsHeardWithinFiveSeconds() throws Exception {
        String email = uniqueEmail("osep");
        String id = createStaff(email, "osep", null, PASSWORD);
        String token = signIn(email, PASSWORD).getString("accessToken");
        as(token).get("/api/v1/me").then().statusCode(200);

        // What another instance's StaffService commits: the change and its notice, together.
        inOneTransaction(List.of(
                "update staff_account set active = false, security_version = security_version + 1 where id = '" + id + "'",
                "select pg_notify('milie_revocation', 'staff:" + id + "')"));

        assertEquals(401, statusWithin(Duration.ofSeconds(5), token));
        assertRevoked(as(token).get("/api/v1/me").then());
    }

    @Test
    void anotherInstanceEndingASessionIsHeardWithinFiveSeconds() throws Exception {
        String email = uniqueEmail("osep");
        createStaff(email, "osep", null, PASSWORD);
        String token = signIn(email, PASSWORD).getString("accessToken");
        as(token).get("/api/v1/me").then().statusCode(200);
        String session = claim(token, "sid");

        inOneTransaction(List.of(
                "update refresh_token set revoked_at = now() where family_id = '" + session + "' and revoked_at is null",
                "select pg_notify('milie_revocation', 'session:" + session + "')"));

        assertEquals(401, statusWithin(Duration.ofSeconds(5), token));
    }

    @Test
    void tokensNameTheirSessionAndTheAccountsSecurityVersion() {
        String email = uniqueEmail("osep");
        String id = createStaff(email, "osep", null, PASSWORD);
        String before = signIn(email, PASSWORD).getString("accessToken");
        update(id, Map.of("role", "supervisor"));
        JsonPath after = signIn(email, PASSWORD);
        String refreshed = refresh(after.getString("refreshToken")).statusCode(200).extract().path("accessToken");

        assertEquals(Long.parseLong(claim(before, "sv")) + 1, Long.parseLong(claim(after.getString("accessToken"), "sv")));
        assertEquals(claim(after.getString("accessToken"), "sid"), claim(refreshed, "sid"));
        UUID.fromString(claim(before, "sid"));
    }

    private static void assertRevoked(ValidatableResponse response) {
        assertProblem(response, 401, "TOKEN_REVOKED").header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("Cette session est terminée ; reconnectez-vous"));
    }

    private static JsonPath signIn(String email, String password) {
        return anonymous().body(Map.of("email", email, "password", password)).post("/api/v1/auth/login")
                .then().statusCode(200).extract().jsonPath();
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return anonymous().body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh").then();
    }

    /** Replaces some fields of a staff account through the API, as a sysadmin would. */
    private static void update(String id, Map<String, Object> changes) {
        JsonPath current = asSysadmin().get("/api/v1/staff/" + id).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new HashMap<>();
        body.put("email", current.getString("email"));
        body.put("fullName", current.getString("fullName"));
        body.put("role", current.getString("role"));
        body.put("administrationId", current.getString("administrationId"));
        body.put("active", current.getBoolean("active"));
        body.putAll(changes);
        asSysadmin().body(body).put("/api/v1/staff/" + id).then().statusCode(200);
    }

    private static String routedRequest(Requests.Setting setting) {
        String id = Requests.submitAnonymously(Requests.complaint(setting.categoryCode(), uniqueEmail("citizen")))
                .getString("id");
        as(setting.osepToken()).body(Map.of("administrationId", setting.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        return id;
    }

    private String lastCodeMailedTo(String email) {
        Outboxes.drain(relay);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(mails.get(mails.size() - 1).getText());
        code.find();
        return code.group(1);
    }

    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString(name);
    }

    private long count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select count(*) from " + table);
                java.sql.ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void inOneTransaction(List<String> statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.execute();
                }
            }
            connection.commit();
        }
    }

    /**
     * The one bounded wait of the suite: another instance's change reaches this one through
     * PostgreSQL's notifications, so the test polls until the token is refused, at most {@code limit}.
     */
    private static int statusWithin(Duration limit, String token) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int status = as(token).get("/api/v1/me").statusCode();
        while (status != 401 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = as(token).get("/api/v1/me").statusCode();
        }
        return status;
    }
}
