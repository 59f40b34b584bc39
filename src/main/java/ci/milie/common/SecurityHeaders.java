package ci.milie.common;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts the browser-hardening headers on every response: the API, its errors (404s of unknown
 * paths included), {@code /q/*} and static files. They are added when the headers are written, so
 * a handler that answers early or fails still carries them.
 *
 * <p>Swagger UI runs inline scripts and styles: it gets no Content-Security-Policy rather than a
 * weakened one for everything. HSTS is only meaningful over TLS, so it is sent when the request
 * came over HTTPS as Quarkus sees it — directly, or through a proxy trusted under
 * {@code quarkus.http.proxy.*} that says {@code X-Forwarded-Proto: https}.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String contentSecurityPolicy;
    private final Optional<String> strictTransportSecurity;
    private final String swaggerUiPath;

    SecurityHeaders(@ConfigProperty(name = "milie.http.content-security-policy") String contentSecurityPolicy,
            @ConfigProperty(name = "milie.http.strict-transport-security") Optional<String> strictTransportSecurity,
            @ConfigProperty(name = "quarkus.swagger-ui.path", defaultValue = "swagger-ui") String swaggerUiPath) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.strictTransportSecurity = strictTransportSecurity.filter(value -> !value.isBlank());
        // Quarkus resolves a relative Swagger UI path under the non-application root (/q).
        this.swaggerUiPath = swaggerUiPath.startsWith("/") ? swaggerUiPath : "/q/" + swaggerUiPath;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    private void onRequest(RoutingContext context) {
        String path = context.request().path();
        boolean https = "https".equalsIgnoreCase(context.request().scheme());
        context.addHeadersEndHandler(ignored -> apply(context.response(), path, https));
        context.next();
    }

    /** The headers, set at once: for answers written where no route ran (see {@link RouteErrors}). */
    void apply(RoutingContext context) {
        apply(context.response(), context.request().path(), "https".equalsIgnoreCase(context.request().scheme()));
    }

    private void apply(HttpServerResponse response, String path, boolean https) {
        response.headers().set("X-Content-Type-Options", "nosniff");
        response.headers().set("Referrer-Policy", "no-referrer");
        if (!exemptFromPolicy(path)) {
            response.headers().set("Content-Security-Policy", contentSecurityPolicy);
        }
        if (https) {
            strictTransportSecurity.ifPresent(value -> response.headers().set("Strict-Transport-Security", value));
        }
    }

    private boolean exemptFromPolicy(String path) {
        return path != null && (path.startsWith(swaggerUiPath) || path.startsWith("/q/dev-ui"));
    }
}
