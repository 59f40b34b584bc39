package ci.milie.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a person's identifiers in a text someone else wrote about them (a staff note, an answer)
 * and puts the erasure marker in their place: their full name as written, in any case and with
 * any spacing; their e-mail in any case; their phone in E.164 and, for an Ivorian number, in its
 * national form with or without separators ("+2250701020304", "0701020304", "07 01 02 03 04").
 */
final class Redaction {

    private static final String SEPARATOR = "[\\s.\\-]?";

    private final Pattern identifiers;

    private Redaction(Pattern identifiers) {
        this.identifiers = identifiers;
    }

    static Redaction of(Collection<String> names, Collection<String> emails, Collection<String> phones) {
        List<String> alternatives = new ArrayList<>();
        // a name of one or two letters would blank unrelated words: such a name is left
        names.stream().filter(Objects::nonNull).map(String::strip).filter(name -> name.length() >= 3).distinct()
                .map(name -> String.join("\\s+", java.util.Arrays.stream(name.split("\\s+")).map(Pattern::quote).toList()))
                .forEach(alternatives::add);
        emails.stream().filter(Objects::nonNull).map(String::strip).filter(email -> !email.isEmpty()).distinct()
                .map(Pattern::quote).forEach(alternatives::add);
        phones.stream().filter(Objects::nonNull).map(String::strip).filter(phone -> phone.startsWith("+")).distinct()
                .map(Redaction::phonePattern).forEach(alternatives::add);
        if (alternatives.isEmpty()) {
            return new Redaction(null);
        }
        // the longest first, so that a name is not cut short by another that starts it
        alternatives.sort(Comparator.comparingInt(String::length).reversed());
        return new Redaction(Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The text with every identifier replaced by the marker; null stays null. */
    String apply(String text) {
        if (text == null || identifiers == null) {
            return text;
        }
        return identifiers.matcher(text).replaceAll(Matcher.quoteReplacement(PersonalData.MARKER));
    }

    /** An E.164 number with or without its country code (+225 or 00225), digits optionally separated. */
    private static String phonePattern(String e164) {
        String digits = e164.substring(1);
        String country;
        String national;
        if (digits.startsWith("225") && digits.length() == 13) {
            country = "225";
            national = digits.substring(3);
        } else {
            country = "";
            national = digits;
        }
        StringBuilder spaced = new StringBuilder();
        for (int i = 0; i < national.length(); i++) {
            if (i > 0) {
                spaced.append(SEPARATOR);
            }
            spaced.append(national.charAt(i));
        }
        String prefix = "(?:\\+|00)" + country + SEPARATOR;
        // a national number may be written alone only when it is Ivorian (with its leading 0 or 2)
        String number = country.isEmpty() ? prefix + spaced : "(?:" + prefix + ")?" + spaced;
        return "(?<!\\d)" + number + "(?!\\d)";
    }
}
