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

    /**
     * The role of an aggregator's authenticated callback (USSD, SMS) acting for the citizen whose
     * number called. Never in a token: only the channel package builds such a caller.
     */
    public static final String FEATURE_PHONE = "feature-phone";

    /** The scope an integration client's token needs to act on requests (the others only read or submit). */
    public static final String REQUESTS_ACT_SCOPE = "requests:act";

    private static final Caller ANONYMOUS = new Caller(Set.of(), null, null, Set.of());
    private static final Caller SYSTEM_CALLER = new Caller(Set.of(SYSTEM), null, null, Set.of());

    private final Set<String> roles;
    private final UUID id;
    private final UUID administrationId;
    private final Set<String> scopes;

    /** For the request-scoped client proxy only. */
    protected Caller() {
        this(Set.of(), null, null, Set.of());
    }

    private Caller(Set<String> roles, UUID id, UUID administrationId, Set<String> scopes) {
        this.roles = Set.copyOf(roles);
        this.id = id;
        this.administrationId = administrationId;
        this.scopes = Set.copyOf(scopes);
    }

    /** A signed-in caller with these roles, account id and (agents) administration. */
    public static Caller of(Set<String> roles, UUID id, UUID administrationId) {
        return new Caller(roles, id, administrationId, Set.of());
    }

    /** A signed-in caller whose token carries OAuth scopes: an integration client. */
    public static Caller of(Set<String> roles, UUID id, UUID administrationId, Set<String> scopes) {
        return new Caller(roles, id, administrationId, scopes);
    }

    /** No token. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** The citizen account of the number an authenticated aggregator callback came from. */
    public static Caller featurePhone(UUID citizenId) {
        return new Caller(Set.of(Roles.CITIZEN, FEATURE_PHONE), citizenId, null, Set.of());
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

    /** The OAuth scopes of an integration client's token; empty for people. */
    public Set<String> scopes() {
        return scopes;
    }

    /**
     * Whether the caller's token lets it act on requests at all: people's always do (their role
     * decides), an integration client's only with {@value #REQUESTS_ACT_SCOPE}, even when its
     * client reads as an agent or as OSEP.
     */
    public boolean mayActOnRequests() {
        return !hasRole(Roles.INTEGRATION) || scopes.contains(REQUESTS_ACT_SCOPE);
    }

    /** The administration an agent works for (claim {@code administration_id}). */
    public Optional<UUID> administrationId() {
        return Optional.ofNullable(administrationId);
    }
}
