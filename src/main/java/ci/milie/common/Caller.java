package ci.milie.common;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: read from the verified access token (never from the request body) by
 * {@link CallerProducer}, or built in code for Miliê's own jobs ({@link #system()}) and for tests.
 */
public class Caller {

    /** The role of Miliê itself: scheduled jobs. Never in a token. */
    public static final String SYSTEM = "system";

    private static final Caller ANONYMOUS = new Caller(Set.of(), null, null);
    private static final Caller SYSTEM_CALLER = new Caller(Set.of(SYSTEM), null, null);

    private final Set<String> roles;
    private final UUID id;
    private final UUID administrationId;

    /** For the request-scoped client proxy only. */
    protected Caller() {
        this(Set.of(), null, null);
    }

    private Caller(Set<String> roles, UUID id, UUID administrationId) {
        this.roles = Set.copyOf(roles);
        this.id = id;
        this.administrationId = administrationId;
    }

    /** A signed-in caller with these roles, account id and (agents) administration. */
    public static Caller of(Set<String> roles, UUID id, UUID administrationId) {
        return new Caller(roles, id, administrationId);
    }

    /** No token. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** Miliê itself: its scheduled jobs. */
    public static Caller system() {
        return SYSTEM_CALLER;
    }

    public boolean isAnonymous() {
        return roles.isEmpty();
    }

    public boolean isSystem() {
        return roles.contains(SYSTEM);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return hasRole(Roles.SYSADMIN) || hasRole(Roles.OSEP) || hasRole(Roles.OPERATOR) || hasRole(Roles.AGENT)
                || hasRole(Roles.SUPERVISOR);
    }

    /** The caller's roles (a copy that outlives the HTTP request: long-lived streams keep it). */
    public Set<String> roles() {
        return roles;
    }

    public Optional<UUID> id() {
        return Optional.ofNullable(id);
    }

    /** The administration an agent works for (claim {@code administration_id}). */
    public Optional<UUID> administrationId() {
        return Optional.ofNullable(administrationId);
    }
}
