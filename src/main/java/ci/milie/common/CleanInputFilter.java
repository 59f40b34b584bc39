package ci.milie.common;

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
    public void refuseUncleanInput(HttpServerRequest request) {
        checkPath(request.path());
        checkQuery(request.query());
        request.headers().forEach((name, value) -> {
            String flaw = CleanText.flawInHeader(value);
            if (flaw != null) {
                throw ProblemException.invalid("header." + name, flaw);
            }
        });
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
                throw ProblemException.invalid("query", "has a parameter name with control characters or invalid Unicode");
            }
            String flaw = CleanText.flawInLine(parameter.getValue());
            if (flaw != null) {
                throw ProblemException.invalid("query." + parameter.getKey(), flaw);
            }
        }
    }
}
