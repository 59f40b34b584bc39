package ci.milie.request;

import java.util.List;
import java.util.UUID;

/**
 * A citizen's personal data were erased from these requests (privacy.Erasure), fired synchronously
 * inside the erasure's transaction: an observer's writes (the webhooks' erasure events) commit or
 * roll back with it. The requests themselves, their statuses and their history stay.
 */
public record PersonalDataErased(List<UUID> requestIds) {

    public PersonalDataErased {
        requestIds = List.copyOf(requestIds);
    }
}
