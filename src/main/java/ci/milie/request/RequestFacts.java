package ci.milie.request;

import java.time.Instant;
import java.util.UUID;

import ci.milie.directory.RequestType;
import ci.milie.notification.Outbox;
import ci.milie.request.Stage;

/** What other modules may know of a request after a change: a summary, never the aggregate. */
public record RequestFacts(UUID id, String trackingCode, RequestType type, RequestStatus status, String subject,
        UUID administrationId, Outbox.Recipient citizen, int reopenCount, Instant dueAt, Stage currentStage,
        boolean osepResponsible, long version) {

    static RequestFacts of(CitizenRequest r) {
        Contact contact = r.contact();
        return new RequestFacts(r.id(), r.trackingCode(), r.type(), r.status(), r.subject(), r.administrationId(),
                new Outbox.Recipient(contact.email(), contact.phone(), contact.preferredLanguage()), r.reopenCount(),
                r.dueAt(), r.currentStage(), r.osepResponsible(), r.version());
    }
}
