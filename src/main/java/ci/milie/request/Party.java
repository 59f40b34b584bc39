package ci.milie.request;

import java.util.EnumSet;
import java.util.Set;

/** What a caller is to one request: decided once by {@link RequestAccess#sight}, read by the lifecycle table. */
public enum Party {
    /** OSEP's agents: triage and review, every request. */
    OSEP,
    SUPERVISOR,
    /** An agent of the administration the request is routed to. */
    AGENT_IN_CHARGE,
    /** An agent of any other administration. */
    AGENT_ELSEWHERE,
    /** The call-centre operator who entered the request. */
    OPERATOR_WHO_ENTERED,
    OPERATOR,
    /** The signed-in citizen who submitted the request. */
    OWNER,
    /** Whoever presents the request's access key (the citizen without an account). */
    KEY_HOLDER,
    OTHER_CITIZEN,
    ANONYMOUS,
    SYSADMIN,
    /** Miliê's own scheduled jobs. */
    SYSTEM;

    /** The citizen who submitted the request, by account or by access key. */
    public static final Set<Party> CITIZEN = Set.copyOf(EnumSet.of(OWNER, KEY_HOLDER));

    public boolean isCitizen() {
        return CITIZEN.contains(this);
    }
}
