package ci.milie.directory;

import ci.milie.common.ProblemException;

/** The 409s administrations and categories share. */
final class Conflicts {

    private Conflicts() {
    }

    /** @param detailKey {@code DUPLICATE_CODE.<thing>}, quoting the code */
    static ProblemException duplicateCode(String detailKey, String code) {
        return ProblemException.conflict("DUPLICATE_CODE", detailKey, code);
    }

    /** The client edited a version that is no longer current (the {@code version} of a PUT body). */
    static ProblemException staleVersion() {
        return ProblemException.conflict("CONCURRENT_MODIFICATION",
                "CONCURRENT_MODIFICATION.reload");
    }
}
