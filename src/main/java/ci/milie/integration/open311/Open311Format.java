package ci.milie.integration.open311;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

/** The two formats of GeoReport v2, named by the URL's extension ({@code .json}, {@code .xml}), never by Accept. */
enum Open311Format {
    JSON("application/json; charset=UTF-8"), XML("text/xml; charset=UTF-8");

    /** The path parameter's pattern: what quarkus-rest matches after the dot. */
    static final String PATTERN = "json|xml|JSON|XML";

    private final String mediaType;

    Open311Format(String mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return MediaType.valueOf(mediaType);
    }

    static Optional<Open311Format> of(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    /** The format a path ends with; JSON when it names none (an error on an unknown path, say). */
    static Open311Format ofPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xml") ? XML : JSON;
    }
}
