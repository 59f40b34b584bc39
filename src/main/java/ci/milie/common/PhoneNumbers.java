package ci.milie.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises phone numbers to E.164. Ivorian numbers (+225) have had 10 digits since 2021
 * (01/05/07 mobile, 21/25/27 fixed) and are accepted written locally ("07 01 02 03 04"), with
 * 00225 or +225. Other countries are accepted in international form only.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()\\-/]");
    private static final Pattern IVORIAN_LOCAL = Pattern.compile("0[1-9]\\d{8}|2[1-9]\\d{8}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{7,14}");

    private PhoneNumbers() {
    }

    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (IVORIAN_LOCAL.matcher(compact).matches()) {
            return Optional.of("+225" + compact);
        }
        if (compact.startsWith("+225")) {
            String national = compact.substring(4);
            return IVORIAN_LOCAL.matcher(national).matches() ? Optional.of(compact) : Optional.empty();
        }
        return INTERNATIONAL.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /** "+2250701020304" → "+225******0304", for the rare log line that must name a recipient. */
    public static String mask(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "***";
        }
        return e164.substring(0, 4) + "*".repeat(e164.length() - 8) + e164.substring(e164.length() - 4);
    }
}
