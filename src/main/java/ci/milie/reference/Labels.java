package ci.milie.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The French and English labels of the enums' values, from messages/labels_fr.properties and
 * labels_en.properties; a key is the enum's simple name, a dot and the value ({@code Channel.WEB}).
 */
final class Labels {

    private final Properties fr;
    private final Properties en;

    private Labels(Properties fr, Properties en) {
        this.fr = fr;
        this.en = en;
    }

    static Labels load() {
        return new Labels(read("messages/labels_fr.properties"), read("messages/labels_en.properties"));
    }

    /** The French label, null when missing (ReferenceData refuses to start without it). */
    String fr(Enum<?> value) {
        return label(fr, value);
    }

    String en(Enum<?> value) {
        return label(en, value);
    }

    static String key(Enum<?> value) {
        return value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    private static String label(Properties labels, Enum<?> value) {
        String label = labels.getProperty(key(value));
        return label == null || label.isBlank() ? null : label.strip();
    }

    private static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
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
