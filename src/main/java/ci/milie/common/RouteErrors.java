package ci.milie.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;


import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The router's own answers, as problem+json like every other error: 404 for a path outside the
 * API that nothing serves, and 400 for a request the router fails with no handler of ours left to
 * answer. No route of ours may have run for these, so the security headers are set here. (A path
 * with broken percent-encoding never reaches the router: the HTTP server answers it alone.)
 */
@ApplicationScoped
public class RouteErrors {

    private final RouteProblems problems;
    private final SecurityHeaders headers;

    RouteErrors(RouteProblems problems, SecurityHeaders headers) {
        this.problems = problems;
        this.headers = headers;
    }

    void install(@Observes Router router) {
        router.errorHandler(404, this::notFound);
        router.errorHandler(400, this::badRequest);
    }

    private void notFound(RoutingContext context) {
        answer(context, 404, "NOT_FOUND", "NOT_FOUND.path");
    }

    private void badRequest(RoutingContext context) {
        answer(context, 400, "MALFORMED_REQUEST", "MALFORMED_REQUEST.encoding");
    }

    private void answer(RoutingContext context, int status, String code, String detailKey) {
        if (context.response().headWritten()) {
            return;
        }
        headers.apply(context);
        problems.refuse(context, status, code, detailKey);
    }
}
