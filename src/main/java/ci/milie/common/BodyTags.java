package ci.milie.common;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cheap polling: a read answers with an {@code ETag} that is a hash of the very body it sends, so
 * it changes exactly when the body does (another key, another language, a new event, a deadline
 * passing), and a client that sends it back as {@code If-None-Match} gets {@code 304 Not Modified}
 * without the body. The body is still built to be hashed: what is saved is the transfer and the
 * client's work, not the query.
 */
public final class BodyTags {

    private BodyTags() {
    }

    /**
     * 200 with the body and its tag, or 304 when {@code If-None-Match} names that tag.
     * {@code vary}: the request headers the body depends on, for caches.
     */
    public static Response ok(Object body, ObjectMapper json, Request request, CacheControl cache, String vary) {
        EntityTag tag = of(body, json);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = notModified != null ? notModified : Response.ok(body);
        return response.tag(tag).cacheControl(cache).header(HttpHeaders.VARY, vary).build();
    }

    static EntityTag of(Object body, ObjectMapper json) {
        try {
            return new EntityTag(Secrets.sha256(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body that cannot be written", e);
        }
    }
}
