package ci.milie.request;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.identity.CitizenDirectory;

/**
 * A signed-in citizen claims a request filed without an account: the receipt opens it exactly as
 * tracking does (same 404, same guessing limits), then the door links it to the account if a code
 * proved the request's contact to it.
 */
@ApplicationScoped
class Claims {

    private final RequestQueries queries;
    private final RequestCommands commands;
    private final CitizenDirectory citizens;

    Claims(RequestQueries queries, RequestCommands commands, CitizenDirectory citizens) {
        this.queries = queries;
        this.commands = commands;
        this.citizens = citizens;
    }

    Views.RequestView claim(Commands.Claim claim, Caller caller) {
        UUID id = queries.openedByKey(claim.trackingCode(), claim.accessKey());
        UUID citizenId = caller.id().orElseThrow(() -> ProblemException.notFound("Account"));
        CitizenDirectory.ProvenContacts proven = citizens.provenContactsOf(citizenId)
                .orElseThrow(() -> ProblemException.notFound("Account"));
        commands.claim(id, caller, proven.email(), proven.phone());
        return queries.detail(id, caller, null);
    }
}
