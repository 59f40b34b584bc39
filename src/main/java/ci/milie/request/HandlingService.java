package ci.milie.request;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;

/** The administration's and the citizen's moves: acknowledge, hand back, ask and answer questions, notes. */
@ApplicationScoped
public class HandlingService {

    private final RequestCommands commands;
    private final RequestRepository requests;
    private final RequestQueries queries;
    private final Outbox outbox;
    private final RequestLinks links;

    HandlingService(RequestCommands commands, RequestRepository requests, RequestQueries queries, Outbox outbox,
            RequestLinks links) {
        this.commands = commands;
        this.requests = requests;
        this.queries = queries;
        this.outbox = outbox;
        this.links = links;
    }

    @Transactional
    public Views.RequestView acknowledge(UUID id, Caller caller, String ifMatch) {
        commands.apply(id, Action.ACKNOWLEDGE, Payload.NONE, caller, null, ifMatch);
        return queries.afterChange(id, caller, null);
    }

    @Transactional
    public Views.RequestView handBack(UUID id, Commands.Handback command, Caller caller, String ifMatch) {
        commands.apply(id, Action.HAND_BACK, new Payload.Text(command.reason().strip()), caller, null, ifMatch);
        return queries.afterChange(id, caller, null);
    }

    /**
     * A message on the thread: from OSEP or the administration it asks the citizen for
     * information; from the citizen (token or access key) it is the reply.
     */
    @Transactional
    public Views.RequestView message(UUID id, Commands.Message command, Caller caller, String accessKey, String ifMatch) {
        String text = command.text().strip();
        RequestCommands.Change change = commands.message(id, text, caller, accessKey, ifMatch);
        RequestFacts request = change.request();
        if (request.status() == RequestStatus.AWAITING_CITIZEN) {
            outbox.notify(request.citizen(), MessageKind.INFORMATION_REQUESTED,
                    Map.of("trackingCode", request.trackingCode(), "question", text,
                            "trackingUrl", links.tracking(request.trackingCode(), null)),
                    request.id());
        }
        return queries.afterChange(id, caller, accessKey);
    }

    @Transactional
    public Views.EventView note(UUID id, Commands.Note command, Caller caller) {
        RequestCommands.Change change = commands.apply(id, Action.ADD_NOTE, new Payload.Text(command.text().strip()),
                caller, null, null);
        RequestEvent event = requests.event(change.events().get(0).eventId());
        return RequestQueries.eventView(event, true, true, false);
    }
}
