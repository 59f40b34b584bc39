package ci.milie.request;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.common.Secrets;

/**
 * Object-level authorisation: who may see which request. Anyone else gets the same 404 as for a
 * request that does not exist, so existence never leaks.
 */
@ApplicationScoped
public class RequestAccess {

    private final RequestRepository requests;

    RequestAccess(RequestRepository requests) {
        this.requests = requests;
    }

    /** The request, if the caller (token or access key) may see it; otherwise 404. */
    public CitizenRequest visibleTo(UUID id, Caller caller, String accessKey) {
        CitizenRequest request = requests.findByIdOptional(id).orElseThrow(RequestAccess::notFound);
        if (!canSee(request, caller, accessKey)) {
            throw notFound();
        }
        return request;
    }

    /**
     * The request a caller is about to act on, locked against concurrent changes: with an
     * {@code If-Match} version that is not the current one, 409 before anything happens.
     */
    public CitizenRequest forAction(UUID id, Caller caller, String accessKey, String ifMatch) {
        CitizenRequest request = visibleTo(id, caller, accessKey);
        if (ifMatch != null && !ifMatch.isBlank()) {
            String expected = ifMatch.trim().replace("W/", "").replace("\"", "");
            if (!expected.equals(Long.toString(request.version()))) {
                throw ProblemException.conflict("CONCURRENT_MODIFICATION",
                        "The request changed since version " + expected + "; reload it and try again");
            }
        }
        return request;
    }

    public boolean canSee(CitizenRequest request, Caller caller, String accessKey) {
        if (caller.hasRole(Roles.OSEP) || caller.hasRole(Roles.SUPERVISOR)) {
            return true;
        }
        if (caller.hasRole(Roles.AGENT)) {
            return request.administrationId() != null && caller.administrationId().map(request.administrationId()::equals).orElse(false);
        }
        if (caller.hasRole(Roles.OPERATOR)) {
            return request.enteredByStaffId() != null && caller.id().map(request.enteredByStaffId()::equals).orElse(false);
        }
        if (caller.hasRole(Roles.CITIZEN) && request.citizenId() != null
                && caller.id().map(request.citizenId()::equals).orElse(false)) {
            return true;
        }
        return holdsKey(request, accessKey);
    }

    /** The submitter, by account or access key: may reply, upload, rate. */
    public boolean isSubmitter(CitizenRequest request, Caller caller, String accessKey) {
        if (caller.hasRole(Roles.CITIZEN) && request.citizenId() != null
                && caller.id().map(request.citizenId()::equals).orElse(false)) {
            return true;
        }
        return holdsKey(request, accessKey);
    }

    static boolean holdsKey(CitizenRequest request, String accessKey) {
        return plausibleKey(accessKey) && request.acceptsAccessKey(Secrets.sha256(accessKey));
    }

    /** The same check against the stored hash, for reads that do not load the request. */
    static boolean holdsKey(String accessKeyHash, String accessKey) {
        return plausibleKey(accessKey) && Secrets.sameHash(accessKeyHash, Secrets.sha256(accessKey));
    }

    private static boolean plausibleKey(String accessKey) {
        return accessKey != null && !accessKey.isBlank() && accessKey.length() <= 100;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Request");
    }
}
