package ci.milie.request;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;
import ci.milie.sla.DeadlinePolicy;

/** The administration's and the citizen's moves: acknowledge, hand back, ask and answer questions, notes. */
@ApplicationScoped
public class HandlingService {

    private final RequestAccess access;
    private final RequestRepository requests;
    private final RequestQueries queries;
    private final DeadlinePolicy deadlines;
    private final Outbox outbox;
    private final RequestLinks links;
    private final Clock clock;

    HandlingService(RequestAccess access, RequestRepository requests, RequestQueries queries, DeadlinePolicy deadlines,
            Outbox outbox, RequestLinks links, Clock clock) {
        this.access = access;
        this.requests = requests;
        this.queries = queries;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public Views.RequestView acknowledge(UUID id, Caller caller, String ifMatch) {
        CitizenRequest request = access.forAction(id, caller, null, ifMatch);
        request.acknowledge(move(caller));
        requests.save(request);
        return queries.view(request, caller);
    }

    @Transactional
    public Views.RequestView handBack(UUID id, Commands.Handback command, Caller caller, String ifMatch) {
        CitizenRequest request = access.forAction(id, caller, null, ifMatch);
        request.handBack(move(caller), command.reason().strip());
        requests.save(request);
        return queries.view(request, caller);
    }

    /**
     * A message on the thread: from OSEP or the administration it asks the citizen for
     * information; from the citizen (token or access key) it is the reply.
     */
    @Transactional
    public Views.RequestView message(UUID id, Commands.Message command, Caller caller, String accessKey, String ifMatch) {
        CitizenRequest request = access.forAction(id, caller, accessKey, ifMatch);
        String text = command.text().strip();
        if (caller.hasRole(Roles.OSEP) || caller.hasRole(Roles.AGENT)) {
            request.requestInformation(move(caller), text);
            outbox.notify(SubmissionService.recipientOf(request), MessageKind.INFORMATION_REQUESTED,
                    Map.of("trackingCode", request.trackingCode(), "question", text,
                            "trackingUrl", links.tracking(request.trackingCode(), null)),
                    request.id());
        } else if (access.isSubmitter(request, caller, accessKey)) {
            Actor actor = caller.hasRole(Roles.CITIZEN) ? Actor.of(caller) : Actor.keyHolder();
            request.receiveCitizenReply(new CitizenRequest.Move(actor, clock.instant(), deadlines), text);
        } else {
            throw ProblemException.forbidden("Only OSEP, the administration in charge and the citizen write on the thread");
        }
        requests.save(request);
        return queries.view(request, caller);
    }

    @Transactional
    public Views.EventView note(UUID id, Commands.Note command, Caller caller) {
        CitizenRequest request = access.visibleTo(id, caller, null);
        request.addNote(move(caller), command.text().strip());
        RequestEvent event = request.newEvents().get(0);
        requests.save(request);
        return RequestQueries.eventView(event, true, true, ContactVisibility.seesContact(caller, request.anonymous()));
    }

    private CitizenRequest.Move move(Caller caller) {
        return new CitizenRequest.Move(Actor.of(caller), clock.instant(), deadlines);
    }
}
