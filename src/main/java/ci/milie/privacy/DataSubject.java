package ci.milie.privacy;

import java.util.List;
import java.util.UUID;

/**
 * Whose data an export or an erasure is about, and which requests that covers.
 *
 * @param citizenId  the citizen account, when the act covers one (null for one request by its key)
 * @param email      the account's or the verified contact's e-mail, if any (normalised)
 * @param phone      the account's or the verified contact's phone, if any (E.164)
 * @param requestIds the requests covered, oldest first
 */
public record DataSubject(UUID citizenId, String email, String phone, List<UUID> requestIds) {

    public DataSubject {
        requestIds = List.copyOf(requestIds);
    }

    public boolean isEmpty() {
        return citizenId == null && requestIds.isEmpty();
    }
}
