package ci.milie.request;

import java.util.UUID;

import ci.milie.common.Caller;
import ci.milie.common.Roles;

/** Who did something to a request, as recorded in its events. */
public record Actor(UUID id, String role) {

    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    public static Actor of(Caller caller) {
        if (caller.isAnonymous()) {
            return new Actor(null, ANONYMOUS);
        }
        for (String role : new String[] { Roles.SYSADMIN, Roles.OSEP, Roles.SUPERVISOR, Roles.AGENT, Roles.OPERATOR,
                Roles.CITIZEN }) {
            if (caller.hasRole(role)) {
                return new Actor(caller.id().orElse(null), role);
            }
        }
        return new Actor(caller.id().orElse(null), ANONYMOUS);
    }

    /** The citizen holding the access key of a request, without an account. */
    public static Actor keyHolder() {
        return new Actor(null, ANONYMOUS);
    }

    /** Miliê itself: scheduled jobs. */
    public static Actor system() {
        return new Actor(null, SYSTEM);
    }

    /** The role that counts in the lifecycle: a key holder acts as the citizen. */
    String lifecycleRole() {
        return ANONYMOUS.equals(role) ? Roles.CITIZEN : role;
    }
}
