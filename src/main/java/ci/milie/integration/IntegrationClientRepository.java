package ci.milie.integration;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class IntegrationClientRepository implements PanacheRepositoryBase<IntegrationClient, UUID> {

    Optional<IntegrationClient> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }
}
