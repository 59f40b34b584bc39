package ci.milie.directory;

/** Normalises free text on its way into the directory: trimmed, and blank optional text is absent. */
final class Texts {

    private Texts() {
    }

    static String required(String value) {
        return value.strip();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
