package ci.milie.common;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What text the API accepts. Free text (every string of a JSON body) may hold any Unicode
 * character but the C0 controls other than tab, line feed and carriage return, DEL and lone
 * surrogates (which PostgreSQL cannot store: it would keep a "?" or fail). Single-line values
 * (query parameters, the path, header values) hold no control character at all, except the tab
 * HTTP allows in a header. Percent-encoded values must decode as UTF-8.
 */
public final class CleanText {

    static final String CONTROL = "field.controlCharacters";
    static final String SURROGATE = "field.loneSurrogate";
    static final String ENCODING = "field.percentEncoding";

    private CleanText() {
    }

    /** Why free text is refused (a key of {@code messages/violations_*.properties}), or null when it is acceptable. */
    public static String flawInFreeText(String text) {
        return flaw(text, "\t\n\r");
    }

    /** Why a single-line value (query, path) is refused, or null when it is acceptable. */
    public static String flawInLine(String text) {
        return flaw(text, "");
    }

    /** Why a header value is refused, or null when it is acceptable. */
    static String flawInHeader(String text) {
        return flaw(text, "\t");
    }

    private static String flaw(String text, String allowedControls) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c == 0x7F) && allowedControls.indexOf(c) < 0) {
                return CONTROL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }

    /**
     * The parameters of a raw query string ({@code a=1&b=%C3%A9}), decoded strictly: a malformed
     * escape or bytes that are not UTF-8 are refused rather than replaced. Characters above
     * U+007F stand for the bytes the HTTP layer read (ISO-8859-1), as raw UTF-8 in a request line.
     */
    static List<Map.Entry<String, String>> query(String raw) throws CharacterCodingException {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(Map.entry(decode(name, true), decode(value, true)));
        }
        return parameters;
    }

    /** A raw path, decoded strictly ({@code +} is a plus sign there). */
    static String path(String raw) throws CharacterCodingException {
        return decode(raw == null ? "" : raw, false);
    }

    private static String decode(String raw, boolean plusIsSpace) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new CharacterCodingException();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new CharacterCodingException();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c > 0xFF) {
                // already decoded by the HTTP layer: take it as it is (a lone surrogate fails below)
                int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                byte[] encoded = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end - 1;
            } else {
                bytes.write(c);
            }
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    }
}
