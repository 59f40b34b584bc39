package ci.milie.integration;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class ClientSecretRepository implements PanacheRepositoryBase<ClientSecret, UUID> {

    List<ClientSecret> ofClient(UUID clientId) {
        return list("clientId", clientId);
    }
}
