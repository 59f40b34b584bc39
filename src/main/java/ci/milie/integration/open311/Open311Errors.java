package ci.milie.integration.open311;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import ci.milie.common.ProblemDetail;
import ci.milie.common.Violation;

/**
 * GeoReport v2 speaks its own errors: a list of {@code {code, description}} with the HTTP status,
 * in the format the URL names. Every problem answered under the Open311 base path (thrown by its
 * resource, by the intake it calls, by the limits, or JAX-RS's own 404 and 405) is rewritten so:
 * one error per invalid field, named as the specification names it, or one for the problem.
 */
class Open311Errors {

    static final String BASE = "/api/v1/open311/";

    /** Miliê's names of a submission's fields, as GeoReport v2 names them. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("categoryCode", "service_code"),
            Map.entry("type", "attribute[" + Open311Service.TYPE_ATTRIBUTE + "]"),
            Map.entry("subject", "description"),
            Map.entry("contact", "email"),
            Map.entry("contact.email", "email"),
            Map.entry("contact.phone", "phone"),
            Map.entry("contact.fullName", "first_name"),
            Map.entry("location.latitude", "lat"),
            Map.entry("location.longitude", "long"),
            Map.entry("location.locality", "address_string"),
            Map.entry("location.region", "address_string"),
            Map.entry("header.Idempotency-Key", "Idempotency-Key"));

    private final Open311Body body;

    Open311Errors(Open311Body body) {
        this.body = body;
    }

    @ServerResponseFilter
    public void rewrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof ProblemDetail problem) || problem.status() >= 500) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!path.startsWith(BASE)) {
            return;
        }
        Open311Format format = Open311Format.ofPath(path);
        List<Open311Views.Error> errors = problem.violations() == null || problem.violations().isEmpty()
                ? List.of(new Open311Views.Error(problem.status(), problem.detail()))
                : problem.violations().stream().map(v -> new Open311Views.Error(problem.status(), describe(v))).toList();
        response.setEntity(body.write(format, "errors", errors), null, format.mediaType());
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, format.mediaType());
    }

    private static String describe(Violation violation) {
        return FIELDS.getOrDefault(violation.field(), violation.field()) + ": " + violation.message();
    }
}
