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

    static void refuse(RoutingContext context, ObjectMapper json, int status, String code, String detailKey,
            Object... detailArgs) {
        refuse(context, json, status, code, UUID.randomUUID().toString(), detailKey, detailArgs);
    }

    /**
     * In the language {@code Accept-Language} prefers, as Vert.x parsed it (ordered by q-value), like
     * the REST layer's problems.
     */
    static void refuse(RoutingContext context, ObjectMapper json, int status, String code, String requestId,
            String detailKey, Object... detailArgs) {
        String language = Languages.preferred(context.acceptableLanguages().stream()
                .map(header -> java.util.Locale.forLanguageTag(header.value())).toList());
        String path = context.request().path();
        ProblemDetail problem = new ProblemDetail(ProblemDetail.typeOf(code), ProblemDetail.title(language, code), status,
                ProblemDetail.TEXTS.text(language, detailKey, detailArgs),
                path == null || path.length() > 200 ? null : path, code, requestId, null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "";
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                .putHeader(jakarta.ws.rs.core.HttpHeaders.CONTENT_LANGUAGE, language)
                .putHeader(jakarta.ws.rs.core.HttpHeaders.VARY, jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE)
                .putHeader(RequestIdFilter.HEADER, requestId)
                .end(body);
    }
}
