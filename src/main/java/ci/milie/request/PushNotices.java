package ci.milie.request;

import java.util.List;
import java.util.Optional;

import ci.milie.common.Roles;
import ci.milie.notification.Outbox;

/**
 * Which changes reach the citizen's devices, and as what: one push per change (a move may record
 * several events), the most telling of its public events. An answer delivered (which invites a
 * rating) and a question to the citizen come first; otherwise any change of status. Filing a
 * request pushes nothing (the citizen is looking at the receipt), nor does a request whose personal
 * data were erased, nor an internal event alone, nor the citizen's own moves.
 */
final class PushNotices {

    private PushNotices() {
    }

    static Optional<Outbox.PushNotice> of(CitizenRequest request, List<RequestEventRecorded> events) {
        if (events.isEmpty() || request.personalDataErased() || byTheCitizen(events)) {
            return Optional.empty();
        }
        List<RequestEventRecorded> shown = events.stream().filter(event -> event.visibility() == Visibility.PUBLIC).toList();
        Outbox.PushEvent event;
        if (shown.stream().anyMatch(e -> e.type() == EventType.ANSWER_DELIVERED)) {
            event = Outbox.PushEvent.ANSWER_DELIVERED;
        } else if (shown.stream().anyMatch(e -> e.type() == EventType.INFORMATION_REQUESTED)) {
            event = Outbox.PushEvent.INFORMATION_REQUESTED;
        } else if (!shown.isEmpty() && events.get(0).fromStatus() != null && events.get(0).fromStatus() != request.status()) {
            event = Outbox.PushEvent.STATUS_CHANGED;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Outbox.PushNotice(request.trackingCode(), request.status().name(), event));
    }

    /** The citizen's own move (a reply, a rating, a dispute): they are looking at its result already. */
    private static boolean byTheCitizen(List<RequestEventRecorded> events) {
        String role = events.get(0).actorRole();
        return Roles.CITIZEN.equals(role) || Actor.ANONYMOUS.equals(role);
    }
}
