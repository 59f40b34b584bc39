package ci.milie.common;

/**
 * The JWT {@code groups} of Miliê: citizens (signed in with a one-time code) and five staff roles.
 * Operators enter requests phoned in; OSEP triages, routes and reviews; an agent works the requests
 * of one administration (claim {@code administration_id}); supervisors read everything; sysadmins
 * manage the platform. Integration clients are systems, not people. Anyone without a token may still submit and follow a request.
 */
public final class Roles {
    public static final String CITIZEN = "citizen";
    public static final String OPERATOR = "operator";
    public static final String OSEP = "osep";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String SYSADMIN = "sysadmin";
    /** An integration client (a ministry's or OSEP's system): the token's subject is the client's id. */
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
