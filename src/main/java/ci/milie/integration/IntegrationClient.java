package ci.milie.integration;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A system of OSEP or of one administration, calling the API as itself with client credentials. */
@Entity
@Table(name = "integration_client")
public class IntegrationClient {

    @Id
    private UUID id;
    private String name;
    @Column(name = "contact_email")
    private String contactEmail;
    /** Null: a client of OSEP. */
    @Column(name = "administration_id")
    private UUID administrationId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] permissions;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_addresses")
    private String[] allowedAddresses;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** Grows with every change that must end the client's tokens (see identity's Revocations). */
    @Column(name = "security_version")
    private long securityVersion;
    @Version
    private long version;

    protected IntegrationClient() {
    }

    IntegrationClient(String name, String contactEmail, UUID administrationId, Set<Permission> permissions,
            List<String> allowedAddresses, Instant now) {
        this.id = UUID.randomUUID();
        this.active = true;
        this.createdAt = now;
        set(name, contactEmail, administrationId, permissions, allowedAddresses, now);
    }

    void update(String name, String contactEmail, UUID administrationId, Set<Permission> permissions,
            List<String> allowedAddresses, boolean active, Instant now) {
        // Tokens carry the administration and the scope they were issued with: a narrower grant ends them.
        if (!java.util.Objects.equals(administrationId, this.administrationId) || !permissions().containsAll(permissions)
                || !permissions.containsAll(permissions()) || active != this.active
                || !allowedAddresses().equals(allowedAddresses)) {
            securityVersion++;
        }
        this.active = active;
        set(name, contactEmail, administrationId, permissions, allowedAddresses, now);
    }

    void deactivate(Instant now) {
        this.active = false;
        this.securityVersion++;
        this.updatedAt = now;
    }

    private void set(String name, String contactEmail, UUID administrationId, Set<Permission> permissions,
            List<String> allowedAddresses, Instant now) {
        this.name = name;
        this.contactEmail = contactEmail;
        this.administrationId = administrationId;
        this.permissions = permissions.stream().sorted().map(Permission::name).toArray(String[]::new);
        this.allowedAddresses = allowedAddresses.toArray(String[]::new);
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    String contactEmail() {
        return contactEmail;
    }

    public UUID administrationId() {
        return administrationId;
    }

    Set<Permission> permissions() {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        Arrays.stream(permissions).map(Permission::valueOf).forEach(granted::add);
        return granted;
    }

    List<String> allowedAddresses() {
        return allowedAddresses == null ? List.of() : List.of(allowedAddresses);
    }

    public boolean active() {
        return active;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long securityVersion() {
        return securityVersion;
    }

    long version() {
        return version;
    }
}
