package ci.milie.directory;

import java.util.Set;

import ci.milie.common.Caller;
import ci.milie.common.Roles;

/** Who may see inactive administrations and categories: staff who manage or oversee them. */
final class DirectoryAccess {

    private static final Set<String> SEE_INACTIVE = Set.of(Roles.SYSADMIN, Roles.OSEP, Roles.SUPERVISOR);

    private DirectoryAccess() {
    }

    static boolean seesInactive(Caller caller) {
        return SEE_INACTIVE.stream().anyMatch(caller::hasRole);
    }
}
