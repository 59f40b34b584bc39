package ci.milie.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ci.milie.common.Roles;

/** The roles a staff account can hold; their JSON and JWT form is the lowercase group name. */
@Schema(name = "StaffRole")
public enum StaffRole {
    @JsonProperty(Roles.SYSADMIN)
    SYSADMIN(Roles.SYSADMIN),
    @JsonProperty(Roles.OSEP)
    OSEP(Roles.OSEP),
    @JsonProperty(Roles.OPERATOR)
    OPERATOR(Roles.OPERATOR),
    @JsonProperty(Roles.AGENT)
    AGENT(Roles.AGENT),
    @JsonProperty(Roles.SUPERVISOR)
    SUPERVISOR(Roles.SUPERVISOR);

    private final String group;

    StaffRole(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    /** Agents work for one administration; every other role works for none. */
    public boolean belongsToAdministration() {
        return this == AGENT;
    }

    public static StaffRole ofGroup(String group) {
        for (StaffRole role : values()) {
            if (role.group.equals(group)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role");
    }

    @Override
    public String toString() {
        return group;
    }
}
