package ci.milie.channel;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Api;
import ci.milie.support.Codes;
import ci.milie.support.Outboxes;
import ci.milie.support.RecordingSmsSender;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The commands citizens text to the short code, posted as the aggregator posts them, and the replies queued. */
@QuarkusTest
class SmsCommandsTest {

    private static final String INBOUND = "/api/v1/channels/sms/inbound";
    private static final String HELP_FR = "Milie : SUIVI code = suivre une demande ; NOTE 1-5 code = noter la réponse ; "
            + "RECLAMATION texte = déposer une réclamation ; STOP = plus de SMS.";
    private static final String OPTED_OUT_FR = "Milie : vous ne recevrez plus de SMS de Milie. Pour les recevoir à nouveau, "
            + "envoyez START.";
    private static final String OPTED_IN_FR = "Milie : vous recevez de nouveau les SMS de Milie. Pour ne plus les recevoir, "
            + "envoyez STOP.";
    private static final String TEXT = "Pas d'eau au robinet depuis 3 jours à Yopougon";

    @Inject
    OutboxRelay relay;

    @Inject
    RecordingSmsSender sms;

    @Inject
    EntityManager em;

    @Inject
    SmsCommands commands;

    @Inject
    TestClock clock;

    @Inject
    PhoneIdentity identity;

    /** What the outbox holds for a number: kind and text (erased once sent: read before draining), oldest first. */
    record Queued(String kind, String text) {
    }

    @BeforeEach
    void sendWhatOthersLeft() {
        Outboxes.drain(relay);
    }

    /** The category texted complaints go to (milie.channels.sms.complaint-category): made once for the suite. */
    private static void complaintCategoryExists() {
        String administrationId = Setting.create(false).administrationId();
        int status = asSysadmin().body(Map.of("code", "AUTRE", "labelFr", "Autre préoccupation", "labelEn", "Other concern",
                "applicableTypes", List.of("COMPLAINT", "SUGGESTION", "OBSERVATION"),
                "defaultAdministrationId", administrationId)).post("/api/v1/categories").then().extract().statusCode();
        assertTrue(status == 201 || status == 409, "created, or made by an earlier test: " + status);
    }

    private static ValidatableResponse post(String from, String text, String id) {
        return Ussd.callback(Ussd.AGGREGATOR, Ussd.SECRET).formParam("from", from).formParam("to", "1234")
                .formParam("text", text).formParam("date", "2026-11-30 10:42:07").formParam("id", id)
                .formParam("linkId", "SampleLinkId123").formParam("networkCode", "61203").post(INBOUND).then();
    }

    /** Texts {@code text} from {@code from} under a new id; checks the answer names the command and is not a repeat. */
    private static void text(String from, String text, String command) {
        post(from, text, "ATXid_" + UUID.randomUUID()).statusCode(200).contentType(ContentType.JSON)
                .body("command", equalTo(command)).body("repeated", equalTo(false));
    }

    private List<Queued> queued(String e164) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select kind, body from outbox_message where recipient = ?1 and channel = 'SMS' order by created_at, id")
                .setParameter(1, e164).getResultList().stream()
                .map(row -> new Queued((String) ((Object[]) row)[0], (String) ((Object[]) row)[1])).toList());
    }

    /** The texts of the replies queued for a number (kind SMS_REPLY), oldest first. */
    private List<String> replies(String e164) {
        return queued(e164).stream().filter(q -> q.kind().equals("SMS_REPLY")).map(Queued::text).toList();
    }

    private List<String> sentTo(String e164) {
        Outboxes.drain(relay);
        return sms.sentTo(e164).stream().map(RecordingSmsSender.Sms::text).toList();
    }

    private static String dueDay(String code, DateTimeFormatter format) {
        String due = anonymous().get("/api/v1/tracking/" + code).then().statusCode(200).extract().path("dueAt");
        return format.withZone(ZoneOffset.UTC).format(Instant.parse(due));
    }

    /** A complaint texted from {@code phone}; its tracking code, read from the receipt queued as the reply. */
    private String fileBySms(String phone, String command) {
        complaintCategoryExists();
        text(phone, command + "  " + TEXT, "COMPLAINT");
        List<Queued> queued = queued(phone);
        assertEquals(1, queued.size(), "the receipt, and only it: " + queued);
        assertEquals("RECEIPT", queued.get(0).kind());
        return Ussd.trackingCode(queued.get(0).text());
    }

    private static String requestId(Setting at, String code) {
        return as(at.osepToken()).queryParam("trackingCode", code).get("/api/v1/requests").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
    }

    /** Routes, acknowledges and answers the request: its answer is delivered, ready to rate. */
    private static void answer(Setting at, String id) {
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", "La conduite est réparée, l'eau revient ce soir."))
                .post("/api/v1/requests/" + id + "/answers").then().statusCode(201).body("requestStatus", equalTo("ANSWERED"));
    }

    @Test
    void suiviAndStatusReplyWithTheStatusAndTheDeadlineInTheWordsLanguage() {
        String filer = Codes.uniquePhone();
        String code = fileBySms(filer, "RECLAMATION");
        String stranger = Codes.uniquePhone();

        text(stranger, "  suivi   " + code.substring(4).replace("-", "").toLowerCase() + " ", "STATUS");
        text(stranger, "Status " + code, "STATUS");
        text(stranger, "SUIVI MIL-ZZZZ-ZZZZ", "STATUS");

        String expectedFr = "Milie : demande " + code + " : Recue. Prochaine étape au plus tard le "
                + dueDay(code, DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ".";
        String expectedEn = "Milie: request " + code + ": Received. Next step due by "
                + dueDay(code, DateTimeFormatter.ISO_LOCAL_DATE) + ".";
        String unknown = "Milie : aucune demande ne porte le code MIL-ZZZZ-ZZZZ. Vérifiez-le (MIL-XXXX-XXXX) et renvoyez "
                + "SUIVI suivi du code.";
        assertEquals(List.of(new Queued("SMS_REPLY", expectedFr), new Queued("SMS_REPLY", expectedEn),
                new Queued("SMS_REPLY", unknown)), queued(stranger), "the status of any code, nothing personal");
        assertEquals(List.of(expectedFr, expectedEn, unknown), sentTo(stranger));
    }

    @Test
    void aComplaintTextedInFrenchOrEnglishIsFiledBySmsForTheNumbersAccountAndItsReceiptIsTheReply() {
        String phone = Codes.uniquePhone();
        String code = fileBySms(phone, "Réclamation");
        String english = Codes.uniquePhone();
        String codeEn = fileBySms(english, "complaint");

        List<String> received = sentTo(phone);
        assertEquals(1, received.size());
        assertTrue(received.get(0).startsWith("Milie : merci, votre demande " + code + " est bien recue."), received.get(0));
        assertTrue(sentTo(english).get(0).startsWith("Milie: thank you, we have received your request " + codeEn + "."),
                sentTo(english).toString());
        String token = Codes.signInCitizenByPhone(sms, relay, phone);
        as(token).get("/api/v1/me/requests").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].trackingCode", equalTo(code))
                .body("items[0].channel", equalTo("SMS"))
                .body("items[0].type", equalTo("COMPLAINT"))
                .body("items[0].categoryCode", equalTo("AUTRE"))
                .body("items[0].status", equalTo("RECEIVED"))
                .body("items[0].subject", equalTo(TEXT));
    }

    @Test
    void noteRatesTheSendersOwnAnswerAndNeverAnothers() {
        String stranger = Codes.uniquePhone();
        Codes.signInCitizenByPhone(sms, relay, stranger); // an account of its own, which is not the filer's
        Setting at = Setting.create(false);
        String phone = Codes.uniquePhone();
        String code = fileBySms(phone, "RECLAMATION");
        String id = requestId(at, code);
        text(phone, "NOTE 4 " + code, "RATE");
        answer(at, id);

        text(stranger, "NOTE 5 " + code, "RATE");
        text(stranger, "RATE 5 " + code, "RATE");
        text(phone, "note 4 " + code, "RATE");
        text(phone, "NOTE 5 " + code, "RATE");

        String notYet = "Milie : la demande " + code + " n'a pas encore de réponse à noter.";
        assertEquals(List.of(notYet, "Milie : merci, votre note de 4/5 pour la demande " + code + " est enregistrée.", notYet),
                replies(phone), "not before the answer, then once");
        assertEquals(List.of(notYet, "Milie: request " + code + " has no answer to rate yet."), replies(stranger),
                "another's request: as if it had no answer");
        as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("channel", equalTo("SMS"));
    }

    @Test
    void rateInEnglishWithALowScoreLeavesTheRequestOpenToADispute() {
        Setting at = Setting.create(false);
        String phone = Codes.uniquePhone();
        String code = fileBySms(phone, "COMPLAINT");
        String id = requestId(at, code);
        answer(at, id);

        text(phone, "RATE 2 " + code.substring(4).replace("-", " "), "RATE");

        List<Queued> queued = queued(phone);
        assertEquals(new Queued("SMS_REPLY", "Milie: thank you, your rating of 2/5 for request " + code + " is recorded."),
                queued.get(queued.size() - 1));
        as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200).body("status", equalTo("ANSWERED"));
    }

    @Test
    void stopSilencesTheNumberButForItsConfirmationAndStartRestoresIt() {
        complaintCategoryExists();
        String phone = Codes.uniquePhone();

        text(phone, "STOP", "STOP");
        text(phone, "SUIVI MIL-ZZZZ-ZZZZ", "STATUS");
        text(phone, "RECLAMATION " + TEXT, "COMPLAINT"); // filed; its receipt is not queued
        assertEquals(List.of(new Queued("SMS_OPTED_OUT", OPTED_OUT_FR)), queued(phone));
        assertEquals(List.of(OPTED_OUT_FR), sentTo(phone), "the confirmation, then nothing");

        text(phone, "Start", "START");
        text(phone, "Bonjour", "HELP");
        assertEquals(List.of(OPTED_OUT_FR, OPTED_IN_FR, HELP_FR), sentTo(phone));

        text(phone, "ARRÊT", "STOP");
        text(phone, "suivi MIL-ZZZZ-ZZZZ", "STATUS");
        assertEquals(List.of(OPTED_OUT_FR, OPTED_IN_FR, HELP_FR, OPTED_OUT_FR), sentTo(phone));
    }

    @Test
    void aComplaintTheDoorRefusesFilesNothingAndTheSenderIsToldSo() {
        complaintCategoryExists();
        String category = "/api/v1/categories/" + Api.categoryId("AUTRE");
        Map<String, Object> restore = new HashMap<>(asSysadmin().get(category).then().statusCode(200).extract()
                .jsonPath().getMap(""));
        asSysadmin().delete(category).then().statusCode(lessThan(300));
        String phone = Codes.uniquePhone();
        try {
            text(phone, "RECLAMATION " + TEXT, "COMPLAINT");
        } finally {
            restore.keySet().retainAll(List.of("code", "labelFr", "labelEn", "applicableTypes", "defaultAdministrationId"));
            restore.put("active", true);
            asSysadmin().body(restore).put(category).then().statusCode(200);
        }

        assertEquals(List.of(new Queued("SMS_REPLY", "Milie : votre message n'a pas pu etre traité. Réessayez plus tard.")),
                queued(phone), "no receipt: nothing was filed");
        assertEquals(java.util.Optional.empty(), identity.existingAccount(phone), "not even an account");
    }

    @Test
    void anythingElseGetsTheHelp() {
        String phone = Codes.uniquePhone();
        text(phone, "Bonjour, je voudrais des nouvelles", "HELP");
        text(phone, "", "HELP");
        text(phone, "SUIVI", "STATUS"); // no code
        text(phone, "NOTE dix MIL-ZZZZ-ZZZZ", "RATE");
        text(phone, "RECLAMATION eau", "COMPLAINT"); // too short to file

        assertEquals(List.of(HELP_FR, HELP_FR, HELP_FR, HELP_FR, HELP_FR), replies(phone));
        assertEquals(List.of(HELP_FR, HELP_FR, HELP_FR, HELP_FR, HELP_FR), sentTo(phone));
    }

    @Test
    void aMessagePostedAgainWithTheSameIdDoesNothingMore() {
        complaintCategoryExists();
        String phone = Codes.uniquePhone();
        String id = "ATXid_" + UUID.randomUUID();
        post(phone, "réclamation " + TEXT, id).statusCode(200).body("command", equalTo("COMPLAINT"))
                .body("repeated", equalTo(false));
        post(phone, "réclamation " + TEXT, id).statusCode(200).body("command", equalTo("COMPLAINT"))
                .body("repeated", equalTo(true));
        String help = "ATXid_" + UUID.randomUUID();
        post(phone, "?", help).statusCode(200).body("repeated", equalTo(false));
        post(phone, "?", help).statusCode(200).body("repeated", equalTo(true));

        List<Queued> queued = queued(phone);
        assertEquals(List.of("RECEIPT", "SMS_REPLY"), queued.stream().map(Queued::kind).toList(), "one request, one help");

        // a week later the ids are forgotten: by then no aggregator posts them again
        assertTrue(commands.forgetIdsBefore(clock.instant().plusSeconds(1)) >= 2);
        post(phone, "?", help).statusCode(200).body("repeated", equalTo(false));
    }

    @Test
    void callbacksWithoutTheAggregatorsSecretAreRefusedAndDoNothing() {
        String phone = Codes.uniquePhone();
        assertProblem(Ussd.callback(null, null).formParam("from", phone).formParam("id", "ATXid_1").formParam("text", "STOP")
                .post(INBOUND).then(), 401, "UNAUTHENTICATED");
        assertProblem(Ussd.callback(Ussd.AGGREGATOR, "wrong").formParam("from", phone).formParam("id", "ATXid_1")
                .formParam("text", "STOP").post(INBOUND).then(), 401, "UNAUTHENTICATED");
        assertEquals(List.of(), queued(phone));
    }

    @Test
    void aSenderThatIsNoNumberOrAMessageWithoutIdIsInvalid() {
        assertProblem(post("not a number", "STOP", "ATXid_" + UUID.randomUUID()), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("from"));
        assertProblem(Ussd.callback(Ussd.AGGREGATOR, Ussd.SECRET).contentType(ContentType.JSON)
                .body(Map.of("from", Codes.uniquePhone(), "text", "STOP")).post(INBOUND).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void aNumberPastItsLimitIsRefusedWithoutAReply() {
        String phone = Codes.uniquePhone();
        for (int i = 0; i < 100; i++) {
            text(phone, "?", "HELP");
        }
        assertProblem(post(phone, "?", "ATXid_" + UUID.randomUUID()), 429, "RATE_LIMITED")
                .header("Retry-After", notNullValue());
        assertEquals(100, queued(phone).size(), "no reply to the refused one");
        text(Codes.uniquePhone(), "?", "HELP");
    }
}
