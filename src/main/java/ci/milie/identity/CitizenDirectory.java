package ci.milie.identity;

import java.time.Clock;
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
    private final Clock clock;

    CitizenDirectory(CitizenRepository citizens, Clock clock) {
        this.citizens = citizens;
        this.clock = clock;
    }

    /** The account a phone number (E.164) signs in to, if it has one: only a proven number identifies an account. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> accountOfProvenPhone(String phone) {
        return citizens.findBy(new OtpDestination(phone, false)).map(Citizen::id);
    }

    /**
     * The account of a number that proved itself another way than by a code read back: the
     * operator's MSISDN on an aggregator's authenticated callback. Found, or created as a first
     * sign-in with a code would create it (taking the number off an account that only typed it).
     */
    @Transactional
    public UUID accountForProvenPhone(String phone) {
        OtpDestination destination = new OtpDestination(phone, false);
        citizens.lockContact(destination);
        return citizens.findBy(destination).orElseGet(() -> {
            citizens.releaseUnproven(destination);
            Citizen created = Citizen.signedUpWith(destination, clock.instant());
            citizens.persist(created);
            return created;
        }).id();
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
