package ci.milie.directory;

import ci.milie.common.ProblemException;

/** The 409s administrations and categories share. */
final class Conflicts {

    private Conflicts() {
    }

    static ProblemException duplicateCode(String what, String code) {
        return ProblemException.conflict("DUPLICATE_CODE", what + " with code " + code + " already exists");
    }

    /** The client edited a version that is no longer current (the {@code version} of a PUT body). */
    static ProblemException staleVersion() {
        return ProblemException.conflict("CONCURRENT_MODIFICATION",
                "Someone else changed this resource meanwhile; reload it and try again");
    }
}
