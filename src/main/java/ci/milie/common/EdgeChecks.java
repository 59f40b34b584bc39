package ci.milie.common;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;


import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What the HTTP layer would otherwise refuse with an empty body, refused first as problem+json:
 * a request line longer than {@code milie.http.max-request-line} (414), headers larger than
 * {@code milie.http.max-header-size} (431), and a cross-origin call from an origin that
 * {@code quarkus.http.cors.origins} does not list (403). The server's own parser keeps higher
 * limits ({@code quarkus.http.limits.*}), past which it answers alone, without a body.
 */
@ApplicationScoped
public class EdgeChecks {

    private final int maxRequestLine;
    private final int maxHeaderSize;
    private final boolean corsEnabled;
    private final List<String> exactOrigins;
    private final List<Pattern> originPatterns;
    private final RouteProblems problems;

    EdgeChecks(@ConfigProperty(name = "milie.http.max-request-line") int maxRequestLine,
            @ConfigProperty(name = "milie.http.max-header-size") int maxHeaderSize,
            @ConfigProperty(name = "quarkus.http.cors.enabled") boolean corsEnabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins, RouteProblems problems) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderSize = maxHeaderSize;
        this.corsEnabled = corsEnabled;
        this.exactOrigins = origins.orElse(List.of()).stream().map(String::strip)
                .filter(origin -> !origin.startsWith("/")).map(origin -> origin.toLowerCase(Locale.ROOT)).toList();
        this.originPatterns = CORSFilter.parseAllowedOriginsRegex(origins);
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method().name().length() + request.uri().length() + 10 > maxRequestLine) {
            refuse(context, 414, "URI_TOO_LONG", "URI_TOO_LONG.line", maxRequestLine);
            return;
        }
        int headerSize = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerSize += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerSize > maxHeaderSize) {
            refuse(context, 431, "HEADERS_TOO_LARGE", "HEADERS_TOO_LARGE.bytes", maxHeaderSize);
            return;
        }
        String origin = request.getHeader(HttpHeaderNames.ORIGIN);
        if (corsEnabled && origin != null && !allowed(origin, request)) {
            refuse(context, 403, "ORIGIN_NOT_ALLOWED", "ORIGIN_NOT_ALLOWED.ask");
            return;
        }
        context.next();
    }

    private boolean allowed(String origin, HttpServerRequest request) {
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        return sameOrigin(normalised, request) || exactOrigins.contains("*") || exactOrigins.contains(normalised)
                || CORSFilter.isOriginAllowedByRegex(originPatterns, origin);
    }

    /** The page calling is served by this very host: not a cross-origin call. */
    private static boolean sameOrigin(String origin, HttpServerRequest request) {
        String host = request.getHeader(HttpHeaderNames.HOST);
        if (host == null) {
            return false;
        }
        String self = request.scheme() + "://" + host.toLowerCase(Locale.ROOT);
        return origin.equals(self) || origin.equals(withoutDefaultPort(self)) || withoutDefaultPort(origin).equals(withoutDefaultPort(self));
    }

    private static String withoutDefaultPort(String origin) {
        if (origin.startsWith("http://") && origin.endsWith(":80")) {
            return origin.substring(0, origin.length() - 3);
        }
        if (origin.startsWith("https://") && origin.endsWith(":443")) {
            return origin.substring(0, origin.length() - 4);
        }
        return origin;
    }

    private void refuse(RoutingContext context, int status, String code, String detailKey, Object... detailArgs) {
        problems.refuse(context, status, code, detailKey, detailArgs);
    }
}
