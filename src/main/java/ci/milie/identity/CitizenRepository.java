package ci.milie.identity;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CitizenRepository implements PanacheRepositoryBase<Citizen, UUID> {

    /** The account this destination signs in to: only a contact a code proved is an identifier. */
    Optional<Citizen> findBy(OtpDestination destination) {
        String column = destination.isEmail() ? "email" : "phone";
        return find(column + " = ?1 and " + column + "Verified = true", destination.value()).firstResultOptional();
    }

    /**
     * Serialises, until the transaction ends, the find-or-create of the account of one contact:
     * two first sign-ins of a number at once (two USSD sessions confirming together, a code read
     * back during a callback) would both find no account, and the second insert would break
     * {@code citizen_phone_unique}. The second now waits for the first to commit, then finds its
     * account (read committed: each statement sees what committed before it).
     */
    void lockContact(OtpDestination destination) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "citizen-contact|" + destination.value()).getSingleResult();
    }

    /**
     * Takes this contact off an account that holds it without proof, when someone proves it with a
     * code: the person who receives the codes owns the number, not the one who typed it.
     */
    void releaseUnproven(OtpDestination destination) {
        String column = destination.isEmail() ? "email" : "phone";
        update(column + " = null, version = version + 1 where " + column + " = ?1 and " + column + "Verified = false",
                destination.value());
    }
}
