package ci.milie.common;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A response whose body was written in the reader's language ({@link Languages#ofCurrentRequest})
 * says which ({@code Content-Language}) and that it depends on {@code Accept-Language} ({@code Vary}),
 * so that no cache hands a French timeline to an English reader.
 */
public class LanguageHeaders {

    static final String RENDERED_IN = "milie.rendered-in";

    private final CurrentVertxRequest current;

    LanguageHeaders(CurrentVertxRequest current) {
        this.current = current;
    }

    @ServerResponseFilter
    public void mark(ContainerResponseContext response) {
        RoutingContext context = current.getCurrent();
        String language = context == null ? null : context.get(RENDERED_IN);
        if (language == null || response.getHeaders().containsKey(HttpHeaders.CONTENT_LANGUAGE)) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language);
        // One Vary field listing every header the body depends on (a tag may already name X-Access-Key):
        // some caches and clients read only the first of several Vary fields.
        java.util.List<String> vary = new java.util.ArrayList<>();
        java.util.List<Object> present = response.getHeaders().get(HttpHeaders.VARY);
        if (present != null) {
            present.forEach(value -> vary.addAll(java.util.Arrays.asList(String.valueOf(value).split("\\s*,\\s*"))));
        }
        if (vary.stream().noneMatch(HttpHeaders.ACCEPT_LANGUAGE::equalsIgnoreCase)) {
            vary.add(HttpHeaders.ACCEPT_LANGUAGE);
        }
        response.getHeaders().putSingle(HttpHeaders.VARY, String.join(", ", vary));
    }
}
