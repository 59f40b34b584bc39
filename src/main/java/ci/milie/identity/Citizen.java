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
        } else {
            citizen.phone = destination.value();
        }
        citizen.preferredLanguage = "fr";
        citizen.createdAt = now;
        return citizen;
    }

    void signedIn(Instant now) {
        lastLoginAt = now;
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
