package ci.milie.identity;

import java.util.Locale;

import ci.milie.common.PhoneNumbers;
import ci.milie.common.ProblemException;

/** Where a one-time code goes: a normalised e-mail address or an E.164 phone number. */
record OtpDestination(String value, boolean isEmail) {

    static OtpDestination of(String email, String phone) {
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPhone = phone != null && !phone.isBlank();
        if (hasEmail && hasPhone) {
            throw ProblemException.invalid("phone", "field.emailOrPhoneNotBoth");
        }
        if (!hasEmail && !hasPhone) {
            throw ProblemException.invalid("email", "field.emailOrPhoneRequired");
        }
        if (hasEmail) {
            return new OtpDestination(email.trim().toLowerCase(Locale.ROOT), true);
        }
        return new OtpDestination(PhoneNumbers.normalise(phone)
                .orElseThrow(() -> ProblemException.invalid("phone", "field.phoneInternational")), false);
    }
}
