package ci.milie.identity;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StaffAccountRepository implements PanacheRepositoryBase<StaffAccount, UUID> {

    public Optional<StaffAccount> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }

    long countActiveSysadmins() {
        return count("role = ?1 and active = true", StaffRole.SYSADMIN);
    }
}
