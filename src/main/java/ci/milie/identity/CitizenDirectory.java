package ci.milie.identity;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What other packages may know of a citizen account: how to reach them. */
@ApplicationScoped
public class CitizenDirectory {

    public record CitizenContact(String email, String phone, String preferredLanguage) {
    }

    private final CitizenRepository citizens;

    CitizenDirectory(CitizenRepository citizens) {
        this.citizens = citizens;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CitizenContact> contactOf(UUID citizenId) {
        return citizens.findByIdOptional(citizenId)
                .map(c -> new CitizenContact(c.email(), c.phone(), c.preferredLanguage()));
    }
}
