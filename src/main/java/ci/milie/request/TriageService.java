package ci.milie.request;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.directory.DirectoryQueries;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;

/** OSEP's work: qualify or reject, route and re-route, close; each move through the request's door. */
@ApplicationScoped
public class TriageService {

    private final RequestCommands commands;
    private final RequestRepository requests;
    private final RequestQueries queries;
    private final DirectoryQueries directory;
    private final Outbox outbox;
    private final RequestLinks links;

    TriageService(RequestCommands commands, RequestRepository requests, RequestQueries queries,
            DirectoryQueries directory, Outbox outbox, RequestLinks links) {
        this.commands = commands;
        this.requests = requests;
        this.queries = queries;
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
    }

    @Transactional
    public Views.RequestView qualify(UUID id, Commands.Qualification command, Caller caller, String ifMatch) {
        if (command.decision() == Commands.Decision.ACCEPT) {
            accept(id, command, caller, ifMatch);
        } else {
            reject(id, command, caller, ifMatch);
        }
        return queries.afterChange(id, caller, null);
    }

    private void accept(UUID id, Commands.Qualification command, Caller caller, String ifMatch) {
        commands.check(id, Action.QUALIFY, caller, null, ifMatch);
        UUID categoryId = null;
        if (command.categoryCode() != null) {
            categoryId = directory.activeCategory(command.categoryCode())
                    .orElseThrow(() -> ProblemException.invalid("categoryCode", "field.inactiveCategory")).id();
        }
        commands.apply(id, Action.QUALIFY, new Payload.Qualification(command.type(), categoryId), caller, null, ifMatch);
    }

    private void reject(UUID id, Commands.Qualification command, Caller caller, String ifMatch) {
        commands.check(id, Action.REJECT, caller, null, ifMatch);
        if (command.reasonCode() == null) {
            throw ProblemException.invalid("reasonCode", "field.requiredToReject");
        }
        if (command.message() == null || command.message().isBlank()) {
            throw ProblemException.invalid("message", "field.rejectionMessage");
        }
        UUID original = null;
        if (command.reasonCode() == Commands.RejectionReason.DUPLICATE) {
            if (command.duplicateOf() == null || command.duplicateOf().equals(id)
                    || requests.findByIdOptional(command.duplicateOf()).isEmpty()) {
                throw ProblemException.invalid("duplicateOf", "field.originalRequest");
            }
            original = command.duplicateOf();
        }
        String message = command.message().strip();
        RequestFacts request = commands.apply(id, Action.REJECT,
                new Payload.Rejection(command.reasonCode().name(), original, message), caller, null, ifMatch).request();
        outbox.notify(request.citizen(), MessageKind.REJECTED,
                Map.of("trackingCode", request.trackingCode(), "reasonCode", command.reasonCode().name(),
                        "message", message, "trackingUrl", links.tracking(request.trackingCode(), null)),
                request.id());
    }

    @Transactional
    public Views.RequestView route(UUID id, Commands.Routing command, Caller caller, String ifMatch) {
        commands.route(id, command.administrationId(), command.reason(), caller, ifMatch);
        return queries.afterChange(id, caller, null);
    }

    @Transactional
    public Views.RequestView close(UUID id, Commands.Close command, Caller caller, String ifMatch) {
        String message = command == null || command.message() == null ? null : command.message().strip();
        commands.apply(id, Action.CLOSE, new Payload.Text(message), caller, null, ifMatch);
        return queries.afterChange(id, caller, null);
    }
}
