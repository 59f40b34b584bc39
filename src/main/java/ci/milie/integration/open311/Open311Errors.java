package ci.milie.integration.open311;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.ErrorDialect;
import ci.milie.common.ProblemDetail;
import ci.milie.common.Violation;

/**
 * GeoReport v2 speaks its own errors: a list of {@code {code, description}} with the HTTP status,
 * in the format the URL names. Every client error answered under the Open311 base path (thrown by
 * its resource, by the intake it calls, by the limits, JAX-RS's own 404, 405 and 415, or the
 * router's 413, 414 and 431) is written so, as an {@link ErrorDialect}: one error per invalid field,
 * named as the specification names it, or one for the problem.
 */
@ApplicationScoped
class Open311Errors implements ErrorDialect {

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

    @Override
    public boolean serves(String path) {
        return path.startsWith(BASE);
    }

    @Override
    public Written write(String path, ProblemDetail problem) {
        Open311Format format = Open311Format.ofPath(path);
        List<Open311Views.Error> errors = problem.violations() == null || problem.violations().isEmpty()
                ? List.of(new Open311Views.Error(problem.status(), problem.detail()))
                : problem.violations().stream().map(v -> new Open311Views.Error(problem.status(), describe(v))).toList();
        return new Written(format.mediaType().toString(), body.write(format, "errors", errors));
    }

    private static String describe(Violation violation) {
        return FIELDS.getOrDefault(violation.field(), violation.field()) + ": " + violation.message();
    }
}
