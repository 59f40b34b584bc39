package ci.milie.directory;

/** The shape of administration and category codes: what citizens and integrations quote. */
final class Codes {

    /** Uppercase letters and digits, in groups separated by single dashes: "ETAT-CIVIL", "MSHPCMU". */
    static final String PATTERN = "[A-Z0-9]+(-[A-Z0-9]+)*";
    static final String MESSAGE = "{milie.code}";
    static final int MIN = 2;
    static final int MAX = 32;

    private Codes() {
    }
}
