package ci.milie.privacy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.PhoneNumbers;
import ci.milie.common.ProblemException;
import ci.milie.identity.OtpService;
import ci.milie.privacy.PrivacyCommands.CallerConfirmation;
import ci.milie.privacy.PrivacyCommands.CallerContact;
import ci.milie.privacy.PrivacyCommands.CodeChannel;
import ci.milie.privacy.PrivacyCommands.CodeSent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.TransactionExceptionResult;

/**
 * The confirmation codes in front of every export and erasure but the one by access key. A
 * signed-in citizen confirms with a fresh code sent to their account's e-mail or phone (a stolen
 * token alone is not enough). OSEP, for a caller, sends a code to the contact the caller gives and
 * types in the code the caller reads back: the caller proves they hold that e-mail or phone
 * (docs/PRIVACY.md). Each code sent is audited.
 */
@ApplicationScoped
public class PrivacyCodes {

    private final OtpService otp;
    private final DataSubjects subjects;
    private final PrivacyActs acts;

    PrivacyCodes(OtpService otp, DataSubjects subjects, PrivacyActs acts) {
        this.otp = otp;
        this.subjects = subjects;
        this.acts = acts;
    }

    /** Sends a code to the signed-in citizen's e-mail or phone. */
    @Transactional
    public CodeSent sendToAccount(Caller caller, CodeChannel requested) {
        DataSubject account = account(caller);
        CodeChannel channel = channel(account, requested);
        Duration ttl = channel == CodeChannel.EMAIL ? otp.sendPrivacyCode(account.email(), null, false)
                : otp.sendPrivacyCode(null, account.phone(), false);
        acts.record(PrivacyActs.Act.CODE_SENT, PrivacyActs.Via.ACCOUNT, null, null, account.citizenId(), List.of());
        return new CodeSent(ttl.toSeconds(), channel,
                channel == CodeChannel.EMAIL ? maskEmail(account.email()) : PhoneNumbers.mask(account.phone()));
    }

    /**
     * Checks the signed-in citizen's code (spent whatever follows): what their account covers is then
     * read in the act's transaction ({@link #subjectOf}). See {@link #confirm} for the transaction.
     */
    @Transactional(Transactional.TxType.NEVER)
    public Confirmed confirmAccount(Caller caller, String code, CodeChannel requested) {
        return confirm(() -> {
            DataSubject account = account(caller);
            CodeChannel channel = channel(account, requested);
            if (channel == CodeChannel.EMAIL) {
                otp.confirmPrivacyCode(account.email(), null, code);
            } else {
                otp.confirmPrivacyCode(null, account.phone(), code);
            }
            return new Confirmed(account.citizenId(), null, null);
        });
    }

    /** OSEP: sends a code to the contact a caller gave, whether or not Miliê holds anything for it. */
    @Transactional
    public CodeSent sendForCaller(Caller staff, CallerContact contact) {
        Duration ttl = otp.sendPrivacyCode(contact.email(), contact.phone(), true);
        acts.record(PrivacyActs.Act.CODE_SENT, PrivacyActs.Via.OSEP, staff.id().orElseThrow(), PrivacyActs.CODE_READ_BACK, null, List.of());
        boolean email = contact.email() != null && !contact.email().isBlank();
        return new CodeSent(ttl.toSeconds(), email ? CodeChannel.EMAIL : CodeChannel.SMS,
                email ? maskEmail(contact.email()) : PhoneNumbers.mask(PhoneNumbers.normalise(contact.phone()).orElseThrow()));
    }

    /**
     * OSEP: checks the code the caller read back (spent whatever follows): what that contact covers
     * is then read in the act's transaction ({@link #subjectOf}). See {@link #confirm} for the transaction.
     */
    @Transactional(Transactional.TxType.NEVER)
    public Confirmed confirmCaller(CallerConfirmation confirmation) {
        return confirm(() -> {
            otp.confirmPrivacyCode(confirmation.email(), confirmation.phone(), confirmation.code());
            return new Confirmed(null, blankToNull(confirmation.email()), blankToNull(confirmation.phone()));
        });
    }

    /**
     * What a confirmed code covers, read in the act's transaction: a request filed since the check
     * is covered too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DataSubject subjectOf(Confirmed confirmed) {
        if (confirmed.citizenId != null) {
            return subjects.ofAccount(confirmed.citizenId).orElseThrow(() -> ProblemException.notFound("NOT_FOUND.account"));
        }
        return subjects.ofContact(confirmed.email, confirmed.phone);
    }

    /**
     * A check in a transaction of its own that commits even when the code is refused, so that a
     * wrong try counts (and a right code is spent) whatever becomes of the act it guards. Never
     * beside the act's transaction (hence NEVER, here and on the acts): that one would hold a
     * connection of the main pool while this one waits for a second, and a flood of wrong codes
     * held the whole pool waiting for itself (PrivacyConfirmConnectionsTest).
     */
    private static Confirmed confirm(Callable<Confirmed> check) {
        return QuarkusTransaction.requiringNew()
                .exceptionHandler(e -> e instanceof ProblemException ? TransactionExceptionResult.COMMIT
                        : TransactionExceptionResult.ROLLBACK)
                .call(check);
    }

    /** A code checked and spent; only this class makes one, so an act cannot skip its check. */
    public static final class Confirmed {
        private final UUID citizenId;
        private final String email;
        private final String phone;

        private Confirmed(UUID citizenId, String email, String phone) {
            this.citizenId = citizenId;
            this.email = email;
            this.phone = phone;
        }
    }

    private DataSubject account(Caller caller) {
        return caller.id().flatMap(subjects::ofAccount).orElseThrow(() -> ProblemException.notFound("NOT_FOUND.account"));
    }

    private static CodeChannel channel(DataSubject account, CodeChannel requested) {
        if (requested == null) {
            return account.email() != null ? CodeChannel.EMAIL : CodeChannel.SMS;
        }
        if (requested == CodeChannel.EMAIL && account.email() == null || requested == CodeChannel.SMS && account.phone() == null) {
            throw ProblemException.invalid("channel", requested == CodeChannel.EMAIL ? "field.accountHasNoEmail" : "field.accountHasNoPhone");
        }
        return requested;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** a***@example.ci: enough for the citizen to recognise the address, not to read it. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
