package ci.milie.integration;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an integration client may do, granted by a sysadmin; each is an OAuth scope of its tokens,
 * written in lower case ({@code requests:read}).
 */
public enum Permission {
    /** Read the requests of its scope: its administration's, or all of them for OSEP's clients. */
    REQUESTS_READ("requests:read"),
    /** Act as an agent of its administration: only for a client of an administration. */
    REQUESTS_ACT("requests:act"),
    /** Submit requests on behalf of a channel. */
    SUBMIT("submit"),
    /** Read the staff statistics of its scope. */
    STATS_READ("stats:read");

    private final String scope;

    Permission(String scope) {
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }

    static Optional<Permission> ofScope(String scope) {
        return Arrays.stream(values()).filter(p -> p.scope.equals(scope.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Space-separated, in the enum's order: the {@code scope} of a token and of the token response. */
    static String scopeOf(Collection<Permission> permissions) {
        return Arrays.stream(values()).filter(permissions::contains).map(Permission::scope)
                .collect(Collectors.joining(" "));
    }
}
