package ci.milie.request;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Tracking codes a citizen can read out on the phone: {@code MIL-7KQ2-9XD3}, random Crockford
 * base32 (no I, L, O, U), never sequential, 40 bits of randomness.
 */
final class TrackingCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Pattern FORMAT = Pattern.compile("MIL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    private TrackingCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder("MIL-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Accepts what people type: lower case, and the letters Crockford reads as digits (O→0, I/L→1). */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String upper = raw.trim().toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            boolean prefix = i < 3;
            out.append(prefix ? c : switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            });
        }
        return out.toString();
    }
}
