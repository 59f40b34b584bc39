package ci.milie.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.qute.TemplateException;
import io.quarkus.test.junit.QuarkusTest;

/** Every message in both languages, with the values MessageKind documents. */
@QuarkusTest
class OutboxTemplatesTest {

    private static final String CODE = "MIL-7KQ2-9XD3";
    /** As long as a production link gets: base URL, tracking code and a 128-bit access key. */
    private static final String TRACKING_URL = "https://app.milie.test/suivi/" + CODE + "?key=" + "k".repeat(22);
    private static final String RATING_URL = TRACKING_URL + "#evaluer-la-reponse";

    @Inject
    MessageTemplates templates;

    static Map<String, Object> valuesFor(MessageKind kind) {
        Map<String, Object> values = new HashMap<>();
        switch (kind) {
            case OTP_CODE, PRIVACY_CODE -> {
                values.put("code", "482913");
                values.put("minutes", 10L);
            }
            case RECEIPT -> {
                values.put("trackingCode", CODE);
                values.put("subject", "Extrait de naissance introuvable depuis trois mois à la mairie de Yopougon");
                values.put("trackingUrl", TRACKING_URL);
            }
            case INFORMATION_REQUESTED -> {
                values.put("trackingCode", CODE);
                values.put("question", "Pouvez-vous préciser la date de votre première demande ?");
                values.put("trackingUrl", TRACKING_URL);
            }
            case REJECTED -> {
                values.put("trackingCode", CODE);
                values.put("reasonCode", "DUPLICATE");
                values.put("message", "Votre demande MIL-2222-3333 porte déjà sur ce sujet.");
                values.put("trackingUrl", TRACKING_URL);
            }
            case ANSWER_DELIVERED -> {
                values.put("trackingCode", CODE);
                values.put("subject", "Extrait de naissance introuvable");
                values.put("answer", "Votre extrait est disponible au guichet 3 de la mairie de Yopougon.");
                values.put("trackingUrl", TRACKING_URL);
                values.put("ratingUrl", RATING_URL);
            }
            case REQUEST_REOPENED -> {
                values.put("trackingCode", CODE);
                values.put("subject", "Extrait de naissance introuvable");
                values.put("reason", "Le guichet 3 dit ne pas avoir mon extrait.");
                values.put("reopenCount", 1);
            }
            case DEADLINE_REMINDER, DEADLINE_MISSED -> {
                values.put("trackingCode", CODE);
                values.put("subject", "Extrait de naissance introuvable");
                values.put("stage", "ANSWER");
                values.put("dueAt", "2026-12-01T17:00:00Z");
                values.put("level", 1);
            }
            case WEBHOOK_DISABLED -> {
                values.put("clientName", "Système de gestion des plaintes du MSHPCMU");
                values.put("webhookId", "5c0e7a4e-2b9f-4f3a-8d51-0b6f3e2a9c11");
                values.put("reasonCode", "FAILURES");
                values.put("failures", 50);
            }
        }
        return values;
    }

    @Test
    void deadlineMessagesNameTheStageInWords() {
        Map<String, Object> values = valuesFor(MessageKind.DEADLINE_MISSED);
        assertThat(templates.email(MessageKind.DEADLINE_MISSED, "fr", values).text(), containsString("de réponse"));
        values.put("level", 2);
        assertThat(templates.email(MessageKind.DEADLINE_MISSED, "en", values).subject(), containsString("Escalation"));
    }

    @Test
    void everyKindHasAnEmailInFrenchAndInEnglish() {
        for (MessageKind kind : MessageKind.templated()) {
            MessageTemplates.Email french = templates.email(kind, "fr", valuesFor(kind));
            MessageTemplates.Email english = templates.email(kind, "en", valuesFor(kind));

            assertFalse(french.subject().isBlank(), kind + " has a French subject");
            assertFalse(french.subject().contains("\n"), kind + " subject is one line");
            assertThat(kind + " greets in French", french.text(), containsString("Bonjour,"));
            assertThat(kind + " greets in English", english.text(), containsString("Hello,"));
            assertNotEquals(french.subject(), english.subject());
            assertThat(french.html(), containsString("<html lang=\"fr\">"));
            assertThat(english.html(), containsString("<html lang=\"en\">"));
            valuesFor(kind).forEach((key, value) -> {
                // codes are shown as words, and the escalation level only changes the wording
                if (!List.of("reasonCode", "stage", "level").contains(key)) {
                    assertThat(kind + " shows " + key, french.text(), containsString(value.toString()));
                    assertThat(kind + " shows " + key, english.text(), containsString(value.toString()));
                }
            });
        }
    }

    @Test
    void aTextMessageThatWouldCostMoreThanThreeSegmentsBecomesANoticeWithTheTrackingCode() {
        Map<String, Object> values = valuesFor(MessageKind.INFORMATION_REQUESTED);
        values.put("trackingUrl", "https://app.milie.test/suivi/" + CODE + "?key=" + "k".repeat(400));
        assertThat(templates.sms(MessageKind.INFORMATION_REQUESTED, "fr", values), is("Milie : du nouveau sur votre demande "
                + CODE + ". Lisez-le sur https://app.milie.test ou par le menu USSD *384*123#."));
        assertThat(templates.sms(MessageKind.INFORMATION_REQUESTED, "en", values), is("Milie: there is news about your request "
                + CODE + ". Read it at https://app.milie.test or through the USSD menu *384*123#."));
    }

    @Test
    void everyTextMessageIsInGsm7AndCostsTwoSegmentsAtMost() {
        for (MessageKind kind : MessageKind.templated()) {
            for (String language : MessageTemplates.LANGUAGES) {
                String text = templates.sms(kind, language, valuesFor(kind));
                SmsText.Segments segments = SmsText.count(text);
                assertThat(kind + " in " + language, segments.encoding(), is(SmsText.Encoding.GSM_7));
                assertThat(kind + " in " + language, segments.count(), lessThanOrEqualTo(2));
                assertFalse(text.contains("\n"));
                assertThat(text, containsString(switch (kind) {
                    case OTP_CODE, PRIVACY_CODE -> "482913";
                    case WEBHOOK_DISABLED -> valuesFor(kind).get("webhookId").toString();
                    case SMS_OPTED_OUT -> "START";
                    case SMS_OPTED_IN -> "STOP";
                    default -> CODE;
                }));
            }
        }
    }

    @Test
    void theSignInCodeComesFirstAndIsValidForTheGivenMinutes() {
        Map<String, Object> values = valuesFor(MessageKind.OTP_CODE);
        MessageTemplates.Email french = templates.email(MessageKind.OTP_CODE, "fr", values);
        assertEquals("Votre code de connexion Miliê", french.subject());
        assertThat(french.text(), containsString("Votre code de connexion à Miliê est : 482913"));
        assertThat(french.text(), containsString("valable 10 minutes"));
        assertEquals("Milie: your sign-in code is 482913. It is valid for 10 min. Never share it with anyone.",
                templates.sms(MessageKind.OTP_CODE, "en", values));
    }

    @ParameterizedTest
    @CsvSource({
            "OUT_OF_SCOPE, demande hors du champ de Miliê, outside Miliê's scope",
            "ABUSIVE, contenu contraire aux règles d'utilisation, content that breaks Miliê's rules of use",
            "DUPLICATE, doublon, duplicate",
            "INSUFFICIENT, informations insuffisantes, not enough information",
            "SOMETHING_NEW, autre motif, other reason" })
    void aRejectionNamesItsReasonInTheReadersLanguage(String reasonCode, String french, String english) {
        Map<String, Object> values = valuesFor(MessageKind.REJECTED);
        values.put("reasonCode", reasonCode);

        assertThat(templates.email(MessageKind.REJECTED, "fr", values).text(), containsString("Motif : " + french));
        assertThat(templates.email(MessageKind.REJECTED, "en", values).text(), containsString("Reason: " + english));
        // the SMS in GSM-7: "Miliê" is written "Milie" there
        assertThat(templates.sms(MessageKind.REJECTED, "fr", values), containsString("Motif : " + SmsText.fit(french)));
        assertThat(templates.sms(MessageKind.REJECTED, "en", values), containsString("Reason: " + SmsText.fit(english)));
    }

    @Test
    void aRejectionWithoutMessageSaysOnlyTheReason() {
        Map<String, Object> values = valuesFor(MessageKind.REJECTED);
        values.remove("message");
        values.put("reasonCode", RejectionReasonForTest.INSUFFICIENT);

        String text = templates.email(MessageKind.REJECTED, "fr", values).text();

        assertThat(text, containsString("Motif : informations insuffisantes pour traiter la demande.\n\nLe détail"));
        assertThat(text, not(containsString("Message de l'OSEP")));
    }

    /** Callers may pass their own enums: they read as their names. */
    enum RejectionReasonForTest {
        INSUFFICIENT
    }

    @Test
    void theAnswerMailInvitesToRateIt() {
        MessageTemplates.Email mail = templates.email(MessageKind.ANSWER_DELIVERED, "fr", valuesFor(MessageKind.ANSWER_DELIVERED));

        assertEquals("Réponse à votre demande " + CODE, mail.subject());
        assertThat(mail.text(), containsString("Votre extrait est disponible au guichet 3"));
        assertThat(mail.text(), containsString("Prenez une minute pour la noter"));
        assertThat(mail.html(), containsString("<a href=\"" + RATING_URL + "\""));
    }

    @Test
    void theHtmlPartEscapesWhatCitizensAndAgentsWrote() {
        Map<String, Object> values = valuesFor(MessageKind.ANSWER_DELIVERED);
        values.put("answer", "<script>alert('x')</script> & merci");

        MessageTemplates.Email mail = templates.email(MessageKind.ANSWER_DELIVERED, "fr", values);

        assertThat(mail.text(), containsString("<script>alert('x')</script> & merci"));
        assertThat(mail.html(), not(containsString("<script>")));
        assertThat(mail.html(), containsString("&lt;script&gt;"));
    }

    @Test
    void aMissingValueFailsTheRenderingInsteadOfSendingAHole() {
        Map<String, Object> values = valuesFor(MessageKind.RECEIPT);
        values.remove("trackingUrl");

        assertThrows(TemplateException.class, () -> templates.email(MessageKind.RECEIPT, "fr", values));
    }

    @ParameterizedTest
    @CsvSource({ "en, en", "EN, en", "en-GB, en", "fr, fr", "fr-CI, fr", "dyu, fr", "'', fr", "english, fr" })
    void languagesOtherThanEnglishReadFrench(String requested, String expected) {
        assertEquals(expected, MessageTemplates.language(requested));
    }
}
