package ci.milie.notification;

import java.text.Normalizer;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a text message costs, and how to make it cost less. An SMS is paid per segment: 160
 * characters of the GSM 03.38 default alphabet (GSM-7) fit in one, 153 per part once the text is
 * split (the rest of each part carries the header that joins them); characters of its extension
 * table ({@code ^ { } \ [ ] ~ | €} and form feed) take two septets, an escape and the character,
 * and are never split between parts. One character outside both tables turns the whole message to
 * UCS-2: 70 UTF-16 units, 67 per part, a character outside the BMP taking two (never split).
 *
 * <p>French needs few characters outside GSM-7 (é è à ù É Ç are in it; â ê î ô û ë ï ç œ, French
 * quotes, typographic apostrophes and dashes, non-breaking spaces are not), and each can be
 * written with one that is without changing what the text says: {@link #fit} does so. A text in
 * another script (Arabic, an emoji) would lose its meaning, so it is left as it is, in UCS-2.
 * National language shift tables are not used: handsets and aggregators here do not all support them.
 */
public final class SmsText {

    /** Above this, a message becomes a short notice (see {@link #compose}). */
    public static final int MAX_SEGMENTS = 3;

    public enum Encoding {
        GSM_7(160, 153), UCS_2(70, 67);

        /** Units (septets or UTF-16 units) in a message sent whole, and in each part of a split one. */
        public final int single;
        public final int perPart;

        Encoding(int single, int perPart) {
            this.single = single;
            this.perPart = perPart;
        }
    }

    /** How a text is sent: its encoding, its length in the encoding's units, and the segments paid. */
    public record Segments(Encoding encoding, int units, int count) {
    }

    /** GSM 03.38 default alphabet, in code order (0x00–0x7F); 0x1B, the escape, is not a character. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table, each written as escape + character: two septets. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /**
     * Characters outside GSM-7 with a GSM-7 writing that means the same. Latin letters with
     * diacritics not listed here lose them ({@link #withoutMarks}): "ê" → "e", "Â" → "A".
     */
    private static final Map<Character, String> SUBSTITUTES = Map.ofEntries(
            Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('ç', "c"),
            Map.entry('«', "\""), Map.entry('»', "\""), Map.entry('“', "\""), Map.entry('”', "\""),
            Map.entry('„', "\""), Map.entry('’', "'"), Map.entry('‘', "'"), Map.entry('‚', "'"),
            Map.entry('–', "-"), Map.entry('—', "-"), Map.entry('‐', "-"), Map.entry('‑', "-"), Map.entry('−', "-"),
            Map.entry('…', "..."), Map.entry('\u00A0', " "), Map.entry('\u202F', " "), Map.entry('\u2009', " "),
            Map.entry('\u2007', " "), Map.entry('\t', " "), Map.entry('•', "-"), Map.entry('·', "."),
            Map.entry('°', "o"));

    private SmsText() {
    }

    static boolean inBasic(int c) {
        return c != 0x1B && c < 0x10000 && BASIC.indexOf(c) >= 0;
    }

    static boolean inExtension(int c) {
        return c < 0x10000 && EXTENSION.indexOf(c) >= 0;
    }

    static boolean isGsm7(String text) {
        return text.codePoints().allMatch(c -> inBasic(c) || inExtension(c));
    }

    /** The text in GSM-7 if every character can be written there without losing meaning, else the text as it is. */
    public static String fit(String text) {
        if (isGsm7(text)) {
            return text;
        }
        StringBuilder gsm = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inBasic(c) || inExtension(c)) {
                gsm.append(c);
                continue;
            }
            String substitute = SUBSTITUTES.get(c);
            if (substitute == null) {
                substitute = withoutMarks(c);
            }
            if (substitute == null) {
                return text; // another script, a symbol, an emoji: only UCS-2 carries it
            }
            gsm.append(substitute);
        }
        return gsm.toString();
    }

    /** A Latin letter without its accents, when that is in GSM-7 ("ê" → "e"); null otherwise. */
    private static String withoutMarks(char c) {
        if (!Character.isLetter(c)) {
            return null;
        }
        String bare = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return bare.length() == 1 && !bare.equals(String.valueOf(c)) && inBasic(bare.charAt(0)) ? bare : null;
    }

    /** The segments {@code text} costs as it is (call {@link #fit} first to make it cheaper). */
    public static Segments count(String text) {
        boolean gsm = isGsm7(text);
        Encoding encoding = gsm ? Encoding.GSM_7 : Encoding.UCS_2;
        int units = 0;
        int parts = 1;
        int inPart = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            int width = gsm ? (inExtension(c) ? 2 : 1) : Character.charCount(c);
            units += width;
            if (inPart + width > encoding.perPart) { // a two-unit character is never cut between parts
                parts++;
                inPart = 0;
            }
            inPart += width;
        }
        return new Segments(encoding, units, units <= encoding.single ? 1 : parts);
    }

    /**
     * The message to send: {@code text} {@link #fit fitted}; should that still need more than
     * {@link #MAX_SEGMENTS} segments, the {@code notice} instead (a short text naming the tracking
     * code, where the whole message can be read), fitted too.
     */
    public static String compose(String text, Supplier<String> notice) {
        String fitted = fit(text);
        if (count(fitted).count() <= MAX_SEGMENTS) {
            return fitted;
        }
        return fit(notice.get());
    }
}
