package ci.milie.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset (not offset) paging, for every list of the API. A page's query reads the rows sorted
 * after the previous page's last key, at most {@code limit + 1} of them: the extra row says that
 * a next page exists. Its cursor is the sort key of the page's last row behind a CRC-32 of it,
 * base64url-encoded so that clients cannot depend on its shape; the checksum tells a cursor this
 * API issued from garbage (which would otherwise read as some key and give a wrong page). A cursor
 * that does not decode, check or parse is a 400, not a 500 or an empty page.
 */
public final class Keyset {

    private Keyset() {
    }

    /**
     * The page of the {@code limit + 1} rows a keyset query read: the first {@code limit} as views,
     * and the cursor of the next page when there was one more row.
     */
    public static <E, V> Page<V> page(List<E> rows, int limit, Function<E, String> key, Function<E, V> view) {
        boolean more = rows.size() > limit;
        List<E> items = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(key.apply(items.get(items.size() - 1))) : null;
        return new Page<>(items.stream().map(view).toList(), next);
    }

    /** The key a cursor carries; null for the first page (no cursor). */
    public static String after(String cursor) {
        return after(cursor, Function.identity());
    }

    /** The key a cursor carries, parsed; a key that does not parse is a 400 naming the cursor. */
    public static <K> K after(String cursor, Function<String, K> parse) {
        String key = decode(cursor);
        if (key == null) {
            return null;
        }
        try {
            return parse.apply(key);
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    static String encode(String lastKey) {
        byte[] key = lastKey.getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(4 + key.length).putInt(checksum(key)).put(key).array());
    }

    private static int checksum(byte[] key) {
        CRC32 crc = new CRC32();
        crc.update(key);
        return (int) crc.getValue();
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor.strip());
            if (bytes.length < 4) {
                throw invalidCursor();
            }
            byte[] key = Arrays.copyOfRange(bytes, 4, bytes.length);
            if (ByteBuffer.wrap(bytes, 0, 4).getInt() != checksum(key)) {
                throw invalidCursor();
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalidCursor();
        }
    }

    private static ProblemException invalidCursor() {
        return ProblemException.invalid("cursor", "field.cursor");
    }
}
