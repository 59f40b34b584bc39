package ci.milie.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ci.milie.notification.SmsText.Encoding;
import ci.milie.notification.SmsText.Segments;

/**
 * The SMS of a delivered answer carries the answer itself, for a citizen whose phone reads no link,
 * when the whole message fits in 3 segments once written in GSM-7; otherwise the short notice.
 */
class AnswerBySmsTest {

    private static final String CODE = "MIL-7KQ2-9XD3";
    private static final String BASE = "https://app.milie.test";
    /** As RequestLinks writes it. */
    private static final String RATING_URL = BASE + "/suivi/" + CODE + "/avis";
    private static final String NOTICE_FR = "Milie : du nouveau sur votre demande " + CODE + ". Lisez-le sur " + BASE
            + " ou par le menu USSD *384*123#.";

    private final MessageTemplates templates = new MessageTemplates(SmsTextTest.engine(), BASE, Optional.of("*384*123#"));

    private String sms(String language, String answer) {
        Map<String, Object> values = new HashMap<>();
        values.put("trackingCode", CODE);
        values.put("subject", "Pas d'eau au robinet");
        values.put("answer", answer);
        values.put("trackingUrl", BASE + "/suivi/" + CODE);
        values.put("ratingUrl", RATING_URL);
        return templates.sms(MessageKind.ANSWER_DELIVERED, language, values);
    }

    @Test
    void aShortAnswerArrivesInFullWithHowToRateIt() {
        assertThat(sms("fr", "La conduite est réparée, l'eau revient ce soir."), equalTo("Milie : l'administration a "
                + "répondu à votre demande " + CODE + " : \"La conduite est réparée, l'eau revient ce soir.\" Notez sa "
                + "réponse par le menu USSD *384*123# ou sur " + RATING_URL));
        assertThat(sms("en", "The pipe is fixed, water is back tonight."), equalTo("Milie: the administration has answered "
                + "your request " + CODE + ": \"The pipe is fixed, water is back tonight.\" Rate the answer through the USSD "
                + "menu *384*123# or at " + RATING_URL));
    }

    @Test
    void withoutAShortCodeTheSmsPointsToTheWebOnly() {
        MessageTemplates withoutCode = new MessageTemplates(SmsTextTest.engine(), BASE, Optional.empty());
        Map<String, Object> values = new HashMap<>(Map.of("trackingCode", CODE, "subject", "Eau", "answer", "a".repeat(500),
                "trackingUrl", BASE + "/suivi/" + CODE, "ratingUrl", RATING_URL));
        assertThat(withoutCode.sms(MessageKind.ANSWER_DELIVERED, "fr", values), equalTo("Milie : du nouveau sur votre "
                + "demande " + CODE + ". Lisez-le sur " + BASE + " ou par le menu USSD de Milie."));
        values.put("answer", "La conduite est réparée.");
        assertThat(withoutCode.sms(MessageKind.ANSWER_DELIVERED, "fr", values), equalTo("Milie : l'administration a "
                + "répondu à votre demande " + CODE + " : \"La conduite est réparée.\" Notez sa réponse sur " + RATING_URL));
    }

    @Test
    void aLongAnswerBecomesTheNoticeWithTheTrackingCode() {
        String answer = "Nos équipes sont intervenues sur la conduite principale du quartier. ".repeat(6);
        assertThat(SmsText.count(SmsText.fit(answer)).count(), is(3));

        assertThat(sms("fr", answer), equalTo(NOTICE_FR));
        assertThat(sms("en", answer), equalTo("Milie: there is news about your request " + CODE + ". Read it at " + BASE
                + " or through the USSD menu *384*123#."));
    }

    @Test
    void charactersOutsideGsm7AreTransliteratedAndTheMessageCountedAsSent() {
        String sent = sms("fr", "L’équipe a réparé la conduite du cœur de Yopougon : l’eau revient « ce soir » – vers 18 h.");

        assertThat(sent, containsString(": \"L'équipe a réparé la conduite du coeur de Yopougon : l'eau revient \" ce soir \" "
                + "- vers 18 h.\" Notez"));
        assertThat(SmsText.count(sent), equalTo(new Segments(Encoding.GSM_7, sent.length(), 2)));
    }

    @Test
    void theThreeSegmentLimitIsCountedAfterTransliteration() {
        int frame = sms("fr", "").length(); // the message around the answer, in GSM-7
        // 50 "œ" are 50 UTF-16 units as typed, 100 septets once written "oe": the message then has exactly 459
        String fits = "œ".repeat(50) + "a".repeat(459 - frame - 100);
        String tooLong = fits + "a";

        String sent = sms("fr", fits);
        assertThat(sent, containsString("oe".repeat(50) + "a"));
        assertThat(SmsText.count(sent), equalTo(new Segments(Encoding.GSM_7, 459, 3)));
        assertThat("as typed it would be UCS-2, 5 segments", SmsText.count(fits).count(), greaterThan(3));
        assertThat(sms("fr", tooLong), equalTo(NOTICE_FR));
    }

    @Test
    void anAnswerInAnotherScriptStaysInUcs2WhenItFitsElseBecomesTheNotice() {
        String arabic = "تم إصلاح الأنبوب";
        String sent = sms("fr", arabic);

        assertThat(sent, containsString("\"" + arabic + "\""));
        assertThat(sent, containsString("Miliê")); // nothing is transliterated once the message is UCS-2
        assertThat(SmsText.count(sent), equalTo(new Segments(Encoding.UCS_2, sent.length(), 3)));

        assertThat(sms("fr", arabic + " " + arabic + " " + arabic), equalTo(NOTICE_FR));
    }
}
