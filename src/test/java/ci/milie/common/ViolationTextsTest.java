package ci.milie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message Miliê writes for an invalid field exists in French and in English: the message
 * keys ({@code "field.…"}) and the constraint templates ({@code "{milie.…}"}) the sources use are
 * collected from them, so a new one without both texts fails here.
 */
class ViolationTextsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern MESSAGE_KEY = Pattern.compile("\"(field\\.[a-zA-Z0-9]+)\"");
    private static final Pattern TEMPLATE = Pattern.compile("\"\\{(milie\\.[a-zA-Z0-9.]+)}\"");
    /** Where a violation message is written: its argument must be a key or template, never prose. */
    private static final Pattern WRITTEN = Pattern.compile(
            "ProblemException\\.invalid\\(|new Converter<>\\(|\\bmessage\\(\\) default (?=\")|\\bmessage = (?=\")");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Words with a space between them: a separator such as ", " is not prose. */
    private static final Pattern PROSE = Pattern.compile("[\\p{L}].*\\s|\\s.*[\\p{L}]");

    private final Messages texts = Violation.TEXTS;
    private final Map<String, Properties> constraintTexts = Map.of(
            "fr", bundle("ValidationMessages_fr.properties"), "en", bundle("ValidationMessages_en.properties"));

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(texts.keys("fr"), texts.keys("en"));
        assertEquals(constraintTexts.get("fr").stringPropertyNames(), constraintTexts.get("en").stringPropertyNames());
    }

    @Test
    void everyMessageKeyAndTemplateTheSourcesUseExistInBothLanguages() throws IOException {
        Map<String, Path> used = new TreeMap<>();
        for (Path file : javaFiles()) {
            for (String key : keysUsedIn(Files.readString(file))) {
                used.put(key, file);
            }
        }
        assertTrue(used.size() > 60, "the scan finds the keys in use: " + used.size());
        List<String> missing = new ArrayList<>();
        used.forEach((key, file) -> {
            if (!hasBothTexts(key)) {
                missing.add(key + " (" + file + ")");
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void aKeyWithoutItsTextsIsCaughtByTheScan() {
        String source = "throw ProblemException.invalid(\"phone\", \"field.noSuchText\");\n"
                + "@Pattern(regexp = \"x\", message = \"{milie.noSuchTemplate}\") String code";
        List<String> used = keysUsedIn(source);
        assertEquals(List.of("field.noSuchText", "{milie.noSuchTemplate}"), used);
        assertTrue(used.stream().noneMatch(this::hasBothTexts));
        assertTrue(hasBothTexts("field.unknown") && hasBothTexts("{milie.phone}"));
    }

    @Test
    void noViolationIsWrittenInProse() throws IOException {
        List<String> prose = new ArrayList<>();
        for (Path file : javaFiles()) {
            prose.addAll(proseIn(file.getFileName().toString(), Files.readString(file)));
        }
        assertEquals(List.of(), prose);
        assertEquals(List.of("X.java: \"must be a UUID\"", "X.java: \"must be fr or en\""),
                proseIn("X.java", "throw ProblemException.invalid(name, \"must be a UUID\");\n"
                        + "@Pattern(regexp = \"fr|en\", message = \"must be fr or en\") @Schema(description = \"The language\")"),
                "the check can fail");
    }

    @Test
    void everyTextFormatsAndHasNoPlainApostrophe() {
        for (String language : Languages.SUPPORTED) {
            for (String key : texts.keys(language)) {
                String text = texts.text(language, key, 2, 3, 4, 5);
                assertFalse(text.isBlank(), key);
                assertFalse(text.contains("{"), language + " " + key + " left a placeholder: " + text);
                assertFalse(text.contains("'"), language + " " + key + " has a plain apostrophe");
            }
            constraintTexts.get(language).forEach((key, text) ->
                    assertFalse(text.toString().matches(".*['{}$\\\\].*"), language + " " + key + " has a character Hibernate Validator reads"));
        }
        assertEquals("must be in the years 2000 to 2100", texts.text("en", "field.years", 2000, 2100),
                "a year is written without a thousands separator");
        assertEquals("doit être dans les années 2000 à 2100", texts.text("fr", "field.years", 2000, 2100));
        assertEquals("doit être l’une des valeurs A, B", texts.text("fr", "field.oneOf", "A, B"));
    }

    private static List<String> keysUsedIn(String source) {
        List<String> keys = new ArrayList<>();
        Matcher key = MESSAGE_KEY.matcher(source);
        while (key.find()) {
            keys.add(key.group(1));
        }
        Matcher template = TEMPLATE.matcher(source);
        while (template.find()) {
            keys.add("{" + template.group(1) + "}");
        }
        return keys;
    }

    private boolean hasBothTexts(String key) {
        if (key.startsWith("{")) {
            String name = key.substring(1, key.length() - 1);
            return constraintTexts.values().stream().allMatch(bundle -> bundle.getProperty(name) != null);
        }
        return texts.has(key);
    }

    /** The string literals with a space passed where a violation message is written. */
    private static List<String> proseIn(String file, String source) {
        List<String> prose = new ArrayList<>();
        Matcher call = WRITTEN.matcher(source);
        while (call.find()) {
            // an annotation's message is the one literal that follows; a call's arguments run to its statement's end
            int end = source.indexOf(';', call.end());
            String arguments = source.substring(call.end(), end < 0 ? source.length() : end);
            Matcher literal = LITERAL.matcher(arguments);
            boolean annotation = call.group().startsWith("message");
            while (literal.find() && !(annotation && literal.start() > 0)) {
                if (PROSE.matcher(literal.group(1)).find()) {
                    prose.add(file + ": " + literal.group());
                }
            }
        }
        return prose;
    }

    private static Properties bundle(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ViolationTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, "missing " + resource);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
