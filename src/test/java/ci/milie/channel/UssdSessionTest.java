package ci.milie.channel;

import static ci.milie.channel.Ussd.pick;
import static ci.milie.channel.Ussd.step;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Codes;
import ci.milie.support.Outboxes;
import ci.milie.support.RecordingSmsSender;
import ci.milie.support.TestTokens;
import ci.milie.support.Requests.Setting;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UssdSessionTest {

    private static final String MAIN = """
            CON Milie
            1 Déposer une réclamation, suggestion ou observation
            2 Suivre une demande
            3 Mes dernières demandes
            4 Noter une réponse
            9 English""";
    private static final String TYPE = "CON Type de demande\n1 Réclamation\n2 Suggestion\n3 Observation\n0 Retour";
    private static final String DESCRIPTION = "Décrivez votre demande en quelques mots (10 caractères au moins)\n0 Retour";
    private static final String TEXT = "Pas d'eau au robinet depuis 3 jours a Yopougon";

    @Inject
    OutboxRelay relay;

    @Inject
    RecordingSmsSender sms;

    /** A top-level category with a label short enough to be shown whole; returns [code, label]. */
    private static String[] category(String administrationId) {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String label = "Ussd " + suffix;
        asSysadmin().body(Map.of("code", "U" + suffix, "labelFr", label, "labelEn", label,
                "applicableTypes", List.of("COMPLAINT", "SUGGESTION", "OBSERVATION"),
                "defaultAdministrationId", administrationId)).post("/api/v1/categories").then().statusCode(201);
        return new String[] { "U" + suffix, label };
    }

    private static String session() {
        return "ATUid_" + UUID.randomUUID();
    }

    /** A session up to the confirmation screen; returns [inputs, screen, region label]. */
    private static String[] upToConfirmation(String session, String phone, String categoryLabel) {
        assertEquals(MAIN, step(session, phone, ""));
        assertEquals(TYPE, step(session, phone, "1"));
        String categories = step(session, phone, "1*1");
        assertTrue(categories.startsWith("CON Catégorie (1/") && categories.endsWith("\n0 Retour"), categories);
        String inputs = pick(session, phone, "1*1", categories, categoryLabel);
        String regions = step(session, phone, inputs);
        assertTrue(regions.startsWith("CON Région (1/") && regions.endsWith("8 Suite\n0 Retour"), regions);
        String region = regions.split("\n")[1].substring(2);
        inputs += "*1";
        assertEquals("CON " + DESCRIPTION, step(session, phone, inputs));
        assertEquals("CON Texte trop court.\n" + DESCRIPTION, step(session, phone, inputs + "*Fuite"));
        inputs += "*" + TEXT;
        String confirmation = step(session, phone, inputs);
        assertEquals("CON Envoyer cette demande ?\nRéclamation, " + categoryLabel + ", " + region + "\n\"" + TEXT
                + "\"\n1 Envoyer\n2 Annuler\n0 Retour", confirmation);
        return new String[] { inputs, confirmation, region };
    }

    /**
     * OSEP routes the request of this code to {@code at}'s administration, which acknowledges and
     * answers it: its id.
     */
    private static String answer(Setting at, String code, String text) {
        String id = as(at.osepToken()).queryParam("trackingCode", code).get("/api/v1/requests").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
        as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(at.agentToken()).body(Map.of("text", text)).post("/api/v1/requests/" + id + "/answers").then()
                .statusCode(201).body("requestStatus", equalTo("ANSWERED"));
        return id;
    }

    private String fileByUssd(String phone, String categoryLabel) {
        String session = session();
        String inputs = upToConfirmation(session, phone, categoryLabel)[0];
        String filed = step(session, phone, inputs + "*1");
        String code = Ussd.trackingCode(filed);
        assertEquals("END Demande enregistrée. Code de suivi: " + code + ". Un SMS vous le confirme.", filed);
        // the aggregator repeats the last step (its answer was lost): the same request, not a second one
        assertEquals(filed, step(session, phone, inputs + "*1"));
        return code;
    }

    @Test
    void aComplaintFiledByUssdBelongsToTheNumbersAccountAndItsReceiptLeavesBySms() {
        Setting at = Setting.create(false);
        String[] category = category(at.administrationId());
        String phone = Codes.uniquePhone();

        String code = fileByUssd(phone.substring(1), category[1]);

        Outboxes.drain(relay);
        List<RecordingSmsSender.Sms> texts = sms.sentTo(phone);
        assertEquals(1, texts.size(), "one receipt");
        assertTrue(texts.get(0).text().contains(code) && texts.get(0).text().contains("http"), texts.get(0).text());
        String token = Codes.signInCitizenByPhone(sms, relay, phone);
        as(token).get("/api/v1/me/requests").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].trackingCode", equalTo(code))
                .body("items[0].channel", equalTo("USSD"))
                .body("items[0].type", equalTo("COMPLAINT"))
                .body("items[0].categoryCode", equalTo(category[0]))
                .body("items[0].subject", equalTo(TEXT));
    }

    @Test
    void twoFirstFilingsAtOnceFromANewNumberMakeOneAccountHoldingBoth() throws Exception {
        Setting at = Setting.create(false);
        String[] category = category(at.administrationId());
        String phone = Codes.uniquePhone();
        String first = session();
        String second = session();
        String inputs = upToConfirmation(first, phone, category[1])[0];
        upToConfirmation(second, phone, category[1]);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        Set<String> codes = new HashSet<>();
        try {
            List<Future<String>> filed = new ArrayList<>();
            for (String session : List.of(first, second)) {
                filed.add(callers.submit(() -> {
                    start.await();
                    return step(session, phone, inputs + "*1");
                }));
            }
            start.countDown();
            for (Future<String> screen : filed) {
                String end = screen.get(60, TimeUnit.SECONDS); // a 500 fails the step's status check
                assertTrue(end.startsWith("END Demande enregistrée. Code de suivi: "), end);
                codes.add(Ussd.trackingCode(end));
            }
        } finally {
            callers.shutdownNow();
        }

        assertEquals(2, codes.size(), "two requests");
        String token = Codes.signInCitizenByPhone(sms, relay, phone);
        as(token).get("/api/v1/me/requests").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.trackingCode", containsInAnyOrder(codes.toArray()));
    }

    @Test
    void aSessionAbandonedOrCancelledBeforeConfirmationCreatesNothing() {
        Setting at = Setting.create(false);
        String[] category = category(at.administrationId());
        String phone = Codes.uniquePhone();
        String session = session();
        String inputs = upToConfirmation(session, phone, category[1])[0];
        // the caller hangs up here: the aggregator never calls again for this session
        assertEquals("END Demande annulée: rien n'a été envoyé.", step(session(), phone, inputs.replaceFirst("\\*[^*]+$", "")
                .concat("*" + TEXT + "*2")));

        assertEquals("END Aucune demande avec ce numéro.", step(session(), phone, "3"));
        Outboxes.drain(relay);
        assertEquals(List.of(), sms.sentTo(phone), "no receipt");
    }

    @Test
    void backAndInvalidInputsRepeatOrRewindTheScreen() {
        String phone = Codes.uniquePhone();
        String session = session();
        assertEquals("CON Choix invalide.\n" + MAIN.substring(4), step(session, phone, "7"));
        assertEquals(MAIN, step(session, phone, "1*0"));
        assertEquals("CON Choix invalide.\n" + TYPE.substring(4), step(session, phone, "1*5"));
        assertEquals(TYPE, step(session, phone, "1*1*0"));
        String regions = step(session, phone, "1*1*1");
        assertTrue(regions.startsWith("CON Région (1/"), regions);
        String second = step(session, phone, "1*1*1*8");
        assertTrue(second.startsWith("CON Région (2/"), second);
        assertEquals(regions, step(session, phone, "1*1*1*8*0"));
    }

    @Test
    void englishIsOneKeyAway() {
        String phone = Codes.uniquePhone();
        String session = session();
        assertEquals("""
                CON Milie
                1 File a complaint, suggestion or observation
                2 Follow a request
                3 My latest requests
                4 Rate an answer
                9 Francais""", step(session, phone, "9"));
        assertEquals("CON Type of request\n1 Complaint\n2 Suggestion\n3 Observation\n0 Back", step(session, phone, "9*1"));
        assertEquals("END No request from this number.", step(session, phone, "9*3"));
        assertEquals(MAIN, step(session, phone, "9*9"));
    }

    @Test
    void aCallerFollowsARequestByItsCodeAndSeesTheirLatestOnes() {
        Setting at = Setting.create(false);
        String[] category = category(at.administrationId());
        String phone = Codes.uniquePhone();
        String code = fileByUssd(phone, category[1]);
        String session = session();

        assertEquals("CON Code de suivi (MIL-XXXX-XXXX)\n0 Retour", step(session, phone, "2"));
        assertEquals("CON Code inconnu.\nCode de suivi (MIL-XXXX-XXXX)\n0 Retour", step(session, phone, "2*12345678"));
        String status = step(session, phone, "2*" + code.substring(4).replace("-", ""));
        assertTrue(status.matches("END " + code + ": Recue\\. Echéance \\d\\d/\\d\\d/\\d{4}\\."), status);
        session = session();
        assertEquals("CON Vos dernières demandes:\n1 " + status.substring(4) + "\n0 Retour", step(session, phone, "3"));
        // without an answer, choosing it shows its status alone
        assertEquals(status, step(session, phone, "3*1"));
        assertEquals("CON Choix invalide.\nVos dernières demandes:\n1 " + status.substring(4) + "\n0 Retour",
                step(session, phone, "3*2"));
        assertEquals(MAIN, step(session, phone, "3*0"));
    }

    private static final String LONG_ANSWER = "Votre acte de naissance est disponible. Présentez-vous au guichet 3 de la "
            + "mairie de Yopougon, du lundi au vendredi de 8 h à 15 h, avec votre pièce d'identité et le récépissé de la "
            + "demande. Les frais de timbre, 500 francs CFA, sont payés sur place. Une procuration signée permet à un "
            + "proche de le retirer à votre place. Sans le récépissé, donnez le code de suivi de la demande à l'agent.";

    @Test
    void theOwnerOfANumberReadsALongAnswerScreenByScreenWhereAnotherNumberSeesOnlyItsStatus() {
        Setting at = Setting.create(false);
        String[] category = category(at.administrationId());
        String phone = Codes.uniquePhone();
        String code = fileByUssd(phone, category[1]);
        String id = answer(at, code, LONG_ANSWER);
        Outboxes.drain(relay);
        // too long for 3 segments: the SMS is the notice, which sends the caller to the menu
        List<String> texts = sms.sentTo(phone).stream().map(RecordingSmsSender.Sms::text).toList();
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Milie : du nouveau sur votre demande " + code + ". Lisez-le sur ")
                && t.endsWith(" ou par le menu USSD *384*123#.")), "the notice: " + texts);

        String session = session();
        assertEquals("CON Vos dernières demandes:\n1 " + code + ": Répondue.\n0 Retour", step(session, phone, "3"));
        List<String> screens = new ArrayList<>();
        String inputs = "3*1";
        String screen = step(session, phone, inputs);
        assertTrue(screen.startsWith("CON " + code + ": Répondue.\nVotre acte de naissance est disponible. "), screen);
        while (screen.startsWith("CON ")) {
            assertTrue(screen.endsWith("\n1 Suite\n0 Retour"), screen);
            screens.add(screen);
            inputs += "*1";
            screen = step(session, phone, inputs);
        }
        screens.add(screen);
        assertTrue(screens.size() >= 3, "several screens: " + screens);
        StringBuilder read = new StringBuilder();
        for (String shown : screens) {
            String text = shown.substring(4).replace(code + ": Répondue.\n", "").replace("\n1 Suite\n0 Retour", "");
            read.append(read.length() == 0 ? "" : " ").append(text);
        }
        assertEquals(LONG_ANSWER, read.toString(), "the whole answer, in order, on the screens");
        // back a page, back to the list; a wrong key repeats the page under the hint
        assertEquals(screens.get(0), step(session, phone, "3*1*1*0"));
        assertEquals("CON Choix invalide.\n" + screens.get(1).substring(4), step(session, phone, "3*1*1*7"));
        assertEquals("CON Vos dernières demandes:\n1 " + code + ": Répondue.\n0 Retour", step(session, phone, "3*1*0"));

        // another number: none of its own, and the code alone gives the status, never the answer
        String stranger = Codes.uniquePhone();
        assertEquals("END Aucune demande avec ce numéro.", step(session(), stranger, "3"));
        assertEquals("END " + code + ": Répondue.", step(session(), stranger, "2*" + code));
        assertEquals("END Aucune demande avec ce numéro.", step(session(), stranger, "3*1"));
    }

    @Test
    void aRequestFiledByUssdIsRoutedAnsweredBySmsAndRatedByUssd() {
        Setting at = Setting.create(false);
        String[] category = category(at.administrationId());
        String phone = Codes.uniquePhone();
        String code = fileByUssd(phone, category[1]);
        String session = session();
        assertEquals("END Aucune réponse à noter pour ce numéro.", step(session, phone, "4"));

        String id = answer(at, code, "La conduite est réparée, l'eau revient ce soir.");
        Outboxes.drain(relay);
        // The answer itself reaches the caller's feature phone, with how to rate it (it fits in 3 segments).
        List<String> texts = sms.sentTo(phone).stream().map(RecordingSmsSender.Sms::text).toList();
        assertTrue(texts.contains("Milie : l'administration a répondu à votre demande " + code + " : \"La conduite est "
                + "réparée, l'eau revient ce soir.\" Notez sa réponse par le menu USSD *384*123# ou sur "
                + "https://app.milie.test/suivi/" + code + "/avis"), "the answer reaches the caller by SMS: " + texts);

        session = session();
        assertEquals("CON Quelle réponse noter ?\n1 " + code + "\n0 Retour", step(session, phone, "4"));
        assertEquals("CON Votre note, de 1 (mauvais) à 5 (très bien)\n0 Retour", step(session, phone, "4*1"));
        assertEquals("CON Choix invalide.\nVotre note, de 1 (mauvais) à 5 (très bien)\n0 Retour",
                step(session, phone, "4*1*6"));
        assertEquals("CON La réponse vous satisfait-elle ?\n1 Oui\n2 Non\n0 Retour", step(session, phone, "4*1*5"));
        assertEquals("END Merci, votre note est enregistrée.", step(session, phone, "4*1*5*1"));

        as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("channel", equalTo("USSD"));
        assertEquals("END Aucune réponse à noter pour ce numéro.", step(session(), phone, "4"));
        as(TestTokens.of("supervisor")).queryParam("administrationId", at.administrationId())
                .get("/api/v1/stats/overview").then().statusCode(200)
                .body("receivedByChannel.USSD", equalTo(1))
                .body("receivedByChannel.SMS", equalTo(0));
    }

    @Test
    void anUnsatisfiedRatingIsGivenOnceAndTheRequestStaysOpenToADispute() {
        Setting at = Setting.create(false);
        String[] category = category(at.administrationId());
        String phone = Codes.uniquePhone();
        String code = fileByUssd(phone, category[1]);
        String id = answer(at, code, "Une équipe passera lundi.");

        assertEquals("END Merci, votre note est enregistrée.", step(session(), phone, "4*1*2*2"));

        as(at.osepToken()).get("/api/v1/requests/" + id).then().statusCode(200).body("status", equalTo("ANSWERED"));
        assertEquals("END Aucune réponse à noter pour ce numéro.", step(session(), phone, "4"));
    }

    @Test
    void callbacksWithoutTheAggregatorsSecretAreRefused() {
        String phone = Codes.uniquePhone();
        assertProblem(Ussd.form(Ussd.callback(null, null), session(), phone, "").post("/api/v1/channels/ussd").then(),
                401, "UNAUTHENTICATED");
        assertProblem(Ussd.form(Ussd.callback(Ussd.AGGREGATOR, "wrong"), session(), phone, "")
                .post("/api/v1/channels/ussd").then(), 401, "UNAUTHENTICATED");
        assertProblem(Ussd.form(Ussd.callback("unknown", Ussd.SECRET), session(), phone, "")
                .post("/api/v1/channels/ussd").then(), 401, "UNAUTHENTICATED");
        // "fenced" may only call from 192.0.2.0/24; the test calls from 127.0.0.1
        assertProblem(Ussd.form(Ussd.callback("fenced", "fenced-aggregator-secret"), session(), phone, "")
                .post("/api/v1/channels/ussd").then(), 403, "FORBIDDEN");
    }

    @Test
    void aNumberPastItsLimitOfCallsIsToldSo() {
        String phone = Codes.uniquePhone();
        String session = session();
        for (int i = 0; i < 100; i++) {
            assertEquals(MAIN, step(session, phone, ""));
        }
        assertEquals("END Trop d'appels de ce numéro. Réessayez dans une heure.", step(session, phone, ""));
        assertEquals("END Too many calls from this number. Try again in an hour.", step(session, phone, "9"));
        // another number is not held back
        assertEquals(MAIN, step(session(), Codes.uniquePhone(), ""));
    }

    @Test
    void aCallWithoutANumberIsInvalid() {
        assertProblem(Ussd.form(Ussd.callback(Ussd.AGGREGATOR, Ussd.SECRET), session(), "not a number", "")
                .post("/api/v1/channels/ussd").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("phoneNumber"));
    }
}
