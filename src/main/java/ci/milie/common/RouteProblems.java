package ci.milie.common;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.ext.web.RoutingContext;

/**
 * A problem+json answer from a router handler, which runs before the REST layer and its mappers
 * (so before {@link RequestIdFilter} too: the answer gets its own request id).
 */
final class RouteProblems {

    private RouteProblems() {
    }

    static void refuse(RoutingContext context, ObjectMapper json, int status, String code, String title, String detail) {
        String requestId = UUID.randomUUID().toString();
        String path = context.request().path();
        ProblemDetail problem = new ProblemDetail(ProblemDetail.typeOf(code), title, status, detail,
                path == null || path.length() > 200 ? null : path, code, requestId, null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "";
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                .putHeader(RequestIdFilter.HEADER, requestId)
                .end(body);
    }
}
