package ci.milie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every problem the code can build has its title and detail in French and in English: the keys
 * the sources use are collected from them, so a new code or detail without both texts fails here.
 */
class ProblemTextsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** A detail key as written in the sources: the code, a dot, a lower-case name. */
    private static final Pattern KEY = Pattern.compile("\"([A-Z][A-Z0-9_]*)\\.([a-z][a-zA-Z0-9-]*)\"");
    /** Where a problem is built: its detail must be a key, never prose. */
    private static final Pattern BUILT = Pattern.compile(
            "ProblemException\\.(notFound|conflict|unauthorized|tooManyRequests|forbidden|invalidTransition|conflictInStatus)\\("
                    + "|new ProblemException\\(|RouteProblems\\.refuse\\(|\\brespond\\(|\\brefuse\\(|\\brefusal\\(|\\banswer\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Messages texts = ProblemDetail.TEXTS;

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(texts.keys("fr"), texts.keys("en"));
    }

    @Test
    void everyDetailKeyTheSourcesUseAndTheTitleOfItsCodeExistInBothLanguages() throws IOException {
        Map<String, Path> used = new TreeMap<>();
        for (Path file : javaFiles()) {
            Matcher key = KEY.matcher(Files.readString(file));
            while (key.find()) {
                used.put(key.group(1) + "." + key.group(2), file);
                used.put(key.group(1) + ".title", file);
            }
        }
        assertTrue(used.size() > 100, "the scan finds the keys in use: " + used.size());
        List<String> missing = new ArrayList<>();
        used.forEach((key, file) -> {
            if (!texts.has(key)) {
                missing.add(key + " (" + file + ")");
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void noProblemIsBuiltWithProseInsteadOfAKey() throws IOException {
        List<String> prose = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            Matcher call = BUILT.matcher(source);
            while (call.find()) {
                String arguments = arguments(source, call.end());
                Matcher literal = LITERAL.matcher(arguments);
                while (literal.find()) {
                    if (literal.group(1).contains(" ")) {
                        prose.add(file.getFileName() + ": " + literal.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), prose);
    }

    @Test
    void everyTextFormatsAndHasNoPlainApostrophe() {
        for (String language : Languages.SUPPORTED) {
            for (String key : texts.keys(language)) {
                String text = texts.text(language, key, 2, 3, 4);
                assertFalse(text.isBlank(), key);
                assertFalse(text.contains("{"), language + " " + key + " left a placeholder: " + text);
                assertFalse(text.contains("'"), language + " " + key + " has a plain apostrophe");
            }
        }
        assertEquals("2 champs sont invalides", texts.text("fr", "VALIDATION_FAILED.fields", 2));
        assertEquals("1 field is invalid", texts.text("en", "VALIDATION_FAILED.fields", 1));
        assertEquals("Une demande porte au plus 5 fichiers ; celle-ci en a 5", texts.text("fr", "TOO_MANY_ATTACHMENTS.limit", 5, 5));
        assertEquals("Demande introuvable", texts.text("de", "NOT_FOUND.request"), "another language reads French");
        assertEquals("This changed since version \"7\"; reload it and try again",
                texts.text("en", "CONCURRENT_MODIFICATION.version", "\"7\""), "an ETag quoted as it came");
        assertEquals("Each file may have at most ten MB", texts.text("en", "FILE_TOO_LARGE.megabytes", "ten"),
                "a value of the wrong kind is shown as it is rather than failing the answer");
    }

    /** The text between the parenthesis a call opens and the one that closes it. */
    private static String arguments(String source, int start) {
        int depth = 1;
        int i = start;
        while (depth > 0 && i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                i++;
                while (i < source.length() && source.charAt(i) != '"') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '\'') {
                i += source.charAt(i + 1) == '\\' ? 3 : 2;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            i++;
        }
        return source.substring(start, Math.max(start, i - 1));
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
