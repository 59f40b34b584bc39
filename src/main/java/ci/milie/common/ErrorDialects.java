package ci.milie.common;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.arc.All;

/** The {@link ErrorDialect}s of the API, and the rewrite of the REST layer's client errors into them. */
@ApplicationScoped
public class ErrorDialects {

    private final List<ErrorDialect> dialects;

    ErrorDialects(@All List<ErrorDialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    /** The dialect of a client error on this path, if one serves it. */
    Optional<ErrorDialect> of(String path, int status) {
        if (path == null || status >= 500) {
            return Optional.empty();
        }
        return dialects.stream().filter(dialect -> dialect.serves(path)).findFirst();
    }

    @ServerResponseFilter
    public void rewrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof ProblemDetail problem)) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        of(path, problem.status()).ifPresent(dialect -> {
            ErrorDialect.Written written = dialect.write(path, problem);
            MediaType type = MediaType.valueOf(written.mediaType());
            response.setEntity(written.body(), null, type);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type);
        });
    }
}
