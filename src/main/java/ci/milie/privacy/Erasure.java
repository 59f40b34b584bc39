package ci.milie.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.privacy.PrivacyCodes.Confirmed;
import ci.milie.privacy.PrivacyCommands.CallerConfirmation;
import ci.milie.privacy.PrivacyCommands.ErasureSummary;
import ci.milie.privacy.PrivacyCommands.MyConfirmation;
import ci.milie.request.PersonalDataErased;
import ci.milie.request.RequestQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The right to erasure, through its three doors: the citizen for their account and its requests
 * (after a code sent to the account), the holder of an access key for that one request, and OSEP
 * for a caller who read back a code sent to their e-mail or phone. Each erasure is one transaction
 * with its audit row. The requests stay, statuses unchanged (an open one stays open: staff see the
 * marker where the texts were), so that every statistic stays as it was.
 */
@ApplicationScoped
public class Erasure {

    private final PrivacyCodes codes;
    private final DataSubjects subjects;
    private final RequestQueries requests;
    private final PersonalData personalData;
    private final PrivacyActs acts;
    private final Event<PersonalDataErased> erasedEvents;

    Erasure(PrivacyCodes codes, DataSubjects subjects, RequestQueries requests, PersonalData personalData, PrivacyActs acts,
            Event<PersonalDataErased> erasedEvents) {
        this.erasedEvents = erasedEvents;
        this.codes = codes;
        this.subjects = subjects;
        this.requests = requests;
        this.personalData = personalData;
        this.acts = acts;
    }

    /**
     * The signed-in citizen's account and every request filed with it. The code is checked before
     * the erasure's transaction opens, in one of its own (PrivacyCodes): never two connections at once.
     */
    @Transactional(Transactional.TxType.NEVER)
    public ErasureSummary ofMyAccount(Caller caller, MyConfirmation confirmation) {
        Confirmed confirmed = codes.confirmAccount(caller, confirmation.code(), confirmation.channel());
        return QuarkusTransaction.requiringNew().call(() -> erase(codes.subjectOf(confirmed), PrivacyActs.Via.ACCOUNT, null));
    }

    /** The one request its access key opens; never the account behind it. */
    @Transactional
    public ErasureSummary ofKeyHolder(String trackingCode, String accessKey) {
        DataSubject subject = subjects.ofRequest(requests.openedByKey(trackingCode, accessKey));
        return erase(subject, PrivacyActs.Via.ACCESS_KEY, null);
    }

    /**
     * OSEP, for a caller who proved they hold an e-mail or phone: everything that contact covers.
     * The code is checked before the erasure's transaction opens, as for {@link #ofMyAccount}.
     */
    @Transactional(Transactional.TxType.NEVER)
    public ErasureSummary forCaller(Caller staff, CallerConfirmation confirmation) {
        Confirmed confirmed = codes.confirmCaller(confirmation);
        return QuarkusTransaction.requiringNew().call(() -> erase(codes.subjectOf(confirmed), PrivacyActs.Via.OSEP, staff));
    }

    private ErasureSummary erase(DataSubject subject, PrivacyActs.Via via, Caller staff) {
        PersonalData.Erased erased = personalData.erase(subject);
        acts.record(PrivacyActs.Act.ERASURE, via, staff == null ? null : staff.id().orElseThrow(),
                staff == null ? null : PrivacyActs.CODE_READ_BACK, subject.citizenId(), subject.requestIds());
        if (!subject.requestIds().isEmpty()) {
            // in this transaction: the subscribers' erasure events exist if and only if the erasure commits
            erasedEvents.fire(new PersonalDataErased(subject.requestIds()));
        }
        return new ErasureSummary(erased.requests(), erased.files(), erased.account());
    }
}
