package ci.milie.common;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The languages Miliê speaks to people: French, its default, and English. Whatever else a client
 * asks for reads French.
 */
public final class Languages {

    public static final String FRENCH = "fr";
    public static final String ENGLISH = "en";
    public static final List<String> SUPPORTED = List.of(FRENCH, ENGLISH);

    private Languages() {
    }

    /**
     * The supported language the client prefers, from {@code Accept-Language} as JAX-RS parsed it
     * (ordered by q-value, q=0 excluded); French when it names neither.
     */
    public static String preferred(HttpHeaders headers) {
        return headers == null ? FRENCH : preferred(headers.getAcceptableLanguages());
    }

    public static String preferred(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                String language = locale.getLanguage().toLowerCase(Locale.ROOT);
                if (SUPPORTED.contains(language)) {
                    return language;
                }
            }
        }
        return FRENCH;
    }

    /**
     * The language of the HTTP request being served, for bodies rendered deep in a query (timeline
     * texts); French outside a request (jobs). Marks the request so that {@link LanguageHeaders}
     * tells caches and clients the body depends on {@code Accept-Language}.
     */
    public static String ofCurrentRequest() {
        return ofCurrentRequest(true);
    }

    /** The same, without marking the request (for a text that may never reach the answer). */
    static String ofCurrentRequest(boolean mark) {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return FRENCH;
        }
        RoutingContext context = arc.instance(CurrentVertxRequest.class).get().getCurrent();
        if (context == null) {
            return FRENCH;
        }
        String language = preferred(context.acceptableLanguages().stream()
                .map(header -> Locale.forLanguageTag(header.value())).toList());
        if (mark) {
            context.put(LanguageHeaders.RENDERED_IN, language);
        }
        return language;
    }

    /** A stored or requested language: "en" (or "en-GB"…) is English; anything else, null included, French. */
    public static String of(String tag) {
        if (tag == null) {
            return FRENCH;
        }
        String lower = tag.strip().toLowerCase(Locale.ROOT);
        return lower.equals(ENGLISH) || lower.startsWith("en-") || lower.startsWith("en_") ? ENGLISH : FRENCH;
    }
}
