package ci.milie.privacy;

import java.time.Duration;
import java.util.List;

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

    /** Checks the signed-in citizen's code (spent whatever follows) and returns what their account covers. */
    @Transactional
    public DataSubject confirmAccount(Caller caller, String code, CodeChannel requested) {
        DataSubject account = account(caller);
        CodeChannel channel = channel(account, requested);
        if (channel == CodeChannel.EMAIL) {
            otp.confirmPrivacyCode(account.email(), null, code);
        } else {
            otp.confirmPrivacyCode(null, account.phone(), code);
        }
        return account;
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

    /** OSEP: checks the code the caller read back (spent whatever follows) and returns what that contact covers. */
    @Transactional
    public DataSubject confirmCaller(CallerConfirmation confirmation) {
        otp.confirmPrivacyCode(confirmation.email(), confirmation.phone(), confirmation.code());
        return subjects.ofContact(blankToNull(confirmation.email()), blankToNull(confirmation.phone()));
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
