package ci.milie.request;

import static ci.milie.support.Api.as;
import static ci.milie.support.Requests.complaint;
import static ci.milie.support.Requests.submitAnonymously;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Api;
import ci.milie.support.Codes;
import ci.milie.support.Requests;
import ci.milie.support.SseClient;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Live streams: who hears what, replay after a reconnection, and the limits. */
@QuarkusTest
class LiveStreamsTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    @Inject
    TestClock clock;

    @Inject
    MeterRegistry registry;

    private final List<SseClient> opened = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        opened.forEach(SseClient::close);
        clock.reset();
    }

    private SseClient open(String path, Map<String, String> headers) {
        SseClient client = SseClient.open(path, headers);
        opened.add(client);
        return client;
    }

    /**
     * The next event, which must be of this type and request. A stream opened just after a
     * submission may still carry its SUBMITTED event (committed, not yet past the feed's horizon
     * when the stream opened): that one is let by.
     */
    private static SseClient.Event expect(SseClient stream, String type, String requestId) {
        SseClient.Event event = stream.next();
        if (!type.equals("SUBMITTED") && "SUBMITTED".equals(event.name())) {
            event = stream.next();
        }
        assertEquals(type, event.name(), "event " + event.data());
        assertEquals(requestId, event.json().getString("requestId"));
        assertEquals(type, event.json().getString("event.type"));
        return event;
    }

    private static void note(String token, String id) {
        as(token).body(Map.of("text", "Voir avec le service des archives.")).post("/api/v1/requests/" + id + "/notes")
                .then().statusCode(201);
    }

    @Test
    void theKeyHolderFollowsTheRequestsPublicEventsButNeverItsInternalNotes() {
        Requests.Setting at = Requests.Setting.create(false);
        JsonPath receipt = submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("live")));
        String id = receipt.getString("id");
        SseClient stream = open("/api/v1/tracking/" + receipt.getString("trackingCode") + "/events/stream",
                Map.of("X-Access-Key", receipt.getString("accessKey")));
        assertEquals(200, stream.status());
        assertTrue(stream.header("Content-Type").startsWith("text/event-stream"));

        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing")
                .then().statusCode(200);
        note(at.osepToken(), id);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);

        SseClient.Event routed = expect(stream, "ROUTED", id);
        assertEquals(receipt.getString("trackingCode"), routed.json().getString("trackingCode"));
        assertEquals("PUBLIC", routed.json().getString("event.visibility"));
        // the internal note came between them in the feed: it never reached the citizen
        SseClient.Event acknowledged = expect(stream, "ACKNOWLEDGED", id);
        assertEquals("IN_PROGRESS", acknowledged.json().getString("status"));
        assertEquals(null, acknowledged.json().getString("event.actorId"));
    }

    @Test
    void aWrongKeyOrAnotherCitizenOpensNoStream() {
        Requests.Setting at = Requests.Setting.create(false);
        JsonPath receipt = submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("live")));
        String path = "/api/v1/tracking/" + receipt.getString("trackingCode") + "/events/stream";

        SseClient wrongKey = open(path, Map.of("X-Access-Key", "not-the-key-of-this-request"));
        assertEquals(404, wrongKey.status());
        assertEquals("NOT_FOUND", wrongKey.problem().getString("code"));
        SseClient stranger = open(path, SseClient.bearer(TestTokens.of("citizen")));
        assertEquals(404, stranger.status());
        SseClient agent = open(path, SseClient.bearer(at.agentToken()));
        assertEquals(404, agent.status());
    }

    @Test
    void anAgentHearsTheRequestsOfTheirAdministrationOnlyAndOsepHearsInternalNotes() {
        Requests.Setting mine = Requests.Setting.create(false);
        Requests.Setting elsewhere = Requests.Setting.create(false);
        SseClient agent = open("/api/v1/requests/stream", SseClient.bearer(mine.agentToken()));
        SseClient osep = open("/api/v1/requests/stream", SseClient.bearer(mine.osepToken()));
        assertEquals(200, agent.status());
        assertEquals(200, osep.status());
        assertTrue(registry.get("milie.streams.open").gauge().value() >= 2, "both streams are counted open");

        String theirs = elsewhere.requestInProgress(Api.uniqueEmail("elsewhere"));
        String ours = mine.requestInProgress(Api.uniqueEmail("ours"));
        note(mine.agentToken(), ours);

        // the other administration's moves came first in the feed: the agent's first event is ours
        expect(agent, "ROUTED", ours);
        expect(agent, "ACKNOWLEDGED", ours);
        SseClient.Event noted = expect(agent, "NOTE_ADDED", ours);
        assertEquals("INTERNAL", noted.json().getString("event.visibility"));
        assertEquals("Voir avec le service des archives.", noted.json().getString("event.message"));

        // OSEP hears everything, in the order it was committed
        List<String> heard = new ArrayList<>();
        while (heard.size() < 7) {
            SseClient.Event event = osep.next();
            String about = event.json().getString("requestId");
            if (!about.equals(theirs) && !about.equals(ours)) {
                continue; // another request's move (a job)
            }
            heard.add(event.json().getString("requestId").equals(theirs) ? "theirs " + event.name() : "ours " + event.name());
        }
        assertEquals(List.of("theirs SUBMITTED", "theirs ROUTED", "theirs ACKNOWLEDGED", "ours SUBMITTED", "ours ROUTED",
                "ours ACKNOWLEDGED", "ours NOTE_ADDED"), heard);
    }

    @Test
    void aCitizenHearsTheirOwnRequestsAndTheStreamEndsWhenTheySignOut() {
        Requests.Setting at = Requests.Setting.create(false);
        String token = Codes.signInCitizen(mailbox, relay, Api.uniqueEmail("owner"));
        SseClient stream = open("/api/v1/me/requests/stream", SseClient.bearer(token));
        assertEquals(200, stream.status());

        String someoneElses = submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("other"))).getString("id");
        String own = Requests.submit(as(token), complaint(at.categoryCode(), Api.uniqueEmail("owner-contact"))).getString("id");
        assertNotEquals(someoneElses, own);
        expect(stream, "SUBMITTED", own);

        as(token).post("/api/v1/auth/logout").then().statusCode(204);
        assertTrue(stream.endsWithin(Duration.ofSeconds(10)), "the stream ended with the session");
    }

    @Test
    void aReconnectionReplaysWhatWasMissedOnceAndInOrderThenFollowsLive() {
        Requests.Setting at = Requests.Setting.create(false);
        JsonPath receipt = submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("replay")));
        String id = receipt.getString("id");
        String path = "/api/v1/tracking/" + receipt.getString("trackingCode") + "/events/stream";
        Map<String, String> key = Map.of("X-Access-Key", receipt.getString("accessKey"));
        SseClient first = open(path, key);
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing")
                .then().statusCode(200);
        String lastSeen = expect(first, "ROUTED", id).id();
        first.close();

        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "Quelle est la date de la demande ?"))
                .post("/api/v1/requests/" + id + "/messages").then().statusCode(200);

        SseClient again = open(path, Map.of("X-Access-Key", receipt.getString("accessKey"), "Last-Event-ID", lastSeen));
        expect(again, "ACKNOWLEDGED", id);
        expect(again, "INFORMATION_REQUESTED", id);
        Api.anonymous().header("X-Access-Key", receipt.getString("accessKey")).body(Map.of("text", "Le 3 mars."))
                .post("/api/v1/requests/" + id + "/messages").then().statusCode(200);
        // the next event is the new one: nothing replayed comes twice
        expect(again, "CITIZEN_REPLIED", id);
    }

    @Test
    void aPositionOutOfReachGetsOneResetEvent() {
        Requests.Setting at = Requests.Setting.create(false);
        JsonPath receipt = submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("reset")));
        String id = receipt.getString("id");
        String path = "/api/v1/tracking/" + receipt.getString("trackingCode") + "/events/stream";
        SseClient first = open(path, Map.of("X-Access-Key", receipt.getString("accessKey")));
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId())).post("/api/v1/requests/" + id + "/routing")
                .then().statusCode(200);
        String lastSeen = expect(first, "ROUTED", id).id();
        first.close();
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);

        // a day and more later, what was missed is no longer replayed: the app reloads instead
        clock.advance(Duration.ofHours(25));
        SseClient late = open(path, Map.of("X-Access-Key", receipt.getString("accessKey"), "Last-Event-ID", lastSeen));
        SseClient.Event reset = late.next();
        assertEquals("reset", reset.name());
        // and an id this server never wrote is a reset too
        SseClient forged = open(path, Map.of("X-Access-Key", receipt.getString("accessKey"), "Last-Event-ID", "garbage"));
        assertEquals("reset", forged.next().name());
    }

    @Test
    void aCallerOpensAtMostFiveStreams() {
        String agent = TestTokens.agent(java.util.UUID.fromString(Requests.Setting.create(false).administrationId()));
        for (int i = 0; i < 5; i++) {
            assertEquals(200, open("/api/v1/requests/stream", SseClient.bearer(agent)).status());
        }
        SseClient sixth = open("/api/v1/requests/stream", SseClient.bearer(agent));
        assertEquals(429, sixth.status());
        assertEquals("RATE_LIMITED", sixth.problem().getString("code"));
        assertTrue(Long.parseLong(sixth.header("Retry-After")) >= 1);
    }

    @Test
    void citizensAndSysadminsHaveNoStaffStream() {
        assertEquals(403, open("/api/v1/requests/stream", SseClient.bearer(TestTokens.of("citizen"))).status());
        assertEquals(403, open("/api/v1/requests/stream", SseClient.bearer(TestTokens.of("sysadmin"))).status());
        assertEquals(401, open("/api/v1/requests/stream", Map.of()).status());
        assertEquals(403, open("/api/v1/me/requests/stream", SseClient.bearer(TestTokens.of("osep"))).status());
    }
    private static String ticket(io.restassured.specification.RequestSpecification as, Map<String, Object> body) {
        return as.body(body).post("/api/v1/stream-tickets").then().statusCode(201)
                .body("expiresAt", org.hamcrest.Matchers.notNullValue()).extract().path("ticket");
    }

    @Test
    void aTicketOpensItsStreamOnceWithoutAnyHeader() {
        Requests.Setting at = Requests.Setting.create(false);
        String ticket = ticket(as(at.agentToken()), Map.of("stream", "STAFF"));
        SseClient stream = open("/api/v1/requests/stream?ticket=" + ticket, Map.of());
        assertEquals(200, stream.status());
        String id = at.requestInProgress(Api.uniqueEmail("ticket"));
        expect(stream, "ROUTED", id);

        SseClient again = open("/api/v1/requests/stream?ticket=" + ticket, Map.of());
        assertEquals(401, again.status());
        assertEquals("UNAUTHENTICATED", again.problem().getString("code"));
    }

    @Test
    void aTicketExpiresAfterAMinuteAndOpensOnlyItsOwnStream() {
        Requests.Setting at = Requests.Setting.create(false);
        JsonPath receipt = submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("ticket")));
        JsonPath other = submitAnonymously(complaint(at.categoryCode(), Api.uniqueEmail("other")));
        io.restassured.specification.RequestSpecification keyHolder = Api.anonymous()
                .header("X-Access-Key", receipt.getString("accessKey"));
        Map<String, Object> tracking = Map.of("stream", "TRACKING", "trackingCode", receipt.getString("trackingCode"));

        String forAnotherRequest = ticket(keyHolder, tracking);
        assertEquals(401, open("/api/v1/tracking/" + other.getString("trackingCode") + "/events/stream?ticket="
                + forAnotherRequest, Map.of()).status());
        String forAnotherStream = ticket(Api.anonymous().header("X-Access-Key", receipt.getString("accessKey")), tracking);
        assertEquals(401, open("/api/v1/me/requests/stream?ticket=" + forAnotherStream, Map.of()).status());

        String late = ticket(Api.anonymous().header("X-Access-Key", receipt.getString("accessKey")), tracking);
        clock.advance(Duration.ofSeconds(61));
        assertEquals(401, open("/api/v1/tracking/" + receipt.getString("trackingCode") + "/events/stream?ticket=" + late,
                Map.of()).status());

        String inTime = ticket(Api.anonymous().header("X-Access-Key", receipt.getString("accessKey")), tracking);
        assertEquals(200, open("/api/v1/tracking/" + receipt.getString("trackingCode") + "/events/stream?ticket=" + inTime,
                Map.of()).status());
        // and a wrong key gets no ticket
        Api.anonymous().header("X-Access-Key", "not-the-key").body(tracking).post("/api/v1/stream-tickets").then()
                .statusCode(404);
    }
}
