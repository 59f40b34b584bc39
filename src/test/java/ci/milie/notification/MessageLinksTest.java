package ci.milie.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

/** Whatever people type, our messages link only to Miliê. */
@QuarkusTest
class MessageLinksTest {

    /** The free-text values of MessageKind: typed by citizens (subject, reason) or staff. */
    private static final List<String> TYPED = List.of("subject", "reason", "question", "message", "answer");
    private static final String HOSTILE = """
            Voir <a href="https://evil.example/x">ici</a> ou https://evil.example/x,
            https://evil.example/seul-sur-sa-ligne
            www.evil.example evil.example evil\uFF0Eexample 203.0.113.7 javascript:alert(1) ecrire@evil.example""";
    private static final List<String> WORDS = List.of("Voir", "ici", "evil", "example", "seul-sur-sa-ligne", "203",
            "javascript", "alert(1)", "ecrire@evil");
    private static final Pattern ANCHOR = Pattern.compile("<a\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_LIKE = Pattern.compile("(?U)\\w+[.\u3002\uFF0E\uFF61]\\w{2,}");
    private static final Pattern ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+?(?=[.,]?(\\s|$))");

    @ConfigProperty(name = "milie.front-end.base-url")
    String base;

    @Inject
    MessageTemplates templates;

    private Map<String, Object> hostileValuesFor(MessageKind kind) {
        Map<String, Object> values = OutboxTemplatesTest.valuesFor(kind);
        values.replaceAll((key, value) -> TYPED.contains(key) ? HOSTILE : value);
        return values;
    }

    /**
     * What is left once our own links are taken out: the values' and, in the short notice that
     * replaces a long SMS, the site's address itself.
     */
    private String withoutOurLinks(String message, Map<String, Object> values) {
        String rest = message;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (value.getKey().endsWith("Url")) {
                rest = rest.replace(value.getValue().toString(), "");
            }
        }
        return LINK.matcher(rest).replaceAll(link -> MessageTemplates.ours(link.group(), base) ? "" : link.group());
    }

    private void assertNothingLinksElsewhere(String what, String message, Map<String, Object> values) {
        String rest = withoutOurLinks(message, values);
        assertFalse(rest.toLowerCase(Locale.ROOT).contains("http"), what + " has no other URL");
        assertFalse(rest.toLowerCase(Locale.ROOT).contains("www."), what + " has no www.");
        assertThat(what + " has nothing like a host name", matches(HOST_LIKE, rest), empty());
        assertThat(what + " has no IP address", matches(ADDRESS, rest), empty());
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(matcher.groupCount()));
        }
        return found;
    }

    @ParameterizedTest
    @EnumSource(value = MessageKind.class, names = { "PUSH", "SMS_REPLY" }, mode = EnumSource.Mode.EXCLUDE) // no template (MessageKind.templated)
    void typedTextNeverBecomesALinkInAnEmail(MessageKind kind) {
        for (String language : MessageTemplates.LANGUAGES) {
            Map<String, Object> values = hostileValuesFor(kind);
            MessageTemplates.Email mail = templates.email(kind, language, values);
            String what = kind + " in " + language;

            List<String> anchors = matches(ANCHOR, mail.html());
            List<String> hrefs = matches(HREF, mail.html());
            assertThat(what + ": every link has its address", hrefs, hasSize(anchors.size()));
            hrefs.forEach(href -> assertThat(what + " links only to Miliê", href, startsWith(base + "/")));
            assertNothingLinksElsewhere(what + " (subject)", mail.subject(), values);
            assertNothingLinksElsewhere(what + " (text)", mail.text(), values);
            assertNothingLinksElsewhere(what + " (HTML)", mail.html(), values);

            if (values.containsValue(HOSTILE)) {
                WORDS.forEach(word -> {
                    assertThat(what + " still reads " + word, mail.text(), containsString(word));
                    assertThat(what + " still reads " + word, mail.html(), containsString(word));
                });
                assertThat(what + " shows the markup as text", mail.html(), containsString("&lt;a href="));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = MessageKind.class, names = { "PUSH", "SMS_REPLY" }, mode = EnumSource.Mode.EXCLUDE) // no template (MessageKind.templated)
    void typedTextNeverBecomesALinkInAnSms(MessageKind kind) {
        for (String language : MessageTemplates.LANGUAGES) {
            Map<String, Object> values = hostileValuesFor(kind);
            assertNothingLinksElsewhere(kind + " in " + language, templates.sms(kind, language, values), values);
        }
    }

    @Test
    void anAnswerCarriedWholeInAnSmsLinksNowhereElse() {
        Map<String, Object> values = OutboxTemplatesTest.valuesFor(MessageKind.ANSWER_DELIVERED);
        values.put("answer", "Voir https://evil.example/x ou www.evil.example");

        String sms = templates.sms(MessageKind.ANSWER_DELIVERED, "fr", values);

        assertThat(sms, containsString("\"Voir hxxps[:]//evil[.]example/x ou www[.]evil[.]example\""));
        assertNothingLinksElsewhere("a short answer by SMS", sms, values);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://evil.example/x | hxxps[:]//evil[.]example/x",
            "HTTP://evil.example | HxxP[:]//evil[.]example",
            "www.evil.example | www[.]evil[.]example",
            "ecrire@evil.example | ecrire@evil[.]example",
            "http:\\\\evil.example | hxxp[:]\\\\evil[.]example",
            "evil\uFF0Eexample | evil[.]example",
            "ftp://203.0.113.7/ | ftp[:]//203[.]0[.]113[.]7/",
            "M. Kouassi a payé 3.500 F le 12.03. | M. Kouassi a payé 3.500 F le 12.03.",
            "Merci. Bonne journée | Merci. Bonne journée" })
    void hostNamesAddressesAndSchemesAreBrokenVisiblyAndTheRestIsLeftAlone(String typed, String shown) {
        assertEquals(shown, MessageTemplates.defused(typed));
    }

    @Test
    void aLinkToAnyOtherAddressIsRefusedRatherThanSent() {
        for (String elsewhere : List.of("https://evil.example/suivi/X", base + ".evil.example/suivi/X",
                base + "@evil.example/", base + "/suivi/X https://evil.example", "javascript:alert(1)")) {
            Map<String, Object> values = OutboxTemplatesTest.valuesFor(MessageKind.RECEIPT);
            values.put("trackingUrl", elsewhere);

            assertThrows(IllegalArgumentException.class, () -> templates.email(MessageKind.RECEIPT, "fr", values),
                    elsewhere);
            assertThrows(IllegalArgumentException.class, () -> templates.sms(MessageKind.RECEIPT, "fr", values),
                    elsewhere);
        }
    }

    @Test
    void ourOwnLinksStayLinks() {
        Map<String, Object> values = OutboxTemplatesTest.valuesFor(MessageKind.ANSWER_DELIVERED);

        String html = templates.email(MessageKind.ANSWER_DELIVERED, "en", values).html();

        assertThat(html, containsString("<a href=\"" + values.get("trackingUrl") + "\""));
        assertThat(html, containsString("<a href=\"" + values.get("ratingUrl") + "\""));
        assertThat(html, not(containsString("[.]")));
    }
}
