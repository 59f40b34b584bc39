package ci.milie.notification;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The title and text of a push notification, in the device's language: {@code messages/push_{fr,en}}
 * for the sentence, {@code messages/labels_{fr,en}} for the status's label (the reference's own).
 * They name the tracking code and the status, nothing more: a lock screen is read by anyone.
 */
final class PushTexts {

    private PushTexts() {
    }

    record Texts(String title, String body) {
    }

    static Texts of(Outbox.PushEvent event, String trackingCode, String status, String language) {
        Locale locale = Locale.forLanguageTag(MessageTemplates.language(language));
        ResourceBundle push = bundle("messages/push", locale);
        String label = label(status, locale);
        String key = event.name();
        return new Texts(new MessageFormat(push.getString(key + ".title"), locale).format(new Object[] { trackingCode, label }),
                new MessageFormat(push.getString(key + ".body"), locale).format(new Object[] { trackingCode, label }));
    }

    private static String label(String status, Locale locale) {
        try {
            return bundle("messages/labels", locale).getString("RequestStatus." + status);
        } catch (MissingResourceException e) {
            return status;
        }
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle(name, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
