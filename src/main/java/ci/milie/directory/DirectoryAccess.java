package ci.milie.directory;

import java.util.Set;

import ci.milie.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Who may see inactive administrations and categories: staff who manage or oversee them. */
final class DirectoryAccess {

    private static final Set<String> SEE_INACTIVE = Set.of(Roles.SYSADMIN, Roles.OSEP, Roles.SUPERVISOR);

    private DirectoryAccess() {
    }

    static boolean seesInactive(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && SEE_INACTIVE.stream().anyMatch(identity::hasRole);
    }
}
