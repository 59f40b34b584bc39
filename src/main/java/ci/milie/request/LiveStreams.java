package ci.milie.request;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.common.Languages;

/**
 * What the three stream endpoints share once they know whose stream it is: a ticket stands for the
 * credentials it was issued against (for this kind of stream only), Last-Event-ID comes as a header
 * or, for a new EventSource, as a parameter, and the stream is handed to {@link LiveEvents}.
 */
@ApplicationScoped
class LiveStreams {

    private final LiveEvents live;
    private final StreamTickets tickets;
    private final ObjectMapper json;

    LiveStreams(LiveEvents live, StreamTickets tickets, ObjectMapper json) {
        this.live = live;
        this.tickets = tickets;
        this.json = json;
    }

    /**
     * @param byCredentials who opens the stream with the request's own token or key, given the language
     * @param ticketCheck what a ticket's opener must also satisfy on this URL (the identity when nothing)
     */
    void open(LiveStream.Kind kind, String ticket, Function<String, LiveStream.Opener> byCredentials,
            UnaryOperator<LiveStream.Opener> ticketCheck, String lastEventIdHeader, String lastEventIdParam,
            SseEventSink sink, Sse sse) {
        String language = Languages.ofCurrentRequest();
        LiveStream.Opener opener = ticket != null
                ? tickets.redeem(ticket, kind, language).map(ticketCheck).orElseThrow(LiveOpeners::badTicket)
                : byCredentials.apply(language);
        live.open(new LiveStream(opener, sink, sse, json), lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
    }
}
