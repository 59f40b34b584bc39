package ci.milie.request;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

import ci.milie.request.FileTypes.FileType;

/**
 * The name a file is shown and downloaded under: the client's name without any path, control or
 * bidirectional characters, at most 255 characters, and ending in an extension of its real type,
 * the only dot left in it (a PNG sent as {@code scan.pdf} is kept as {@code scan-pdf.png},
 * {@code evil.html.pdf} as {@code evil-html.pdf}). Files are never stored under it.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;
    /** The name of a file that has none, or whose name must not be shown. */
    static final String NAMELESS = "piece-jointe";
    private static final String UNSAFE = "\"*:<>?\\/|";

    private FileNames() {
    }

    static String sanitise(String raw, FileType type) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int kind = Character.getType(c);
            if (kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.UNASSIGNED
                    || kind == Character.PRIVATE_USE || kind == Character.SURROGATE) {
                return;
            }
            if (UNSAFE.indexOf(c) >= 0) {
                kept.append('_');
            } else {
                kept.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
            }
        });
        String base = strip(kept.toString());
        String extension = "." + type.extension();
        if (base.isEmpty()) {
            return NAMELESS + extension;
        }
        int dot = base.lastIndexOf('.');
        if (dot > 0 && type.knownAs(base.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            extension = base.substring(dot);
            base = base.substring(0, dot);
        }
        // one dot, before the real extension: no "evil.html.pdf" that a server or a user reads as HTML
        base = base.replace('.', '-');
        return truncate(base, MAX_LENGTH - extension.length()) + extension;
    }

    /**
     * The name of a file without anything its sender wrote: {@code piece-jointe} and the usual
     * extension of its type ({@code "CNI Awa Traoré.JPEG"} becomes {@code piece-jointe.jpg}).
     */
    static String neutral(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return NAMELESS + Arrays.stream(FileType.values()).filter(type -> type.knownAs(extension))
                .findFirst().map(type -> "." + type.extension()).orElse("");
    }

    /** Without the spaces and dots around it (no hidden files, no "name ."). */
    private static String strip(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(start, end);
    }

    /** At most {@code max} UTF-16 units, never cutting a character in half. */
    private static String truncate(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        int end = max;
        if (Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        return strip(name.substring(0, end));
    }

    /**
     * {@code Content-Disposition} for a download under this name (RFC 6266): an ASCII fallback,
     * then the exact name percent-encoded in UTF-8 ({@code filename*}), which browsers prefer.
     */
    static String attachmentDisposition(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
