package ci.milie.common;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one place where errors become {@code application/problem+json}. No stack trace, SQL, class
 * name or submitted value ever reaches the client; unexpected failures are logged without their
 * messages (which may quote personal data) and answered with a bare 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** About how long a database failover or restart takes; clients back off at least this long. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    private final Instance<UniqueConflicts> uniqueConflicts;

    ProblemMappers(Instance<UniqueConflicts> uniqueConflicts) {
        this.uniqueConflicts = uniqueConflicts;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Response.ResponseBuilder builder = Response.status(e.status());
        if (e.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.retryAfterSeconds() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return respond(builder, headers, e.code(), e.status(), uri, e::violations, e.currentStatus(), e.detailKey(),
                e.detailArgs());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .collect(Collectors.toCollection(ArrayList::new));
        // Hibernate Validator has already worded them in the request's locale (quarkus.locales)
        return respond(Response.status(400), headers, "VALIDATION_FAILED", 400, uri, language -> violations, null,
                "VALIDATION_FAILED.fields", violations.size());
    }

    @ServerExceptionMapper({ JsonParseException.class })
    public Response malformed(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(Response.status(400), headers, "MALFORMED_JSON", 400, uri, null, null, "MALFORMED_JSON.syntax");
    }

    @ServerExceptionMapper({ InvalidFormatException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, JsonMappingException.class })
    public Response mismatched(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String key;
        Object[] args = {};
        if (e instanceof StrictJson.UncleanText unclean) {
            key = unclean.reason();
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            key = "field.oneOf";
            args = new Object[] { java.util.Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) };
        } else if (e instanceof UnrecognizedPropertyException) {
            key = "field.unknown";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            key = expected(m.getTargetType());
        } else {
            key = "field.wrongTypeOrFormat";
        }
        if (field.isEmpty()) {
            return respond(Response.status(400), headers, "MALFORMED_JSON", 400, uri, null, null, "MALFORMED_JSON.shape");
        }
        String messageKey = key;
        Object[] values = args;
        return respond(Response.status(400), headers, "VALIDATION_FAILED", 400, uri,
                language -> List.of(Violation.of(language, field, messageKey, values)), null, "VALIDATION_FAILED.fields", 1);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response stale(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return respond(Response.status(409), headers, "CONCURRENT_MODIFICATION", 409, uri, null, null,
                "CONCURRENT_MODIFICATION.reload");
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        // A refusal that authentication itself explains (e.g. TOKEN_REVOKED) keeps its own code.
        if (e.getCause() instanceof ProblemException p) {
            return problem(p, uri, headers);
        }
        return respond(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"), headers, "UNAUTHENTICATED",
                401, uri, null, null, "UNAUTHENTICATED.token");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Response.status(403), headers, "FORBIDDEN", 403, uri, null, null, "FORBIDDEN.role");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse, uri, headers);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mismatched(mapping, uri, headers);
        }
        if (e.getCause() instanceof ProblemException refused) {
            // a parameter converter's refusal (StrictParams), which JAX-RS wraps in a 404
            return problem(refused, uri, headers);
        }
        String code;
        String detailKey;
        if (e instanceof NotFoundException) {
            code = "NOT_FOUND";
            detailKey = "NOT_FOUND.address";
        } else if (e instanceof NotAllowedException) {
            code = "METHOD_NOT_ALLOWED";
            detailKey = "METHOD_NOT_ALLOWED.here";
        } else if (e instanceof NotSupportedException) {
            code = "UNSUPPORTED_MEDIA_TYPE";
            detailKey = "UNSUPPORTED_MEDIA_TYPE.json";
        } else if (e instanceof NotAcceptableException) {
            code = "NOT_ACCEPTABLE";
            detailKey = "NOT_ACCEPTABLE.media";
        } else if (status >= 500) {
            LOG.errorf("Server error %d: %s", status, Throwables.describe(e));
            code = "INTERNAL_ERROR";
            detailKey = "INTERNAL_ERROR.quote";
        } else if (status == 401) {
            code = "UNAUTHENTICATED";
            detailKey = "UNAUTHENTICATED.token";
        } else if (status == 403) {
            code = "FORBIDDEN";
            detailKey = "FORBIDDEN.role";
        } else {
            code = "BAD_REQUEST";
            detailKey = "BAD_REQUEST.unprocessable";
        }
        Response.ResponseBuilder builder = Response.status(status);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return respond(builder, headers, code, status, uri, null, null, detailKey);
    }

    /**
     * A body that could not be read. When the HTTP body limit cut a streamed body, Quarkus has
     * already answered 413 and closed the connection: there is nothing left to send (null).
     */
    @ServerExceptionMapper
    public Response unreadable(IOException e, HttpServerRequest request, UriInfo uri, HttpHeaders headers) {
        if (request.response().headWritten()) {
            LOG.debugf("Request body not read to the end (%s); the response was already sent", e.getClass().getSimpleName());
            return null;
        }
        if (e.getStackTrace().length > 0 && e.getStackTrace()[0].getClassName().startsWith(MULTIPART_PARSER)) {
            // the body ended before its closing boundary
            return malformedMultipart(null, uri, headers);
        }
        return unexpected(e, uri, headers);
    }

    /** A multipart body that does not parse (a part header without colon, a line break in a file name…). */
    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e, UriInfo uri, HttpHeaders headers) {
        return respond(Response.status(400), headers, "MALFORMED_MULTIPART", 400, uri, null, null,
                "MALFORMED_MULTIPART.parts");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof OptimisticLockException || root instanceof StaleStateException) {
                return stale((RuntimeException) root, uri, headers);
            }
            root = root.getCause();
        }
        if (root instanceof OptimisticLockException || root instanceof StaleStateException) {
            return stale((RuntimeException) root, uri, headers);
        }
        if (root instanceof ProblemException p) {
            return problem(p, uri, headers);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("Database unavailable: %s", Throwables.describe(e));
            return respond(Response.status(503).header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS), headers,
                    "SERVICE_UNAVAILABLE", 503, uri, null, null, "SERVICE_UNAVAILABLE.retry");
        }
        ProblemException duplicate = uniqueConflict(e);
        if (duplicate != null) {
            return problem(duplicate, uri, headers);
        }
        LOG.errorf("Unexpected failure: %s", Throwables.describe(e));
        return respond(Response.status(500), headers, "INTERNAL_ERROR", 500, uri, null, null, "INTERNAL_ERROR.quote");
    }

    /**
     * The 409 for a unique constraint a concurrent insert ran into (PostgreSQL 23505), as the
     * feature owning it words it; null when the failure is something else.
     */
    private ProblemException uniqueConflict(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof org.hibernate.exception.ConstraintViolationException violation
                    && UNIQUE_VIOLATION.equals(violation.getSQLState())) {
                String constraint = violation.getConstraintName() == null ? ""
                        : violation.getConstraintName().toLowerCase(java.util.Locale.ROOT);
                for (UniqueConflicts owner : uniqueConflicts) {
                    ProblemException conflict = owner.conflict(constraint);
                    if (conflict != null) {
                        return conflict;
                    }
                }
                LOG.warnf("Unique constraint %s violated with no conflict of its own; answered 409 CONFLICT", constraint);
                return ProblemException.conflict("CONFLICT", "CONFLICT.concurrent");
            }
        }
        return null;
    }

    /**
     * The body in the caller's language ({@code Accept-Language}): title and detail change with it,
     * the code never does. Caches are told the body depends on that header.
     */
    private static Response respond(Response.ResponseBuilder builder, HttpHeaders headers, String code, int status,
            UriInfo uri, Function<String, List<Violation>> violations, String currentStatus, String detailKey,
            Object... detailArgs) {
        String language = Languages.preferred(headers);
        ProblemDetail body = new ProblemDetail(ProblemDetail.typeOf(code), ProblemDetail.title(language, code), status,
                ProblemDetail.TEXTS.text(language, detailKey, detailArgs),
                uri == null ? null : uri.getRequestUri().getRawPath(), code, RequestIdFilter.current(),
                violations == null ? null : violations.apply(language), currentStatus);
        return builder.type(ProblemDetail.MEDIA_TYPE).header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).entity(body).build();
    }

    /** "create.command.contact.email" → "contact.email": the JSON path the client sent. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean inParameters = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                inParameters = true;
                names.add(node.getName());
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                names.add(name);
            }
        }
        // A request body is one parameter: drop its name so fields read as the JSON does.
        if (inParameters && names.size() > 1 && isBodyParameter(violation)) {
            names.remove(0);
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static boolean isBodyParameter(ConstraintViolation<?> violation) {
        Object leaf = violation.getLeafBean();
        return leaf != null && !(leaf instanceof Object[]) && leaf.getClass().isRecord();
    }

    /** The message key of "has the wrong type (expected …)" for the type a field reads as. */
    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "field.expectedString";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "field.expectedNumber";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "field.expectedBoolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "field.expectedArray";
        }
        if (type == java.util.UUID.class) {
            return "field.expectedUuid";
        }
        return "field.expectedObject";
    }
}
