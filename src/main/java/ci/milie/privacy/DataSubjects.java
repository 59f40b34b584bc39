package ci.milie.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ci.milie.common.PhoneNumbers;

/**
 * Finds the data of a subject. The three doors cover different things:
 * <ul>
 * <li>a signed-in citizen: their account and the requests filed with it;</li>
 * <li>OSEP, for a caller who proved they hold an e-mail or phone: the account with that contact, if
 * any, its requests, and every request whose contact is that e-mail or phone (filed without an
 * account, at a call centre or before the account existed);</li>
 * <li>the holder of an access key: that one request, and never the account behind it.</li>
 * </ul>
 * Privacy is the one concern that reads and rewrites personal data across every table, so this
 * package reaches them in SQL rather than through each package's ports.
 */
@ApplicationScoped
public class DataSubjects {

    private final EntityManager em;

    DataSubjects(EntityManager em) {
        this.em = em;
    }

    /** The signed-in citizen's account and requests; empty if the account is gone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DataSubject> ofAccount(UUID citizenId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select email, phone from citizen where id = ?1")
                .setParameter(1, citizenId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DataSubject(citizenId, (String) rows.get(0)[0], (String) rows.get(0)[1],
                requestIds("r.citizen_id = ?1", citizenId)));
    }

    /**
     * Whoever holds this e-mail or phone (exactly one given, already checked by a code); an account
     * counts only if a code proved that contact to it too (a phone typed on a profile proves nothing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DataSubject ofContact(String email, String phone) {
        boolean byEmail = email != null;
        String contact = byEmail ? email.trim().toLowerCase(Locale.ROOT) : PhoneNumbers.normalise(phone).orElse(phone);
        String column = byEmail ? "email" : "phone";
        @SuppressWarnings("unchecked")
        List<UUID> accounts = em.createNativeQuery("select id from citizen where " + column + " = ?1 and " + column + "_verified")
                .setParameter(1, contact).getResultList();
        UUID citizenId = accounts.isEmpty() ? null : accounts.get(0);
        List<UUID> requests = citizenId == null
                ? requestIds("r.contact_" + column + " = ?1", contact)
                : requestIds("r.contact_" + column + " = ?1 or r.citizen_id = ?2", contact, citizenId);
        return new DataSubject(citizenId, byEmail ? contact : null, byEmail ? null : contact, requests);
    }

    /** One request, for the holder of its access key (checked by the caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    public DataSubject ofRequest(UUID requestId) {
        return new DataSubject(null, null, null, List.of(requestId));
    }

    private List<UUID> requestIds(String where, Object... values) {
        var query = em.createNativeQuery("select r.id from citizen_request r where " + where
                + " order by r.submitted_at, r.id");
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        return ids;
    }
}
