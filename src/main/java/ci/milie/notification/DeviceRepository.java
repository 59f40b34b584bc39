package ci.milie.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    Optional<Device> byToken(String token) {
        return find("token", token).firstResultOptional();
    }

    /** The devices that follow a request: its citizen's (when it has an account) and its key holder's. */
    List<Device> following(UUID citizenId, UUID requestId) {
        if (citizenId == null) {
            return list("requestId = ?1 order by createdAt", requestId);
        }
        return list("citizenId = ?1 or requestId = ?2 order by createdAt", citizenId, requestId);
    }
}
