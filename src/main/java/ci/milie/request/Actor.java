package ci.milie.request;

import java.util.UUID;

import ci.milie.common.Caller;
import ci.milie.common.Roles;

/** Who did something to a request, as recorded in its events. */
public record Actor(UUID id, String role) {

    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = Caller.SYSTEM;

    /** The actor a caller is for one request: a key holder acts without an account, as "anonymous". */
    static Actor of(Caller caller, Party party) {
        return switch (party) {
            case SYSTEM -> new Actor(null, SYSTEM);
            case KEY_HOLDER, ANONYMOUS -> new Actor(null, ANONYMOUS);
            default -> of(caller);
        };
    }

    /** The caller's main role and account. */
    static Actor of(Caller caller) {
        if (caller.isSystem()) {
            return new Actor(null, SYSTEM);
        }
        // A client also holds the role it acts with (agent, OSEP): it is recorded as itself, never as a person.
        if (caller.hasRole(Roles.INTEGRATION)) {
            return new Actor(caller.id().orElse(null), Roles.INTEGRATION);
        }
        for (String role : new String[] { Roles.SYSADMIN, Roles.OSEP, Roles.SUPERVISOR, Roles.AGENT, Roles.OPERATOR,
                Roles.CITIZEN }) {
            if (caller.hasRole(role)) {
                return new Actor(caller.id().orElse(null), role);
            }
        }
        return new Actor(caller.id().orElse(null), ANONYMOUS);
    }
}
