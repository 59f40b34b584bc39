package ci.milie.common;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.ext.web.RoutingContext;

/**
 * A problem+json answer from a router handler, which runs before the REST layer and its mappers
 * (so before {@link RequestIdFilter} too: the answer gets its own request id); in an
 * {@link ErrorDialect}'s own format on the paths it serves.
 */
@ApplicationScoped
class RouteProblems {

    private final ObjectMapper json;
    private final ErrorDialects dialects;

    RouteProblems(ObjectMapper json, ErrorDialects dialects) {
        this.json = json;
        this.dialects = dialects;
    }

    void refuse(RoutingContext context, int status, String code, String detailKey, Object... detailArgs) {
        refuse(context, status, code, UUID.randomUUID().toString(), detailKey, detailArgs);
    }

    /**
     * In the language {@code Accept-Language} prefers, as Vert.x parsed it (ordered by q-value), like
     * the REST layer's problems.
     */
    void refuse(RoutingContext context, int status, String code, String requestId, String detailKey,
            Object... detailArgs) {
        String language = Languages.preferred(context.acceptableLanguages().stream()
                .map(header -> java.util.Locale.forLanguageTag(header.value())).toList());
        String path = context.request().path();
        ProblemDetail problem = new ProblemDetail(ProblemDetail.typeOf(code), ProblemDetail.title(language, code), status,
                ProblemDetail.TEXTS.text(language, detailKey, detailArgs),
                path == null || path.length() > 200 ? null : path, code, requestId, null, null);
        String body;
        String mediaType = ProblemDetail.MEDIA_TYPE;
        var dialect = dialects.of(context.request().path(), status);
        if (dialect.isPresent()) {
            ErrorDialect.Written written = dialect.get().write(context.request().path(), problem);
            body = written.body();
            mediaType = written.mediaType();
        } else {
            try {
                body = json.writeValueAsString(problem);
            } catch (JsonProcessingException e) {
                body = "";
            }
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, mediaType)
                .putHeader(jakarta.ws.rs.core.HttpHeaders.CONTENT_LANGUAGE, language)
                .putHeader(jakarta.ws.rs.core.HttpHeaders.VARY, jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE)
                .putHeader(RequestIdFilter.HEADER, requestId)
                .end(body);
    }
}
