package ci.milie.notification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ci.milie.common.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.Startup;

/**
 * Renders the messages of {@link MessageKind}. Each kind has one plain-text template per language,
 * {@code templates/outbox/{fr,en}/<kind>.txt}, holding three fragments: {@code subject} and
 * {@code text} for e-mail, {@code sms} for text messages. The HTML part of an e-mail is the text
 * laid out by {@code templates/outbox/layout.html}. Every template is looked up at start, so a
 * missing one stops the application rather than a message.
 *
 * <p>Anyone can have Miliê write to any address (a receipt goes to the contact given with the
 * request), so text people typed must not become a link in our name. Values whose key ends in
 * {@code Url} are our links and must point at {@code milie.front-end.base-url}; every other text value
 * is {@link #defused}, and only our own links are laid out as links in the HTML part.
 */
@Startup
@ApplicationScoped
class MessageTemplates {

    private static final Logger LOG = Logger.getLogger(MessageTemplates.class);

    static final List<String> LANGUAGES = List.of("fr", "en");
    private static final List<String> FRAGMENTS = List.of("subject", "text", "sms");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R[ \\t]*\\R\\s*");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    /** A dot (or a dot IDNA reads as one) before a letter: the end of every host name. */
    private static final Pattern DOMAIN_DOT = Pattern.compile("[.\u3002\uFF0E\uFF61](?=\\p{L})");
    /** A dotted-quad IPv4 address, whose dots are all before digits. */
    private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(?:[.\u3002\uFF0E\uFF61]\\d{1,3}){3}");
    private static final Pattern DOTS = Pattern.compile("[.\u3002\uFF0E\uFF61]");
    private static final Pattern WEB_SCHEME = Pattern.compile("(?i)(?<=\\bh)tt(?=ps?:)");
    private static final Pattern SCHEME_SEPARATOR = Pattern.compile(":(?=[/\\\\]{2})");

    record Email(String subject, String text, String html) {
    }

    record Paragraph(List<Line> lines) {
    }

    record Line(String text, boolean link) {
    }

    @CheckedTemplate(basePath = "outbox")
    static class Templates {
        static native TemplateInstance layout(String language, String subject, List<Paragraph> paragraphs);
    }

    private final Map<String, Map<MessageKind, Template>> templates = Map.of("fr", new EnumMap<>(MessageKind.class),
            "en", new EnumMap<>(MessageKind.class));
    private final String frontEndBaseUrl;
    /** The USSD short code named in SMS ("*384*123#"), empty when not configured. */
    private final String ussdShortCode;

    MessageTemplates(Engine engine, @ConfigProperty(name = "milie.front-end.base-url") String frontEndBaseUrl,
            @ConfigProperty(name = "milie.ussd.short-code") Optional<String> ussdShortCode) {
        this.ussdShortCode = ussdShortCode.map(String::strip).orElse("");
        this.frontEndBaseUrl = frontEndBaseUrl.endsWith("/") ? frontEndBaseUrl.substring(0, frontEndBaseUrl.length() - 1)
                : frontEndBaseUrl;
        for (String language : LANGUAGES) {
            for (MessageKind kind : MessageKind.templated()) {
                String id = "outbox/" + language + "/" + kind.name().toLowerCase(Locale.ROOT);
                Template template = engine.getTemplate(id);
                if (template == null) {
                    throw new IllegalStateException("Missing message template " + id + ".txt");
                }
                for (String fragment : FRAGMENTS) {
                    if (template.getFragment(fragment) == null) {
                        throw new IllegalStateException("Message template " + id + " has no fragment " + fragment);
                    }
                }
                templates.get(language).put(kind, template);
            }
        }
    }

    /** "en" (or "en-GB"…) reads English; anything else, missing included, reads French. */
    static String language(String requested) {
        if (requested == null) {
            return "fr";
        }
        String tag = requested.strip().toLowerCase(Locale.ROOT);
        return tag.equals("en") || tag.startsWith("en-") || tag.startsWith("en_") ? "en" : "fr";
    }

    Email email(MessageKind kind, String language, Map<String, ?> data) {
        String lang = language(language);
        Template template = templates.get(lang).get(kind);
        Map<String, ?> values = safe(data);
        String subject = oneLine(render(template, "subject", values));
        String text = render(template, "text", values);
        String html = Templates.layout(lang, subject, paragraphs(text, frontEndBaseUrl)).render();
        return new Email(subject, text, html);
    }

    /**
     * The text message of {@code kind}, composed by {@link SmsText} to cost the fewest segments:
     * written in GSM-7 where the meaning survives, and replaced by a short notice naming the
     * tracking code (the whole message is read on the web or by USSD) should it still need more
     * than {@link SmsText#MAX_SEGMENTS} segments. Every SMS template may name the USSD short code,
     * {@code ussdCode} (empty when none is configured).
     */
    String sms(MessageKind kind, String language, Map<String, ?> data) {
        String lang = language(language);
        Map<String, Object> values = new HashMap<>();
        if (data != null) {
            values.putAll(safe(data));
        }
        values.put("ussdCode", ussdShortCode);
        String text = oneLine(render(templates.get(lang).get(kind), "sms", values));
        Object trackingCode = data == null ? null : data.get("trackingCode");
        if (trackingCode == null) {
            // Codes and staff notices: short by design; a long one is still sent, and needs a look.
            String fitted = SmsText.fit(text);
            if (SmsText.count(fitted).count() > SmsText.MAX_SEGMENTS) {
                LOG.warnf("SMS of kind %s needs %d segments, more than %d", kind, SmsText.count(fitted).count(),
                        SmsText.MAX_SEGMENTS);
            }
            return fitted;
        }
        return SmsText.compose(text, () -> ussdShortCode.isEmpty()
                ? Messages.TEXTS.text(lang, "sms.notice.menu", String.valueOf(trackingCode), frontEndBaseUrl)
                : Messages.TEXTS.text(lang, "sms.notice", String.valueOf(trackingCode), frontEndBaseUrl, ussdShortCode));
    }

    /** Missing values fail the rendering (Qute's strict rendering): a caller's mistake shows in its tests. */
    private static String render(Template template, String fragment, Map<String, ?> data) {
        TemplateInstance instance = template.getFragment(fragment).instance();
        if (data != null) {
            data.forEach((key, value) -> instance.data(key, value instanceof Enum<?> e ? e.name() : value));
        }
        return instance.render().strip();
    }

    /**
     * Our links checked, every other text defused. Numbers and enums are ours and pass as they are.
     * A caller handing a link elsewhere is a bug: it fails here rather than mailing it.
     */
    private Map<String, ?> safe(Map<String, ?> data) {
        if (data == null) {
            return null;
        }
        Map<String, Object> safe = new HashMap<>();
        data.forEach((key, value) -> {
            if (key.endsWith("Url")) {
                String url = String.valueOf(value);
                if (!ours(url, frontEndBaseUrl)) {
                    throw new IllegalArgumentException("Link " + key + " is not under milie.front-end.base-url");
                }
                safe.put(key, url);
            } else {
                safe.put(key, value instanceof CharSequence text ? defused(text.toString()) : value);
            }
        });
        return safe;
    }

    /**
     * Text people typed, made unable to become a link: mail clients (and SMS apps) turn anything
     * that looks like a URL, a host name or an e-mail address into a link, even in plain text, so
     * HTML escaping (Qute's, in the layout) is not enough. The dots of host names and addresses and
     * the scheme are broken visibly, the "defanging" of security advisories
     * ({@code hxxps[:]//evil[.]example}). Invisible characters (U+200B) were not chosen: some
     * clients drop them before linking, and one in an SMS turns it to UCS-2 (70 characters a part).
     */
    static String defused(String text) {
        String unlinked = ADDRESS.matcher(text).replaceAll(address -> DOTS.matcher(address.group()).replaceAll("[.]"));
        unlinked = DOMAIN_DOT.matcher(unlinked).replaceAll("[.]");
        unlinked = WEB_SCHEME.matcher(unlinked).replaceAll("xx");
        return SCHEME_SEPARATOR.matcher(unlinked).replaceAll("[:]");
    }

    /** One URL, no space in it, at the public base URL or below it (not at a host it prefixes). */
    static boolean ours(String url, String frontEndBaseUrl) {
        return LINK.matcher(url).matches() && (url.equals(frontEndBaseUrl) || url.startsWith(frontEndBaseUrl + "/")
                || url.startsWith(frontEndBaseUrl + "#") || url.startsWith(frontEndBaseUrl + "?"));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Paragraphs are separated by blank lines; a line that is only one of our URLs becomes a link. */
    static List<Paragraph> paragraphs(String text, String frontEndBaseUrl) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String block : BLANK_LINES.split(text.strip())) {
            List<Line> lines = block.lines().map(String::strip)
                    .map(line -> new Line(line, ours(line, frontEndBaseUrl)))
                    .toList();
            paragraphs.add(new Paragraph(lines));
        }
        return paragraphs;
    }
}
