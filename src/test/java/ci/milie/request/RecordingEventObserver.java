package ci.milie.request;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A subscriber as steps to come will write them: what it received once each transaction committed. */
@ApplicationScoped
public class RecordingEventObserver {

    private final List<RequestEventRecorded> received = new CopyOnWriteArrayList<>();

    void onCommitted(@Observes RequestEventRecorded event) {
        received.add(event);
    }

    public List<RequestEventRecorded> of(UUID requestId) {
        return received.stream().filter(e -> e.requestId().equals(requestId)).toList();
    }
}
