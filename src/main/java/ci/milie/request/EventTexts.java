package ci.milie.request;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ci.milie.common.Messages;

/**
 * What Miliê itself writes in a timeline is stored as a key with its values
 * ({@code event.overdue|ANSWER}), not as text, and read in the reader's language
 * ({@code messages/texts_*.properties}); what a person wrote stays as written. A key is read only
 * on the event type that carries it, so text someone typed elsewhere never passes for Miliê's.
 * Events stored before the keys hold Miliê's French texts, read by matching them.
 */
final class EventTexts {

    static final String SATISFIED = "event.closed.satisfied";
    static final String AUTO_CLOSED = "event.closed.dispute-window-over";
    static final String FEEDBACK = "event.feedback";
    static final String OVERDUE = "event.overdue";
    static final String ESCALATED = "event.escalated";
    static final String QUALIFIED = "event.qualified";
    static final String QUALIFIED_TYPE = "event.qualified.type";
    static final String QUALIFIED_CATEGORY = "event.qualified.category";
    static final String QUALIFIED_TYPE_AND_CATEGORY = "event.qualified.type-and-category";

    /** The event type each key is written on. */
    static final Map<String, EventType> KEYS = Map.of(SATISFIED, EventType.CLOSED, AUTO_CLOSED, EventType.CLOSED,
            FEEDBACK, EventType.FEEDBACK_GIVEN, OVERDUE, EventType.DEADLINE_MISSED, ESCALATED, EventType.DEADLINE_MISSED,
            QUALIFIED, EventType.QUALIFIED, QUALIFIED_TYPE, EventType.QUALIFIED, QUALIFIED_CATEGORY, EventType.QUALIFIED,
            QUALIFIED_TYPE_AND_CATEGORY, EventType.QUALIFIED);

    private static final Messages LABELS = Messages.load("labels");
    private static final String SEPARATOR = "|";
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    /** Miliê's French texts as written before the keys, and the key each stands for. */
    private record Legacy(EventType type, Pattern text, String key) {
    }

    private static final List<Legacy> LEGACY = List.of(
            new Legacy(EventType.CLOSED, Pattern.compile("Le citoyen est satisfait de la réponse"), SATISFIED),
            new Legacy(EventType.CLOSED, Pattern.compile("Clôturée automatiquement à la fin du délai de contestation"),
                    AUTO_CLOSED),
            new Legacy(EventType.FEEDBACK_GIVEN, Pattern.compile("([1-5])/5, (satisfait|non satisfait)"), FEEDBACK),
            new Legacy(EventType.DEADLINE_MISSED, Pattern.compile("Échéance dépassée : ([A-Z_]+)"), OVERDUE),
            new Legacy(EventType.DEADLINE_MISSED, Pattern.compile("Escalade aux superviseurs de l'OSEP : ([A-Z_]+)"),
                    ESCALATED),
            new Legacy(EventType.QUALIFIED, Pattern.compile("Accepted(?:; type ([A-Z_]+) → ([A-Z_]+))?(; category corrected)?"),
                    QUALIFIED));

    private EventTexts() {
    }

    /** The stored form of Miliê's text {@code key} quoting {@code values} (codes and numbers, never prose). */
    static String stored(String key, Object... values) {
        StringBuilder stored = new StringBuilder(key);
        for (Object value : values) {
            stored.append(SEPARATOR).append(value);
        }
        return stored.toString();
    }

    /** The text of an event's message for a reader of {@code language}; a person's text as it is. */
    static String render(EventType type, String message, String language) {
        if (message == null) {
            return null;
        }
        String[] parts = message.split(Pattern.quote(SEPARATOR), -1);
        if (type == KEYS.get(parts[0])) {
            Object[] values = Arrays.stream(parts, 1, parts.length)
                    .map(value -> NUMBER.matcher(value).matches() ? (Object) Long.valueOf(value) : value).toArray();
            return Messages.TEXTS.text(language, parts[0], values);
        }
        for (Legacy legacy : LEGACY) {
            Matcher matcher = legacy.text().matcher(message);
            if (legacy.type() == type && matcher.matches()) {
                return render(type, legacyKey(legacy.key(), matcher), language);
            }
        }
        return message;
    }

    /** The label of an event type, as the reference data lists it. */
    static String label(EventType type, String language) {
        return LABELS.text(language, "EventType." + type.name());
    }

    private static String legacyKey(String key, Matcher matcher) {
        return switch (key) {
            case FEEDBACK -> stored(FEEDBACK, matcher.group(1), matcher.group(2).equals("satisfait") ? 1 : 0);
            case OVERDUE, ESCALATED -> stored(key, matcher.group(1));
            case QUALIFIED -> qualified(matcher.group(1), matcher.group(2), matcher.group(3) != null);
            default -> key;
        };
    }

    /** What OSEP's qualification changed: the type (from, to) when corrected, whether the category was. */
    static String qualified(Object previousType, Object type, boolean categoryCorrected) {
        if (previousType != null) {
            return stored(categoryCorrected ? QUALIFIED_TYPE_AND_CATEGORY : QUALIFIED_TYPE, previousType, type);
        }
        return categoryCorrected ? QUALIFIED_CATEGORY : QUALIFIED;
    }
}
