package ci.milie.common;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;


import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} before reading
 * any of it, as Quarkus does, but with a 413 problem (BODY_TOO_LARGE) rather than an empty body.
 * Clients that send {@code Expect: 100-continue} read it without sending the body at all; others
 * may see the connection close while they write. A chunked body is cut when it passes the limit.
 */
@ApplicationScoped
public class BodyLimit {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private final Optional<MemorySize> limit;
    private final RouteProblems problems;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit, RouteProblems problems) {
        this.limit = limit;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> refuseIfTooLarge(context, max.asLongValue())));
    }

    private void refuseIfTooLarge(RoutingContext context, long max) {
        String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long announced;
        try {
            announced = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            announced = -1;
        }
        if (announced <= max) {
            context.next();
            return;
        }
        String incoming = context.request().getHeader(RequestIdFilter.HEADER);
        String requestId = incoming != null && REQUEST_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        long mb = 1024 * 1024;
        // the body is never read: close the connection once the answer is out, as Quarkus does
        context.response().endHandler(done -> context.request().connection().close());
        context.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        if (max % mb == 0) {
            problems.refuse(context, 413, "BODY_TOO_LARGE", requestId, "BODY_TOO_LARGE.megabytes", max / mb);
        } else {
            problems.refuse(context, 413, "BODY_TOO_LARGE", requestId, "BODY_TOO_LARGE.bytes", max);
        }
    }
}
