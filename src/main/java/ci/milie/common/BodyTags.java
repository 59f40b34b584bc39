package ci.milie.common;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
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
     * 200 with the body and its tag, or 304 when {@code ifNoneMatch} names that tag (or is {@code *}).
     * Only {@code If-None-Match} is read: a read has no precondition to fail, so a stray
     * {@code If-Match} changes nothing. {@code vary}: the request headers the body depends on, for caches.
     */
    public static Response ok(Object body, ObjectMapper json, String ifNoneMatch, CacheControl cache, String vary) {
        EntityTag tag = of(body, json);
        Response.ResponseBuilder response = names(ifNoneMatch, tag) ? Response.notModified() : Response.ok(body);
        return response.tag(tag).cacheControl(cache).header(HttpHeaders.VARY, vary).build();
    }

    /** The weak comparison RFC 9110 asks of If-None-Match: the opaque tags, W/ or not. */
    static boolean names(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    static EntityTag of(Object body, ObjectMapper json) {
        try {
            return new EntityTag(Secrets.sha256(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body that cannot be written", e);
        }
    }
}
