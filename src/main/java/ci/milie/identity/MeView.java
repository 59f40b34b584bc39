package ci.milie.identity;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.common.Roles;

@Schema(name = "Me", description = "The signed-in user's own profile")
public record MeView(
        UUID id,
        @Schema(enumeration = { "STAFF", "CITIZEN" }, examples = "STAFF") String kind,
        @Schema(description = "A citizen has an e-mail, a phone or both", nullable = true) String email,
        @Schema(description = "Citizens only", nullable = true) String phone,
        @Schema(description = "Null for a citizen who gave no name", nullable = true) String fullName,
        @Schema(type = SchemaType.ARRAY, implementation = Role.class, examples = "[\"agent\"]") List<String> roles,
        @Schema(description = "Staff of an administration only", nullable = true) UUID administrationId,
        @Schema(description = "Citizens only", nullable = true, examples = "fr") String preferredLanguage,
        @Schema(description = "Citizens only: whether a one-time code proved the e-mail (the one they signed up with)", nullable = true) Boolean emailVerified,
        @Schema(description = "Citizens only: whether a one-time code proved the phone; a phone added with PUT /me is not "
                + "proven, and only proven contacts claim requests", nullable = true) Boolean phoneVerified,
        @Schema(description = "Citizens only: the profile's version, also its ETag, for If-Match on PUT /me", nullable = true) Long version) {

    /** The roles a token can carry, as the contract names them (a role is a JWT group, hence a string here). */
    @Schema(name = "Role", type = SchemaType.STRING,
            enumeration = { Roles.CITIZEN, Roles.OPERATOR, Roles.OSEP, Roles.AGENT, Roles.SUPERVISOR, Roles.SYSADMIN })
    interface Role {
    }
}
