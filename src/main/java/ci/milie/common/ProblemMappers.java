package ci.milie.common;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder builder = Response.status(e.status());
        if (e.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.retryAfterSeconds() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return respond(builder, e.code(), e.title(), e.status(), e.getMessage(), uri, e.violations(), e.currentStatus());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .collect(Collectors.toCollection(ArrayList::new));
        String detail = violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
        return respond(Response.status(400), "VALIDATION_FAILED", "Invalid input", 400, detail, uri, violations);
    }

    @ServerExceptionMapper({ JsonParseException.class })
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        return respond(Response.status(400), "MALFORMED_JSON", "Malformed JSON", 400,
                "The request body is not valid JSON", uri, null);
    }

    @ServerExceptionMapper({ InvalidFormatException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, JsonMappingException.class })
    public Response mismatched(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message;
        if (e instanceof StrictJson.UncleanText unclean) {
            message = unclean.reason();
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "must be one of " + java.util.Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "has the wrong type (expected " + describe(m.getTargetType()) + ")";
        } else {
            message = "has the wrong type or format";
        }
        if (field.isEmpty()) {
            return respond(Response.status(400), "MALFORMED_JSON", "Malformed JSON", 400,
                    "The request body does not have the expected shape", uri, null);
        }
        return respond(Response.status(400), "VALIDATION_FAILED", "Invalid input", 400, "1 field is invalid", uri,
                List.of(new Violation(field, message)));
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response stale(RuntimeException e, UriInfo uri) {
        return respond(Response.status(409), "CONCURRENT_MODIFICATION", "Conflict", 409,
                "Someone else changed this resource meanwhile; reload it and try again", uri, null);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        // A refusal that authentication itself explains (e.g. TOKEN_REVOKED) keeps its own code.
        if (e.getCause() instanceof ProblemException p) {
            return problem(p, uri);
        }
        return respond(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"), "UNAUTHENTICATED",
                "Unauthorized", 401, "A valid access token is required", uri, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Response.status(403), "FORBIDDEN", "Forbidden", 403,
                "Your role does not allow this operation", uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mismatched(mapping, uri);
        }
        if (e.getCause() instanceof ProblemException refused) {
            // a parameter converter's refusal (StrictParams), which JAX-RS wraps in a 404
            return problem(refused, uri);
        }
        String code;
        String title;
        String detail;
        if (e instanceof NotFoundException) {
            code = "NOT_FOUND";
            title = "Not found";
            detail = "No resource at this address";
        } else if (e instanceof NotAllowedException) {
            code = "METHOD_NOT_ALLOWED";
            title = "Method not allowed";
            detail = "This method is not allowed here";
        } else if (e instanceof NotSupportedException) {
            code = "UNSUPPORTED_MEDIA_TYPE";
            title = "Unsupported media type";
            detail = "Send this body as application/json (multipart/form-data for file uploads)";
        } else if (e instanceof NotAcceptableException) {
            code = "NOT_ACCEPTABLE";
            title = "Not acceptable";
            detail = "This resource cannot be represented in the requested media type";
        } else if (status >= 500) {
            LOG.errorf("Server error %d: %s", status, Throwables.describe(e));
            code = "INTERNAL_ERROR";
            title = "Internal error";
            detail = "An unexpected error occurred; quote the request id to support";
        } else {
            code = status == 401 ? "UNAUTHENTICATED" : status == 403 ? "FORBIDDEN" : "BAD_REQUEST";
            title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
            detail = "The request could not be processed";
        }
        Response.ResponseBuilder builder = Response.status(status);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return respond(builder, code, title, status, detail, uri, null);
    }

    /**
     * A body that could not be read. When the HTTP body limit cut a streamed body, Quarkus has
     * already answered 413 and closed the connection: there is nothing left to send (null).
     */
    @ServerExceptionMapper
    public Response unreadable(IOException e, HttpServerRequest request, UriInfo uri) {
        if (request.response().headWritten()) {
            LOG.debugf("Request body not read to the end (%s); the response was already sent", e.getClass().getSimpleName());
            return null;
        }
        if (e.getStackTrace().length > 0 && e.getStackTrace()[0].getClassName().startsWith(MULTIPART_PARSER)) {
            // the body ended before its closing boundary
            return malformedMultipart(null, uri);
        }
        return unexpected(e, uri);
    }

    /** A multipart body that does not parse (a part header without colon, a line break in a file name…). */
    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e, UriInfo uri) {
        return respond(Response.status(400), "MALFORMED_MULTIPART", "Malformed multipart body", 400,
                "The multipart/form-data body does not parse: each part needs a Content-Disposition header "
                        + "(form-data; name=\"file\"; filename=\"…\") and the body must end with its closing boundary",
                uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof OptimisticLockException || root instanceof StaleStateException) {
                return stale((RuntimeException) root, uri);
            }
            root = root.getCause();
        }
        if (root instanceof OptimisticLockException || root instanceof StaleStateException) {
            return stale((RuntimeException) root, uri);
        }
        if (root instanceof ProblemException p) {
            return problem(p, uri);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("Database unavailable: %s", Throwables.describe(e));
            return respond(Response.status(503).header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS),
                    "SERVICE_UNAVAILABLE", "Service unavailable", 503,
                    "The service is briefly unavailable; try again in a few seconds", uri, null);
        }
        ProblemException duplicate = uniqueConflict(e);
        if (duplicate != null) {
            return problem(duplicate, uri);
        }
        LOG.errorf("Unexpected failure: %s", Throwables.describe(e));
        return respond(Response.status(500), "INTERNAL_ERROR", "Internal error", 500,
                "An unexpected error occurred; quote the request id to support", uri, null);
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
                return ProblemException.conflict("CONFLICT",
                        "A concurrent change conflicts with this one; reload and try again");
            }
        }
        return null;
    }

    private static Response respond(Response.ResponseBuilder builder, String code, String title, int status,
            String detail, UriInfo uri, List<Violation> violations) {
        return respond(builder, code, title, status, detail, uri, violations, null);
    }

    private static Response respond(Response.ResponseBuilder builder, String code, String title, int status,
            String detail, UriInfo uri, List<Violation> violations, String currentStatus) {
        ProblemDetail body = new ProblemDetail(ProblemDetail.typeOf(code), title, status, detail,
                uri == null ? null : uri.getRequestUri().getRawPath(), code, RequestIdFilter.current(), violations,
                currentStatus);
        return builder.type(ProblemDetail.MEDIA_TYPE).entity(body).build();
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

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == java.util.UUID.class) {
            return "UUID string";
        }
        return "object";
    }
}
