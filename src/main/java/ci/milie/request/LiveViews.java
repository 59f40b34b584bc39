package ci.milie.request;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.sse.OutboundSseEvent;

/** Loads the events the feed names, with their requests, once for every stream of the instance. */
@ApplicationScoped
class LiveViews {

    /**
     * An event of the feed and its request (detached: streams only read their plain fields), and
     * its SSE event as each kind of reader sees it, built once for all the streams that share that
     * view (a thousand staff screens get the same event).
     */
    record Loaded(FeedCursor cursor, RequestEvent event, CitizenRequest request, Map<String, OutboundSseEvent> rendered) {

        Loaded(FeedCursor cursor, RequestEvent event, CitizenRequest request) {
            this(cursor, event, request, new ConcurrentHashMap<>());
        }

        /** This event for the view {@code key}, built the first time it is asked for. */
        OutboundSseEvent render(String key, Supplier<OutboundSseEvent> rendering) {
            return rendered.computeIfAbsent(key, k -> rendering.get());
        }
    }

    private final EntityManager em;

    LiveViews(EntityManager em) {
        this.em = em;
    }

    @Transactional
    List<Loaded> load(List<EventFeed.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, RequestEvent> events = byId(em.createQuery("from RequestEvent where id in ?1", RequestEvent.class)
                .setParameter(1, rows.stream().map(EventFeed.Row::eventId).toList()).getResultList(), RequestEvent::id);
        Collection<UUID> requestIds = rows.stream().map(EventFeed.Row::requestId).collect(Collectors.toSet());
        Map<UUID, CitizenRequest> requests = byId(em.createQuery("from CitizenRequest where id in ?1", CitizenRequest.class)
                .setParameter(1, requestIds).getResultList(), CitizenRequest::id);
        return rows.stream().filter(row -> events.containsKey(row.eventId()) && requests.containsKey(row.requestId()))
                .map(row -> new Loaded(row.cursor(), events.get(row.eventId()), requests.get(row.requestId()))).toList();
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
