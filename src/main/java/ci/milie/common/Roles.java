package ci.milie.common;

/** The JWT {@code groups} of Miliê (see DESIGN.md, "Actors and roles"). */
public final class Roles {
    public static final String CITIZEN = "citizen";
    public static final String OPERATOR = "operator";
    public static final String OSEP = "osep";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String SYSADMIN = "sysadmin";

    private Roles() {
    }
}
