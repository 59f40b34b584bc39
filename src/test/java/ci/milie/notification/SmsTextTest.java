package ci.milie.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ci.milie.notification.SmsText.Encoding;
import ci.milie.notification.SmsText.Segments;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;

/** Segment counting and transliteration, on the SMS Miliê sends and on the edges of each encoding. */
class SmsTextTest {

    private static final String CODE = "MIL-7KQ2-9XD3";

    @Test
    void exactly160GsmCharactersAreOneSegmentAnd161AreTwo() {
        assertThat(SmsText.count("a".repeat(160)), equalTo(new Segments(Encoding.GSM_7, 160, 1)));
        assertThat(SmsText.count("a".repeat(161)), equalTo(new Segments(Encoding.GSM_7, 161, 2)));
        assertThat(SmsText.count("a".repeat(306)).count(), is(2));
        assertThat(SmsText.count("a".repeat(307)).count(), is(3));
        assertThat(SmsText.count("a".repeat(459)).count(), is(3));
        assertThat(SmsText.count("a".repeat(460)).count(), is(4));
    }

    @Test
    void frenchAccentsOfTheGsmTableKeepAMessageInGsm7() {
        String text = "éèàùìòÉÇÜÄÖÑäöñüÆæßØøÅå¿¡§£¥@_ΔΦΓΛΩΠΨΣΘΞ¤";
        assertThat(SmsText.count(text).encoding(), is(Encoding.GSM_7));
        assertThat(SmsText.fit(text), equalTo(text));
    }

    @Test
    void extensionCharactersCountTwoSeptets() {
        String extension = "^{}\\[]~|€";
        assertThat(SmsText.count(extension), equalTo(new Segments(Encoding.GSM_7, 18, 1)));
        assertThat(SmsText.count("a".repeat(158) + "€"), equalTo(new Segments(Encoding.GSM_7, 160, 1)));
        assertThat(SmsText.count("a".repeat(159) + "€"), equalTo(new Segments(Encoding.GSM_7, 161, 2)));
    }

    @Test
    void anExtensionCharacterIsNeverSplitBetweenParts() {
        // 152 septets, then "€" (2): it cannot take the 153rd septet of part one, so it opens part two
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        assertThat(SmsText.count(text), equalTo(new Segments(Encoding.GSM_7, 306, 3)));
        // the same length without the boundary problem fits two parts
        assertThat(SmsText.count("€" + "a".repeat(304)), equalTo(new Segments(Encoding.GSM_7, 306, 2)));
    }

    @Test
    void exactly70Ucs2CharactersAreOneSegmentAnd71AreTwo() {
        assertThat(SmsText.count("ب".repeat(70)), equalTo(new Segments(Encoding.UCS_2, 70, 1)));
        assertThat(SmsText.count("ب".repeat(71)), equalTo(new Segments(Encoding.UCS_2, 71, 2)));
        assertThat(SmsText.count("ب".repeat(134)).count(), is(2));
        assertThat(SmsText.count("ب".repeat(135)).count(), is(3));
    }

    @Test
    void aCharacterOutsideTheBmpCountsTwoUnitsAndIsNeverSplit() {
        String emoji = "\uD83D\uDC4D"; // thumbs up, one code point, two UTF-16 units
        assertThat(SmsText.count("a".repeat(68) + emoji), equalTo(new Segments(Encoding.UCS_2, 70, 1)));
        assertThat(SmsText.count("a".repeat(69) + emoji), equalTo(new Segments(Encoding.UCS_2, 71, 2)));
        // 66 units then the emoji: it cannot take the 67th unit, so part two starts with it
        String boundary = "a".repeat(66) + emoji + "a".repeat(66);
        assertThat(SmsText.count(boundary), equalTo(new Segments(Encoding.UCS_2, 134, 3)));
    }

    @Test
    void oneCharacterOutsideGsm7TurnsTheWholeMessageToUcs2() {
        assertThat(SmsText.count("a".repeat(100) + "ê"), equalTo(new Segments(Encoding.UCS_2, 101, 2)));
    }

    @Test
    void frenchCharactersOutsideGsm7AreWrittenWithOnesInside() {
        assertThat(SmsText.fit("Miliê : â ê î ô û ë ï ç Œuvre cœur"), equalTo("Milie : a e i o u e i c OEuvre coeur"));
        assertThat(SmsText.fit("« Bonjour » l’agent “dit” – oui — non…"),
                equalTo("\" Bonjour \" l'agent \"dit\" - oui - non..."));
        assertThat(SmsText.fit("10\u00A0h\u202F30"), equalTo("10 h 30"));
        assertThat(SmsText.fit("ÂÊÎÔÛÈÀÙ"), equalTo("AEIOUEAU"));
    }

    @Test
    void lettersOfTheGsmTableAreKeptAsTheyAreWhenOthersAreTransliterated() {
        assertThat(SmsText.fit("Réponse reçue à la mairie, É Ç Ø æ"), equalTo("Réponse recue à la mairie, É Ç Ø æ"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Votre demande est reçue ✅", "مرحبا بكم", "Ваш запрос получен", "Merci 👍" })
    void aTextTransliterationWouldSpoilStaysInUcs2AsWritten(String text) {
        assertThat(SmsText.fit(text), equalTo(text));
        assertThat(SmsText.count(SmsText.fit(text)).encoding(), is(Encoding.UCS_2));
    }

    @Test
    void aMessageOfMoreThanThreeSegmentsBecomesTheNotice() {
        String notice = "Miliê : du nouveau sur votre demande " + CODE + ".";
        assertThat(SmsText.compose("a".repeat(459), () -> notice), equalTo("a".repeat(459)));
        assertThat(SmsText.compose("a".repeat(460), () -> notice), equalTo("Milie : du nouveau sur votre demande " + CODE + "."));
        // counted after transliteration: 300 "ê" would be 5 UCS-2 segments, but are 2 in GSM-7
        assertThat(SmsText.compose("ê".repeat(300), () -> notice), equalTo("e".repeat(300)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "otp_code", "privacy_code", "receipt", "information_requested", "rejected",
            "answer_delivered", "request_reopened", "deadline_reminder", "deadline_missed", "webhook_disabled" })
    void everyFrenchSmsMiliéSendsFitsGsm7InTwoSegmentsAtMost(String template) {
        MessageKind kind = MessageKind.valueOf(template.toUpperCase(Locale.ROOT));
        String text = sms("fr", kind);
        String fitted = SmsText.fit(text);
        Segments segments = SmsText.count(fitted);
        assertThat(text, segments.encoding(), is(Encoding.GSM_7));
        assertThat(text, segments.count(), lessThanOrEqualTo(2));
        assertThat(fitted, containsString("Milie"));
        assertThat(fitted, not(containsString("Miliê")));
    }

    @Test
    void theFrenchReceiptCostsTwoUcs2SegmentsAsWrittenAndOneInGsm7() {
        String receipt = sms("fr", MessageKind.RECEIPT);
        assertThat(SmsText.count(receipt).encoding(), is(Encoding.UCS_2));
        assertThat(SmsText.count(receipt).count(), is(3));
        assertThat(SmsText.count(SmsText.fit(receipt)), equalTo(new Segments(Encoding.GSM_7, receipt.length(), 2)));
        assertThat(SmsText.fit(receipt), containsString("Milie : merci, votre demande " + CODE + " est bien recue."));
    }

    @Test
    void theFrenchSignInCodeFitsOneGsmSegment() {
        String otp = SmsText.fit(sms("fr", MessageKind.OTP_CODE));
        assertThat(otp, equalTo("Milie : votre code de connexion est 482913. Il est valable 10 min. Ne le communiquez à personne."));
        assertThat(SmsText.count(otp), equalTo(new Segments(Encoding.GSM_7, otp.length(), 1)));
    }

    /** The SMS fragment of a real template, rendered by Qute outside Quarkus with the values MessageKind documents. */
    static String sms(String language, MessageKind kind) {
        TemplateInstance instance = engine().getTemplate("outbox/" + language + "/" + kind.name().toLowerCase(Locale.ROOT))
                .getFragment("sms").instance();
        OutboxTemplatesTest.valuesFor(kind).forEach(instance::data);
        instance.data("ussdCode", "*384*123#");
        return instance.render().strip().replaceAll("\\s+", " ");
    }

    /** Qute without Quarkus, reading the application's templates: enough for MessageTemplates' SMS. */
    static Engine engine() {
        return Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addLocator(new ClasspathTemplates()).build();
    }

    private static final class ClasspathTemplates implements TemplateLocator {
        @Override
        public Optional<TemplateLocation> locate(String id) {
            InputStream in = SmsTextTest.class.getClassLoader().getResourceAsStream("templates/" + id + ".txt");
            if (in == null) {
                return Optional.empty();
            }
            String content;
            try (in) {
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Optional.of(new TemplateLocation() {
                @Override
                public Reader read() {
                    return new StringReader(content);
                }

                @Override
                public Optional<Variant> getVariant() {
                    return Optional.empty();
                }
            });
        }
    }
}
