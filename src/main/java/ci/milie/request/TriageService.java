package ci.milie.request;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.directory.AdministrationSummary;
import ci.milie.directory.CategorySummary;
import ci.milie.directory.DirectoryQueries;
import ci.milie.directory.RequestType;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;
import ci.milie.sla.DeadlinePolicy;

/** OSEP's work: qualify or reject, route and re-route, close. */
@ApplicationScoped
public class TriageService {

    private final RequestAccess access;
    private final RequestRepository requests;
    private final RequestQueries queries;
    private final DirectoryQueries directory;
    private final DeadlinePolicy deadlines;
    private final Outbox outbox;
    private final RequestLinks links;
    private final Clock clock;

    TriageService(RequestAccess access, RequestRepository requests, RequestQueries queries, DirectoryQueries directory,
            DeadlinePolicy deadlines, Outbox outbox, RequestLinks links, Clock clock) {
        this.access = access;
        this.requests = requests;
        this.queries = queries;
        this.directory = directory;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public Views.RequestView qualify(UUID id, Commands.Qualification command, Caller caller, String ifMatch) {
        CitizenRequest request = access.forAction(id, caller, null, ifMatch);
        CitizenRequest.Move move = move(caller);
        if (command.decision() == Commands.Decision.ACCEPT) {
            UUID categoryId = null;
            CategorySummary category = directory.category(request.categoryId()).orElseThrow();
            if (command.categoryCode() != null) {
                category = directory.activeCategory(command.categoryCode())
                        .orElseThrow(() -> ProblemException.invalid("categoryCode", "is not an active category"));
                categoryId = category.id();
            }
            RequestType type = command.type() != null ? command.type() : request.type();
            if (!category.accepts(type)) {
                throw ProblemException.invalid(command.categoryCode() != null ? "categoryCode" : "type",
                        "category " + category.code() + " does not accept requests of type " + type);
            }
            request.qualify(move, command.type(), categoryId);
        } else {
            if (command.reasonCode() == null) {
                throw ProblemException.invalid("reasonCode", "is required to reject");
            }
            if (command.message() == null || command.message().isBlank()) {
                throw ProblemException.invalid("message", "tell the citizen why the request is rejected");
            }
            UUID original = null;
            if (command.reasonCode() == Commands.RejectionReason.DUPLICATE) {
                if (command.duplicateOf() == null || command.duplicateOf().equals(id)
                        || requests.findByIdOptional(command.duplicateOf()).isEmpty()) {
                    throw ProblemException.invalid("duplicateOf", "must be the id of the original request");
                }
                original = command.duplicateOf();
            }
            request.reject(move, command.reasonCode().name(), original, command.message().strip());
            outbox.notify(SubmissionService.recipientOf(request), MessageKind.REJECTED,
                    Map.of("trackingCode", request.trackingCode(), "reasonCode", command.reasonCode().name(),
                            "message", command.message().strip(), "trackingUrl", links.tracking(request.trackingCode(), null)),
                    request.id());
        }
        requests.save(request);
        return queries.view(request, caller);
    }

    @Transactional
    public Views.RequestView route(UUID id, Commands.Routing command, Caller caller, String ifMatch) {
        CitizenRequest request = access.forAction(id, caller, null, ifMatch);
        AdministrationSummary administration = directory.activeAdministration(command.administrationId())
                .orElseThrow(() -> ProblemException.invalid("administrationId", "is not an active administration"));
        boolean reroute = Lifecycle.allows(request.status(), Action.REROUTE);
        if (reroute && (command.reason() == null || command.reason().isBlank())) {
            throw ProblemException.invalid("reason", "is required to re-route a request");
        }
        if (reroute) {
            request.reroute(move(caller), administration.id(), administration.name(), command.reason().strip());
        } else {
            request.route(move(caller), administration.id(), administration.name());
        }
        requests.save(request);
        return queries.view(request, caller);
    }

    @Transactional
    public Views.RequestView close(UUID id, Commands.Close command, Caller caller, String ifMatch) {
        CitizenRequest request = access.forAction(id, caller, null, ifMatch);
        request.close(move(caller), command == null || command.message() == null ? null : command.message().strip());
        requests.save(request);
        return queries.view(request, caller);
    }

    private CitizenRequest.Move move(Caller caller) {
        return new CitizenRequest.Move(Actor.of(caller), clock.instant(), deadlines);
    }
}
