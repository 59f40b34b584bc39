package ci.milie.common;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: read from the verified access token, never from the request body. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    public boolean isStaff() {
        return hasRole(Roles.SYSADMIN) || hasRole(Roles.OSEP) || hasRole(Roles.OPERATOR) || hasRole(Roles.AGENT)
                || hasRole(Roles.SUPERVISOR);
    }

    public Optional<UUID> id() {
        if (identity.isAnonymous() || jwt.getSubject() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(jwt.getSubject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The administration an agent works for (claim {@code administration_id}). */
    public Optional<UUID> administrationId() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim("administration_id");
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
