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

    /** The contacts a one-time code proved to this account (null when none of that kind). */
    public record ProvenContacts(String email, String phone) {
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

    /** What a code proved to the account: what lets it claim a request filed with that contact. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProvenContacts> provenContactsOf(UUID citizenId) {
        return citizens.findByIdOptional(citizenId)
                .map(c -> new ProvenContacts(c.emailVerified() ? c.email() : null, c.phoneVerified() ? c.phone() : null));
    }
}
