package ci.milie.notification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

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
 */
@Startup
@ApplicationScoped
class MessageTemplates {

    private static final Logger LOG = Logger.getLogger(MessageTemplates.class);

    static final List<String> LANGUAGES = List.of("fr", "en");
    static final int SMS_MAX_LENGTH = 320;
    private static final List<String> FRAGMENTS = List.of("subject", "text", "sms");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R[ \\t]*\\R\\s*");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

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

    MessageTemplates(Engine engine) {
        for (String language : LANGUAGES) {
            for (MessageKind kind : MessageKind.values()) {
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
        String subject = oneLine(render(template, "subject", data));
        String text = render(template, "text", data);
        String html = Templates.layout(lang, subject, paragraphs(text)).render();
        return new Email(subject, text, html);
    }

    String sms(MessageKind kind, String language, Map<String, ?> data) {
        String text = oneLine(render(templates.get(language(language)).get(kind), "sms", data));
        if (text.length() > SMS_MAX_LENGTH) {
            // Still sent (the gateway splits it), but the template or its values need a look.
            LOG.warnf("SMS of kind %s is %d characters long, more than %d", kind, text.length(), SMS_MAX_LENGTH);
        }
        return text;
    }

    /** Missing values fail the rendering (Qute's strict rendering): a caller's mistake shows in its tests. */
    private static String render(Template template, String fragment, Map<String, ?> data) {
        TemplateInstance instance = template.getFragment(fragment).instance();
        if (data != null) {
            data.forEach((key, value) -> instance.data(key, value instanceof Enum<?> e ? e.name() : value));
        }
        return instance.render().strip();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Paragraphs are separated by blank lines; a line that is only a URL becomes a link. */
    static List<Paragraph> paragraphs(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String block : BLANK_LINES.split(text.strip())) {
            List<Line> lines = block.lines().map(String::strip)
                    .map(line -> new Line(line, LINK.matcher(line).matches()))
                    .toList();
            paragraphs.add(new Paragraph(lines));
        }
        return paragraphs;
    }
}
