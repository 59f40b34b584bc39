package ci.milie.common;

import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

/**
 * The hostile values of the contract fuzz test, as jqwik arbitraries. The jqwik engine does not
 * run inside a Quarkus test, so the values are drawn from the arbitraries' generators with one
 * seeded {@link Random}: the same seed sends the same inputs (for the same data).
 */
final class HostileInputs {

    /** Raw JSON text, written into a body as it is (an edge number, a nested structure, a literal). */
    record RawJson(String text) {
    }

    private static final int GENERATION_SIZE = 1000;

    private final Random random;

    private final RandomGenerator<String> text;
    private final RandomGenerator<String> number;
    private final RandomGenerator<String> wrongType;
    private final RandomGenerator<String> date;
    private final RandomGenerator<String> invalidJson;
    private final RandomGenerator<String> headerValue;
    private final RandomGenerator<String> ifMatch;
    private final RandomGenerator<String> contentType;
    private final RandomGenerator<String> accept;
    private final RandomGenerator<String> pathSegment;
    private final RandomGenerator<String> fieldName;
    private final RandomGenerator<Integer> depth;

    HostileInputs(long seed) {
        this.random = new Random(seed);
        Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f')
                .withChars('\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\u200b')
                .ofMinLength(1).ofMaxLength(3).map(c -> "Yopougon" + c + "Abobo");
        Arbitrary<String> loneSurrogates = Arbitraries.chars().range('\ud800', '\udfff').map(c -> "mairie " + c + " ok");
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> unicode = Arbitraries.of("😀", "👩‍👩‍👧‍👦 famille", "🇨🇮", "e\u0301", "Ǆ", "İstanbul", "ß", "\u202Eevil",
                "ｆｕｌｌｗｉｄｔｈ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
        Arbitrary<String> huge = Arbitraries.integers().between(201, 70_000).map("é"::repeat);
        Arbitrary<String> blank = Arbitraries.of("", " ", "\t", "\r\n", "   ");
        Arbitrary<String> tricky = Arbitraries.of("null", "true", "0", "-1", "NaN", "Infinity", "' or '1'='1", "%00", "%s%n%x",
                "${jndi:ldap://x/a}", "../../etc/passwd", "<script>alert(1)</script>", "\\", "\"", "1e309", "{}", "[]",
                "a@b", "@milie.test", "x".repeat(255) + "@milie.test", "+225", "+22507000000000000000", "０７０１０２０３０４");
        this.text = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, controls), net.jqwik.api.Tuple.of(2, loneSurrogates), net.jqwik.api.Tuple.of(3, anyChars),
                net.jqwik.api.Tuple.of(2, unicode), net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(2, blank),
                net.jqwik.api.Tuple.of(3, tricky), net.jqwik.api.Tuple.of(2, dates()))
                .generator(GENERATION_SIZE);
        this.number = Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "1", "5", "6", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
                        "9223372036854775808", "-9223372036854775809", "1e400", "-0", "0.0", "4.7", "1.0", "1e2", "-1e-400",
                        "123456789012345678901234567890", "0.1e1", "1E+2", "3.0000000000000001"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf))
                .generator(GENERATION_SIZE);
        this.wrongType = Arbitraries.of("null", "true", "false", "[]", "{}", "\"\"", "[1,2]", "{\"a\":1}", "\"1\"", "\"true\"",
                "[null]", "[\"COMPLAINT\", 1]", "0", "{\"\":{}}").generator(GENERATION_SIZE);
        this.date = dates().generator(GENERATION_SIZE);
        this.invalidJson = Arbitraries.of("{", "}", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "[1,2", "\"unterminated", "{\"a\":1}{\"b\":2}",
                "\ufeff{}", "nul", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{a:1}", "", " ",
                "{\"a\":1} trailing", "/* comment */ {}", "{\"a\":\"\u0000\"}", "{\"a\":\"line\nbreak\"}", "[]", "\"string\"", "42",
                "null", "{\"__proto__\":{\"admin\":true}}", "{\"@class\":\"java.lang.Runtime\"}").generator(GENERATION_SIZE);
        this.headerValue = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0080', '\u00ff').ofMinLength(1).ofMaxLength(10),
                Arbitraries.integers().between(4_000, 20_000).map("k"::repeat),
                Arbitraries.of("", " ", "null", "-1", "0", "Bearer", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer a.b.c",
                        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer " + "A".repeat(5000)))
                .generator(GENERATION_SIZE);
        this.ifMatch = Arbitraries.of("\"0\"", "W/\"0\"", "*", "\"-1\"", "0", "\"99999999999999999999\"", "\"abc\"", "\"\"", "W/",
                "\"1\", \"2\"", "\"9223372036854775807\"", "\"1.5\"", "\"", "\"0x10\"").generator(GENERATION_SIZE);
        this.contentType = Arbitraries.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                "application/json; charset=nonsense", "multipart/form-data", "multipart/form-data; boundary=",
                "application/x-www-form-urlencoded", "garbage", "application/*", "*/*", "application/octet-stream",
                "application/problem+json", "image/png").generator(GENERATION_SIZE);
        this.accept = Arbitraries.of("application/xml", "text/csv", "*/*", "garbage/;;", "application/problem+json", "text/html",
                "image/png", "application/json;q=0", "text/plain, */*;q=0.1", "application/pdf").generator(GENERATION_SIZE);
        this.pathSegment = Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "null", "undefined", "%00", "%2e%2e", "..", "%2F", "00000000-0000-0000-0000-000000000000",
                        "ffffffff-ffff-ffff-ffff-ffffffffffff", "2026-02-30", "+999999999-12-31", "9999-12-31", "%ED%A0%80",
                        "%C3%28", "%FF", "a%20b", "%E2%80%AE", "MIL-0000-0000", "x".repeat(5000)),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20).map(HostileInputs::percentEncode))
                .generator(GENERATION_SIZE);
        this.fieldName = Arbitraries.oneOf(
                Arbitraries.of("id", "status", "version", "role", "__proto__", "constructor", "", "a.b", "administration_id",
                        "trackingCode", "createdAt", "@type", "\u0000"),
                Arbitraries.strings().all().ofMaxLength(12))
                .generator(GENERATION_SIZE);
        this.depth = Arbitraries.integers().between(50, 30_000).generator(GENERATION_SIZE);
    }

    private static Arbitrary<String> dates() {
        return Arbitraries.oneOf(
                Arbitraries.of("2026-01-01", "2026-01-01T00:00:00Z", "+999999999-12-31", "-999999999-01-01", "0000-00-00",
                        "2026-02-30", "1970-01-01", "9999-12-31", "2026-06-11T10:15:30+01:00", "P1D", "2026-W01", "2026-13",
                        "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "2026-01-01T25:61:61Z", "1e12", "today"),
                Arbitraries.integers().between(-999_999_999, 999_999_999).map(year -> year + "-01-01"),
                Arbitraries.longs().map(String::valueOf));
    }

    private <T> T next(RandomGenerator<T> generator) {
        return generator.next(random).value();
    }

    Random random() {
        return random;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String text() {
        return next(text);
    }

    String date() {
        return next(date);
    }

    RawJson number() {
        return new RawJson(next(number));
    }

    RawJson wrongType() {
        return new RawJson(next(wrongType));
    }

    /** Arrays or objects nested thousands deep, each level a little different. */
    RawJson deeplyNested() {
        int levels = next(depth);
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return new RawJson(open.repeat(levels) + "1" + close.repeat(levels));
    }

    /** A value of any kind for a JSON field: text, number, wrong type, nesting. */
    Object anyValue() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> text();
            case 4, 5 -> number();
            case 6, 7, 8 -> wrongType();
            default -> random.nextInt(4) == 0 ? deeplyNested() : date();
        };
    }

    String invalidJson() {
        return next(invalidJson);
    }

    String headerValue() {
        return next(headerValue);
    }

    String ifMatch() {
        return next(ifMatch);
    }

    String contentType() {
        return next(contentType);
    }

    String accept() {
        return next(accept);
    }

    /** A path segment, already percent-encoded where it needs to be. */
    String pathSegment() {
        return next(pathSegment);
    }

    String fieldName() {
        return next(fieldName);
    }

    /**
     * Percent-encodes text as UTF-8, except that a lone surrogate is written as the three bytes it
     * would take in CESU-8 (invalid UTF-8): the server must decode it, not the client.
     */
    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : Utf8.bytes(value)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
                    || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    /** UTF-8 that keeps lone surrogates as (invalid) three-byte sequences instead of replacing them with '?'. */
    static final class Utf8 {

        private Utf8() {
        }

        static byte[] bytes(String value) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(value.length() + 16);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                int codePoint = c;
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    codePoint = Character.toCodePoint(c, value.charAt(++i));
                }
                if (codePoint < 0x80) {
                    out.write(codePoint);
                } else if (codePoint < 0x800) {
                    out.write(0xc0 | (codePoint >> 6));
                    out.write(0x80 | (codePoint & 0x3f));
                } else if (codePoint < 0x10000) {
                    out.write(0xe0 | (codePoint >> 12));
                    out.write(0x80 | ((codePoint >> 6) & 0x3f));
                    out.write(0x80 | (codePoint & 0x3f));
                } else {
                    out.write(0xf0 | (codePoint >> 18));
                    out.write(0x80 | ((codePoint >> 12) & 0x3f));
                    out.write(0x80 | ((codePoint >> 6) & 0x3f));
                    out.write(0x80 | (codePoint & 0x3f));
                }
            }
            return out.toByteArray();
        }
    }
}
