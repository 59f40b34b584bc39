package ci.milie.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A staff member who signs in with e-mail and password: OSEP, ministries, call centre, admins. */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    @Id
    private UUID id;
    private String email;
    @Column(name = "full_name")
    private String fullName;
    private StaffRole role;
    @Column(name = "administration_id")
    private UUID administrationId;
    private boolean active;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** Grows with every change that must end the account's open sessions (see {@link Revocations}). */
    @Column(name = "security_version")
    private long securityVersion;
    @Version
    private long version;

    protected StaffAccount() {
    }

    StaffAccount(String email, String fullName, StaffRole role, UUID administrationId, String passwordHash, Instant now) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.fullName = fullName;
        this.role = role;
        this.administrationId = administrationId;
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void recordSuccessfulLogin(Instant now) {
        lastLoginAt = now;
    }

    void update(String email, String fullName, StaffRole role, UUID administrationId, boolean active, Instant now) {
        if (role != this.role || !java.util.Objects.equals(administrationId, this.administrationId)
                || active != this.active) {
            securityVersion++;
        }
        this.email = email;
        this.fullName = fullName;
        this.role = role;
        this.administrationId = administrationId;
        this.active = active;
        this.updatedAt = now;
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.securityVersion++;
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        this.active = false;
        this.securityVersion++;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String fullName() {
        return fullName;
    }

    public StaffRole role() {
        return role;
    }

    public UUID administrationId() {
        return administrationId;
    }

    public boolean active() {
        return active;
    }

    String passwordHash() {
        return passwordHash;
    }

    Instant lastLoginAt() {
        return lastLoginAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }

    long securityVersion() {
        return securityVersion;
    }
}
