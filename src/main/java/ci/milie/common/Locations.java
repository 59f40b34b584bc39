package ci.milie.common;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

/**
 * The {@code Location} of a {@code 201 Created} (or of a resource an answer names): the absolute URI the client reads the new
 * resource at, from the URI it posted to, whatever the API's root path and host.
 */
public final class Locations {

    private Locations() {
    }

    /** The resource {@code id} under the collection the request was posted to. */
    public static URI child(UriInfo uri, Object id) {
        return uri.getAbsolutePathBuilder().path(id.toString()).build();
    }

    /** A resource elsewhere in the API, by its path under the API's root ({@code requests/{id}}). */
    public static URI under(UriInfo uri, String path) {
        return uri.getBaseUriBuilder().path(path).build();
    }
}
