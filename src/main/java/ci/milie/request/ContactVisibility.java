package ci.milie.request;

import ci.milie.common.Caller;
import ci.milie.common.Roles;

/**
 * Who may learn who the citizen behind a request is. A citizen who submits with {@code anonymous}
 * stays anonymous to the administration in charge: its agents read the request, its thread and its
 * files, but nothing that names the citizen: no contact (name, e-mail, phone), no account id, no
 * original file name, and no filter that would answer "is this number the citizen's?". OSEP,
 * supervisors, the operator who took the call and the citizen themselves still see who it is.
 * <p>
 * The one place that rule is written: every view, filter, event and file name asks here.
 */
final class ContactVisibility {

    private ContactVisibility() {
    }

    /** Whether this caller, who may see the request, may also see who submitted it. */
    static boolean seesContact(Caller caller, boolean anonymousRequest) {
        return !anonymousRequest || !actsForAnAdministration(caller);
    }

    /**
     * The name recorded in the request's history for a file joined to it, which every reader of
     * the history sees: on an anonymous request, a neutral name, unless the administration in charge
     * joined the file itself (its agents cannot reveal what they do not know).
     */
    static String recordedFileName(boolean anonymousRequest, String uploaderRole, String fileName) {
        if (!anonymousRequest || Roles.AGENT.equals(uploaderRole)) {
            return fileName;
        }
        return FileNames.neutral(fileName);
    }

    /** The name this caller sees a file under: its own name, or a neutral one if the caller may not know the citizen. */
    static String fileName(Caller caller, boolean anonymousRequest, String uploaderRole, String fileName) {
        return seesContact(caller, anonymousRequest) ? fileName : recordedFileName(anonymousRequest, uploaderRole, fileName);
    }

    /** Whether an event's actor is the citizen (with an account or the access key), not staff nor a job. */
    static boolean citizenActor(String actorRole) {
        return Roles.CITIZEN.equals(actorRole) || Actor.ANONYMOUS.equals(actorRole);
    }

    /** Agents, and any token scoped to one administration: the side that must not learn the citizen's identity. */
    private static boolean actsForAnAdministration(Caller caller) {
        return caller.hasRole(Roles.AGENT) || caller.administrationId().isPresent();
    }
}
