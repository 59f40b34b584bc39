package ci.milie.reference;

import java.util.Properties;

import ci.milie.common.Messages;

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
        return new Labels(Messages.read("messages/labels_fr.properties"), Messages.read("messages/labels_en.properties"));
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
}
