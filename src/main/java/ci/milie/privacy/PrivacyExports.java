package ci.milie.privacy;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.Limit;
import ci.milie.common.ProblemException;
import ci.milie.common.RateLimiter;
import ci.milie.privacy.DataExport.Scope;
import ci.milie.privacy.PrivacyActs.Act;
import ci.milie.privacy.PrivacyActs.Via;
import ci.milie.privacy.PrivacyCodes.Confirmed;
import ci.milie.privacy.PrivacyCommands.CallerConfirmation;
import ci.milie.privacy.PrivacyCommands.MyConfirmation;
import ci.milie.request.RequestQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The three doors to a subject's data, each audited in the transaction that reads the data: the
 * signed-in citizen (with a fresh code), the holder of one request's access key, and OSEP for a
 * caller who read back a code sent to their contact.
 */
@ApplicationScoped
public class PrivacyExports {

    private final PrivacyCodes codes;
    private final DataSubjects subjects;
    private final DataExports exports;
    private final PrivacyActs acts;
    private final RequestQueries requests;
    private final RateLimiter limiter;
    private final Semaphore building;

    PrivacyExports(PrivacyCodes codes, DataSubjects subjects, DataExports exports, PrivacyActs acts, RequestQueries requests,
            RateLimiter limiter, ExportConfig config) {
        this.codes = codes;
        this.subjects = subjects;
        this.exports = exports;
        this.acts = acts;
        this.requests = requests;
        this.limiter = limiter;
        this.building = new Semaphore(config.concurrent());
    }

    /**
     * The signed-in citizen's account and requests, once the code sent to the account is confirmed.
     * The code is checked before the export's transaction opens, in one of its own (PrivacyCodes):
     * never two connections at once.
     */
    @Transactional(Transactional.TxType.NEVER)
    public DataExport forAccount(Caller caller, MyConfirmation confirmation) {
        Confirmed confirmed = codes.confirmAccount(caller, confirmation.code(), confirmation.channel());
        return QuarkusTransaction.requiringNew().call(() -> {
            DataSubject subject = codes.subjectOf(confirmed);
            limiter.hit(Limit.PRIVACY_EXPORT_PER_SUBJECT, "account:" + subject.citizenId());
            acts.record(Act.EXPORT, Via.ACCOUNT, null, null, subject.citizenId(), subject.requestIds());
            return build(subject, Scope.ACCOUNT);
        });
    }

    /** One request, for the holder of its access key (never the account behind it). */
    @Transactional
    public DataExport forKeyHolder(String trackingCode, String accessKey) {
        DataSubject subject = subjects.ofRequest(requests.openedByKey(trackingCode, accessKey));
        limiter.hit(Limit.PRIVACY_EXPORT_PER_SUBJECT, "request:" + subject.requestIds().get(0));
        acts.record(Act.EXPORT, Via.ACCESS_KEY, null, null, null, subject.requestIds());
        return build(subject, Scope.REQUEST);
    }

    /**
     * OSEP: what a caller's contact covers, once the caller read back the code sent to it; empty if
     * nothing. The code is checked before the export's transaction opens, as for {@link #forAccount}.
     */
    @Transactional(Transactional.TxType.NEVER)
    public DataExport forCaller(Caller staff, CallerConfirmation confirmation) {
        Confirmed confirmed = codes.confirmCaller(confirmation);
        return QuarkusTransaction.requiringNew().call(() -> {
            DataSubject subject = codes.subjectOf(confirmed);
            acts.record(Act.EXPORT, Via.OSEP, staff.id().orElseThrow(), PrivacyActs.CODE_READ_BACK, subject.citizenId(),
                    subject.requestIds());
            return build(subject, Scope.CONTACT);
        });
    }

    /**
     * Builds the document, a few at a time per instance: each holds up to the inline limit of file
     * bytes in memory, and a database connection. One more is refused at once (429) rather than
     * queued, so waiting exports hold neither.
     */
    private DataExport build(DataSubject subject, Scope scope) {
        if (!building.tryAcquire()) {
            throw ProblemException.tooManyRequests(Duration.ofSeconds(10), "RATE_LIMITED.exports");
        }
        try {
            return exports.of(subject, scope);
        } finally {
            building.release();
        }
    }
}
