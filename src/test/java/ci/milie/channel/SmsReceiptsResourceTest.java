package ci.milie.channel;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;
import ci.milie.notification.OutboxRelay;
import ci.milie.support.Outboxes;
import ci.milie.support.RecordingSmsSender;
import ci.milie.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The aggregator's delivery reports, as Africa's Talking posts them (a form) and as JSON. */
@QuarkusTest
class SmsReceiptsResourceTest {

    private static final String RECEIPTS = "/api/v1/channels/sms/receipts";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    RecordingSmsSender sms;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Queues a receipt SMS to a new number, sends it, and returns what the gateway got. */
    private RecordingSmsSender.Sms sentReceipt(String phone) {
        QuarkusTransaction.requiringNew().run(() -> outbox.notify(new Outbox.Recipient(null, phone, "fr"), MessageKind.RECEIPT,
                Map.of("trackingCode", "MIL-DLR0-0001", "subject", "Eau coupée",
                        "trackingUrl", "https://app.milie.test/suivi/MIL-DLR0-0001"), null));
        Outboxes.drain(relay);
        List<RecordingSmsSender.Sms> sent = sms.sentTo(phone);
        assertEquals(1, sent.size());
        return sent.get(0);
    }

    private static String uniquePhone() {
        return "+22507" + (10_000_000 + new Random().nextInt(89_999_999));
    }

    /** JSON from the configured aggregator, with its name and secret. */
    private static io.restassured.specification.RequestSpecification aggregator() {
        return anonymous().header(AggregatorAuthentication.NAME_HEADER, Ussd.AGGREGATOR)
                .header(AggregatorAuthentication.SECRET_HEADER, Ussd.SECRET);
    }

    @Test
    void aReportWithoutTheAggregatorsSecretIsRefusedAndChangesNothing() {
        assertProblem(anonymous().body(Map.of("id", "ATXid_1", "status", "Success")).post(RECEIPTS).then(), 401,
                "UNAUTHENTICATED");
        assertProblem(anonymous().header(AggregatorAuthentication.NAME_HEADER, Ussd.AGGREGATOR)
                .header(AggregatorAuthentication.SECRET_HEADER, "wrong").body(Map.of("id", "ATXid_1", "status", "Success"))
                .post(RECEIPTS).then(), 401, "UNAUTHENTICATED");
    }

    private static io.restassured.response.ValidatableResponse reportForm(String id, String status) {
        return Ussd.callback(Ussd.AGGREGATOR, Ussd.SECRET).formParam("id", id).formParam("status", status)
                .formParam("phoneNumber", "+2250701020304").formParam("networkCode", "61201")
                .formParam("failureReason", "DeliveryFailure").formParam("retryCount", "0")
                .post(RECEIPTS).then();
    }

    @Test
    void aSuccessReportedAsAFormIsRecordedAsDelivered() {
        String id = sentReceipt(uniquePhone()).messageId();

        reportForm(id, "Success").statusCode(202).contentType(ContentType.JSON).body("outcome", equalTo("DELIVERED"));
        reportForm(id, "Success").statusCode(202).body("outcome", equalTo("IGNORED"));
    }

    @Test
    void aFailureReportedAsJsonSendsTheSmsAgainAfterTheBackoff() {
        String phone = uniquePhone();
        String id = sentReceipt(phone).messageId();

        aggregator().body(Map.of("id", id, "status", "Failed", "failureReason", "AbsentSubscriber")).post(RECEIPTS).then()
                .statusCode(202).body("outcome", equalTo("RETRY_SCHEDULED"));
        Outboxes.drain(relay);
        assertEquals(1, sms.sentTo(phone).size(), "not before the backoff");

        clock.advance(Duration.ofMinutes(1));
        Outboxes.drain(relay);

        List<RecordingSmsSender.Sms> sent = sms.sentTo(phone);
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).text(), sent.get(1).text(), "the same text, kept for the retry");
        // a late repeat for the first send: the message now carries the id of its second
        aggregator().body(Map.of("id", id, "status", "Failed")).post(RECEIPTS).then()
                .statusCode(202).body("outcome", equalTo("UNKNOWN_MESSAGE"));
        reportForm(sent.get(1).messageId(), "Success").statusCode(202).body("outcome", equalTo("DELIVERED"));
    }

    @Test
    void aStatusOnTheWayChangesNothing() {
        String phone = uniquePhone();
        String id = sentReceipt(phone).messageId();

        reportForm(id, "Buffered").statusCode(202).body("outcome", equalTo("IGNORED"));
        reportForm(id, "Sent").statusCode(202).body("outcome", equalTo("IGNORED"));
        reportForm(id, "DELIVRD").statusCode(202).body("outcome", equalTo("DELIVERED"));
    }

    @Test
    void aReportForAnUnknownIdIsAcceptedSoThatTheAggregatorDoesNotRetryIt() {
        reportForm("ATXid_not-ours", "Success").statusCode(202).body("outcome", equalTo("UNKNOWN_MESSAGE"));
    }

    @Test
    void aReportWithoutStatusIsRefused() {
        assertProblem(Ussd.callback(Ussd.AGGREGATOR, Ussd.SECRET).formParam("id", "ATXid_1").post(RECEIPTS).then(),
                400, "VALIDATION_FAILED");
        assertProblem(aggregator().body(Map.of("status", "Success")).post(RECEIPTS).then(), 400, "VALIDATION_FAILED");
    }
}
