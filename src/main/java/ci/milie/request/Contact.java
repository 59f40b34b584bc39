package ci.milie.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import ci.milie.common.PhoneNumbers;

/** How to reach the person behind a request. Personal data: never logged, never public. */
@Embeddable
public class Contact {

    @Column(name = "contact_name")
    private String fullName;
    @Column(name = "contact_email")
    private String email;
    @Column(name = "contact_phone")
    private String phone;
    @Column(name = "preferred_language")
    private String preferredLanguage;

    protected Contact() {
    }

    public Contact(String fullName, String email, String phone, String preferredLanguage) {
        this.fullName = fullName;
        this.email = email;
        this.phone = phone;
        this.preferredLanguage = preferredLanguage == null ? "fr" : preferredLanguage;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    public boolean reachable() {
        return email != null || phone != null;
    }

    /**
     * Whether this contact is the given e-mail or phone (either may be null), compared normalised:
     * e-mails without case, phones in international form.
     */
    public boolean isOneOf(String otherEmail, String otherPhone) {
        boolean sameEmail = email != null && otherEmail != null
                && email.strip().equalsIgnoreCase(otherEmail.strip());
        boolean samePhone = phone != null && otherPhone != null
                && PhoneNumbers.normalise(phone).orElse(phone).equals(PhoneNumbers.normalise(otherPhone).orElse(otherPhone));
        return sameEmail || samePhone;
    }
}
