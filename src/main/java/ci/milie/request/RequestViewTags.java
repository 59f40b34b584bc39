package ci.milie.request;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every move that answers with the request's view carries its new version as {@code ETag}, the
 * same tag {@code GET /requests/{id}} gives, so that a client chains {@code If-Match} without
 * reading the request again. One filter rather than one line per endpoint: a new move cannot
 * forget it.
 */
public class RequestViewTags {

    static EntityTag of(Views.RequestView view) {
        return new EntityTag(Long.toString(view.version()));
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.POST.equals(request.getMethod()) && response.getStatus() / 100 == 2
                && response.getEntity() instanceof Views.RequestView view
                && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, of(view));
        }
    }
}
