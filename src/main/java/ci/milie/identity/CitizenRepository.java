package ci.milie.identity;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CitizenRepository implements PanacheRepositoryBase<Citizen, UUID> {

    Optional<Citizen> findBy(OtpDestination destination) {
        return find(destination.isEmail() ? "email" : "phone", destination.value()).firstResultOptional();
    }
}
