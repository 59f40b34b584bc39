package ci.milie.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;

import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses, before any resource sees them, query parameters, a path and header values that are not
 * clean single-line text ({@link CleanText}): 400 VALIDATION_FAILED naming {@code query.<name>},
 * {@code path} or {@code header.<name>}. JSON bodies are checked as they are read (StrictJson).
 */
public class CleanInputFilter {

    @ServerRequestFilter(preMatching = true, priority = 2)
    public void refuseUncleanInput(HttpServerRequest request, ContainerRequestContext context) {
        checkPath(request.path());
        checkQuery(request.query());
        request.headers().forEach((name, value) -> {
            String flaw = CleanText.flawInHeader(value);
            if (flaw != null) {
                throw ProblemException.invalid("header." + name, flaw);
            }
        });
        checkMultipartBoundary(request.getHeader("Content-Type"));
        checkAccept(request.headers().getAll("Accept"), context);
    }

    /**
     * An empty Accept states no preference, as if absent; anything else must be media ranges
     * (content negotiation would otherwise fail deep inside the server).
     */
    private static void checkAccept(List<String> accepts, ContainerRequestContext context) {
        if (accepts.isEmpty()) {
            return;
        }
        if (accepts.stream().allMatch(String::isBlank)) {
            context.getHeaders().remove("Accept");
            return;
        }
        for (String accept : accepts) {
            for (String range : accept.split(",")) {
                if (range.isBlank()) {
                    continue;
                }
                try {
                    MediaType.valueOf(range.strip());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("header.Accept", "field.mediaTypes");
                }
            }
        }
    }

    /** A multipart body is cut at its boundary: without one (1 to 70 characters) it cannot be read. */
    private static void checkMultipartBoundary(String contentType) {
        if (contentType == null || !contentType.stripLeading().regionMatches(true, 0, "multipart/", 0, 10)) {
            return;
        }
        String boundary = null;
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("boundary")) {
                boundary = pair[1].strip();
                if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
                    boundary = boundary.substring(1, boundary.length() - 1);
                }
            }
        }
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw ProblemException.invalid("header.Content-Type", "field.multipartBoundary");
        }
    }

    private static void checkPath(String raw) {
        String path;
        try {
            path = CleanText.path(raw);
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("path", CleanText.ENCODING);
        }
        String flaw = CleanText.flawInLine(path);
        if (flaw != null) {
            throw ProblemException.invalid("path", flaw);
        }
    }

    private static void checkQuery(String raw) {
        List<Map.Entry<String, String>> parameters;
        try {
            parameters = CleanText.query(raw);
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("query", CleanText.ENCODING);
        }
        for (Map.Entry<String, String> parameter : parameters) {
            if (CleanText.flawInLine(parameter.getKey()) != null) {
                // the name itself is not echoed: it is what is wrong
                throw ProblemException.invalid("query", "field.parameterName");
            }
            String flaw = CleanText.flawInLine(parameter.getValue());
            if (flaw != null) {
                throw ProblemException.invalid("query." + parameter.getKey(), flaw);
            }
        }
    }
}
