package ci.milie.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

/**
 * Texts for people, in French and English, from {@code messages/<name>_fr.properties} and
 * {@code _en.properties}. Values are {@link MessageFormat} patterns ({@code {0}} for an argument);
 * apostrophes are typographic (’), since MessageFormat reads a plain one as a quote. A key
 * missing in a language reads as the key itself (and is logged): the tests iterating the keys in
 * use keep that from happening.
 */
public final class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class);
    /** What Miliê writes for people outside problems: answers' messages, timeline events. */
    public static final Messages TEXTS = load("texts");

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\d+)[^{}]*}");

    private final String name;
    private final Map<String, Properties> bundles;

    private Messages(String name, Map<String, Properties> bundles) {
        this.name = name;
        this.bundles = bundles;
    }

    public static Messages load(String name) {
        return new Messages(name, Map.of(Languages.FRENCH, read("messages/" + name + "_fr.properties"),
                Languages.ENGLISH, read("messages/" + name + "_en.properties")));
    }

    /** The text of {@code key} in {@code language} ("fr" or "en"; anything else reads French). */
    public String text(String language, String key, Object... args) {
        String lang = Languages.of(language);
        String pattern = bundles.get(lang).getProperty(key);
        if (pattern == null) {
            LOG.warnf("No %s text %s in %s", name, key, lang);
            return key;
        }
        if (args == null || args.length == 0) {
            return pattern.strip();
        }
        try {
            return new MessageFormat(pattern.strip(), Locale.forLanguageTag(lang)).format(args);
        } catch (IllegalArgumentException e) {
            // a value of the wrong kind for its placeholder (text for a number): say it plainly rather than fail
            LOG.warnf("The %s text %s does not format its values: %s", name, key, e.getMessage());
            return PLACEHOLDER.matcher(pattern.strip()).replaceAll(placeholder -> {
                int index = Integer.parseInt(placeholder.group(1));
                return java.util.regex.Matcher.quoteReplacement(index < args.length ? String.valueOf(args[index]) : "");
            });
        }
    }

    /** Whether both languages have {@code key}. */
    public boolean has(String key) {
        return bundles.values().stream().allMatch(bundle -> bundle.getProperty(key) != null);
    }

    /** The keys of one language, for the tests that compare them. */
    public Set<String> keys(String language) {
        return new TreeSet<>(bundles.get(Languages.of(language)).stringPropertyNames());
    }

    /** A UTF-8 properties bundle of the classpath; a missing one is a packaging error. */
    public static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
