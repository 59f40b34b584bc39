package ci.milie.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who signed in at least once with a one-time code sent to their e-mail or phone. */
@Entity
@Table(name = "citizen")
public class Citizen {

    @Id
    private UUID id;
    private String email;
    private String phone;
    @Column(name = "full_name")
    private String fullName;
    @Column(name = "preferred_language")
    private String preferredLanguage;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "email_verified")
    private boolean emailVerified;
    @Column(name = "phone_verified")
    private boolean phoneVerified;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Version
    private long version;

    protected Citizen() {
    }

    static Citizen signedUpWith(OtpDestination destination, Instant now) {
        Citizen citizen = new Citizen();
        citizen.id = UUID.randomUUID();
        if (destination.isEmail()) {
            citizen.email = destination.value();
            citizen.emailVerified = true;
        } else {
            citizen.phone = destination.value();
            citizen.phoneVerified = true;
        }
        citizen.preferredLanguage = "fr";
        citizen.createdAt = now;
        return citizen;
    }

    void signedIn(Instant now) {
        lastLoginAt = now;
    }

    /**
     * The citizen's own edit of their profile (PUT /me). A phone they type is not proven by a code;
     * the phone they signed up with is proven and stays (the caller checks it is unchanged).
     */
    void editProfile(String fullName, String phone, String preferredLanguage) {
        this.fullName = fullName;
        if (!phoneVerified) {
            this.phone = phone;
        }
        this.preferredLanguage = preferredLanguage;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public boolean phoneVerified() {
        return phoneVerified;
    }

    public long version() {
        return version;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String fullName() {
        return fullName;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }
}
