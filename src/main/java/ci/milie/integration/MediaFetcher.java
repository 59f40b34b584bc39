package ci.milie.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ci.milie.common.ProblemException;
import ci.milie.request.AttachmentsConfig;
import ci.milie.request.FileTypes;
import ci.milie.request.FileTypes.FileType;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Fetches a file a partner names by URL ({@code media_url} of Open311), under the webhooks' guard
 * against server-side request forgery and within the attachments' limits of size and type.
 *
 * <p>Each hop (the URL, then at most {@value #MAX_REDIRECTS} redirects, followed here rather than
 * by the client) is checked by {@link WebhookTargets} and reached at the very address checked, as
 * {@link WebhookSender} does. The body is read one chunk at a time (the response stays paused
 * between chunks) into a temporary file, and reading stops at the attachments' maximum size: a
 * server that lies about its length, or sends none, cannot make Miliê keep more. Blocking: call it
 * from a worker thread, never from an event loop.
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
            this(refusal, null);
        }

        /** @param cause what went wrong underneath (a network error, a timeout), for the logs */
        public MediaRefused(Refusal refusal, Throwable cause) {
            super(refusal.name(), cause, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** Redirects followed at most; one more is refused UNREACHABLE. */
    static final int MAX_REDIRECTS = 3;
    /** Longest file name kept, extension included. */
    static final int MAX_NAME_LENGTH = 100;
    /** The name of a file whose URL gives none. */
    static final String NAMELESS = "media";

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> ACCEPTED_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");
    /** Bytes that tell the accepted types apart (PNG's signature is the longest). */
    private static final int HEAD_LENGTH = 8;
    private static final Object END = new Object();

    /** An answer whose body has not been read yet: paused, its chunks to come through {@code chunks}. */
    private record Opened(HttpClientResponse response, Context context, BlockingQueue<Object> chunks) {

        /** Asks for the next chunk (or the end, or an error). */
        void next() {
            context.runOnContext(ignored -> response.fetch(1));
        }

        /** Reads no more: closes the connection rather than draining what the server still sends. */
        void abandon() {
            context.runOnContext(ignored -> response.request().connection().close());
        }
    }

    private final Vertx vertx;
    private final WebhookTargets targets;
    private final HttpClient http;
    private final long maxSize;
    private final Duration timeout;
    private final Optional<Path> spoolDirectory;

    MediaFetcher(Vertx vertx, WebhookTargets targets, AttachmentsConfig attachments,
            @ConfigProperty(name = "milie.integrations.media.connect-timeout", defaultValue = "PT5S") Duration connectTimeout,
            @ConfigProperty(name = "milie.integrations.media.timeout", defaultValue = "PT30S") Duration timeout,
            @ConfigProperty(name = "milie.integrations.media.spool-directory") Optional<String> spoolDirectory) {
        this.vertx = vertx;
        this.targets = targets;
        this.maxSize = attachments.maxSize().asLongValue();
        this.timeout = timeout;
        this.spoolDirectory = spoolDirectory.filter(directory -> !directory.isBlank()).map(Path::of);
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(false)
                .setMaxRedirects(0));
    }

    /** Fetches the URL (GET, each redirect hop checked again), or throws {@link MediaRefused}. */
    public Media fetch(String url) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = WebhookTargets.parse(url).orElseThrow(() -> new MediaRefused(Refusal.URL));
        for (int redirects = 0;; redirects++) {
            Opened opened = open(guard(uri), deadline);
            HttpClientResponse response = opened.response();
            int status = response.statusCode();
            if (status == 200) {
                return read(uri, opened, deadline);
            }
            opened.abandon();
            if (!REDIRECTS.contains(status) || redirects == MAX_REDIRECTS) {
                throw new MediaRefused(Refusal.UNREACHABLE);
            }
            uri = next(uri, response.getHeader("Location"));
        }
    }

    private WebhookTargets.Target guard(URI uri) {
        try {
            return targets.resolve(uri);
        } catch (ProblemException e) {
            // not https to a public host, a name that resolves to nothing, or a non-public address
            throw new MediaRefused(Refusal.ADDRESS);
        }
    }

    /** Where a redirect leads, resolved against the URL that answered it (checked again by the next hop). */
    private static URI next(URI current, String location) {
        if (location == null || location.isBlank()) {
            throw new MediaRefused(Refusal.UNREACHABLE);
        }
        String resolved;
        try {
            resolved = current.resolve(new URI(location.strip())).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new MediaRefused(Refusal.URL);
        }
        // a fragment names a part of the file, never sent: dropped rather than refused
        int hash = resolved.indexOf('#');
        String withoutFragment = hash < 0 ? resolved : resolved.substring(0, hash);
        return WebhookTargets.parse(withoutFragment).orElseThrow(() -> new MediaRefused(Refusal.URL));
    }

    /** Sends the GET to the checked address and waits for the answer's status and headers. */
    private Opened open(WebhookTargets.Target target, long deadline) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(target.uri().toString())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setFollowRedirects(false)
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Accept", "image/jpeg, image/png, application/pdf")
                .putHeader("User-Agent", "Milie-Media/1");
        // Paused in the callback that receives it, on the connection's own thread (OnEventLoop), before
        // its first chunk or its end can be handled.
        CompletableFuture<Opened> opening = OnEventLoop.call(vertx, () -> http.request(request)
                .compose(sent -> sent.send())
                .map(response -> {
                    // paused before its first chunk can arrive: the body is read only as fast as it is written
                    response.pause();
                    BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
                    response.handler(chunks::add);
                    response.exceptionHandler(chunks::add);
                    response.endHandler(ignored -> chunks.add(END));
                    return new Opened(response, Vertx.currentContext(), chunks);
                }));
        try {
            return await(opening, deadline);
        } catch (MediaRefused e) {
            // an answer that comes after the deadline is not left open, paused, until the idle timeout
            opening.thenAccept(Opened::abandon);
            throw e;
        }
    }

    private Media read(URI uri, Opened opened, long deadline) {
        HttpClientResponse response = opened.response();
        String contentType = response.getHeader("Content-Type");
        if (contentType != null && !ACCEPTED_TYPES.contains(mediaType(contentType))) {
            opened.abandon();
            throw new MediaRefused(Refusal.TYPE);
        }
        String contentLength = response.getHeader("Content-Length");
        if (contentLength != null && declaredSize(contentLength) > maxSize) {
            opened.abandon();
            throw new MediaRefused(Refusal.TOO_LARGE);
        }
        Path file = spool();
        try {
            FileType type = copy(opened, file, deadline);
            return new Media(fileName(uri, type), Files.size(file), file);
        } catch (IOException e) {
            delete(file);
            opened.abandon();
            throw new MediaRefused(Refusal.UNREACHABLE);
        } catch (RuntimeException e) {
            delete(file);
            opened.abandon();
            throw e;
        }
    }

    /** Copies the body into the file, at most {@link #maxSize} bytes, and tells its type by its first bytes. */
    private FileType copy(Opened opened, Path file, long deadline) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(HEAD_LENGTH);
        FileType type = null;
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            opened.next();
            for (Object chunk = poll(opened, deadline); chunk != END; chunk = poll(opened, deadline)) {
                if (chunk instanceof Throwable) {
                    throw new MediaRefused(Refusal.UNREACHABLE);
                }
                byte[] bytes = ((Buffer) chunk).getBytes();
                size += bytes.length;
                if (size > maxSize) {
                    throw new MediaRefused(Refusal.TOO_LARGE);
                }
                if (type == null && head.size() < HEAD_LENGTH) {
                    head.write(bytes, 0, Math.min(bytes.length, HEAD_LENGTH - head.size()));
                    if (head.size() == HEAD_LENGTH) {
                        type = detect(head.toByteArray());
                    }
                }
                out.write(bytes);
                opened.next();
            }
        }
        // a file shorter than the longest signature is judged on what there is
        return type != null ? type : detect(head.toByteArray());
    }

    private static FileType detect(byte[] head) {
        return FileTypes.detect(head).orElseThrow(() -> new MediaRefused(Refusal.TYPE));
    }

    private Object poll(Opened opened, long deadline) {
        try {
            Object chunk = opened.chunks().poll(remaining(deadline), TimeUnit.NANOSECONDS);
            if (chunk == null) {
                throw new MediaRefused(Refusal.UNREACHABLE);
            }
            return chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaRefused(Refusal.UNREACHABLE);
        }
    }

    private static <T> T await(CompletableFuture<T> future, long deadline) {
        try {
            return future.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new MediaRefused(Refusal.UNREACHABLE, e.getCause());
        } catch (TimeoutException e) {
            throw new MediaRefused(Refusal.UNREACHABLE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaRefused(Refusal.UNREACHABLE, e);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** {@code image/png; charset=…} → {@code image/png}. */
    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static long declaredSize(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            // the client refuses a malformed length itself; reading stops at the limit anyway
            return -1;
        }
    }

    private Path spool() {
        try {
            if (spoolDirectory.isPresent()) {
                Files.createDirectories(spoolDirectory.get());
                return Files.createTempFile(spoolDirectory.get(), "milie-media-", ".tmp");
            }
            return Files.createTempFile("milie-media-", ".tmp");
        } catch (IOException e) {
            throw new IllegalStateException("media_url: cannot create a temporary file", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left to the temporary directory's cleaning; nothing of it is read again
        }
    }

    /**
     * The URL's last path segment, percent-decoded, kept to {@code [A-Za-z0-9._-]}, ending in the
     * extension of the type its bytes are (its own when it is one of that type's, else added: a
     * PNG at {@code /photo.php} is {@code photo-php.png}); {@code media.<extension>} when nothing
     * is left.
     */
    static String fileName(URI uri, FileType type) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String segment = path.substring(path.lastIndexOf('/') + 1);
        String decoded;
        try {
            // a path's "+" is a plus, not the space of a form
            decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = segment;
        }
        String base = trimDots(decoded.replaceAll("[^A-Za-z0-9._-]", ""));
        String extension = type.extension();
        int dot = base.lastIndexOf('.');
        if (dot > 0 && type.knownAs(base.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            extension = base.substring(dot + 1).toLowerCase(Locale.ROOT);
            base = base.substring(0, dot);
        }
        // one dot, before the real extension, as the attachments' own names
        base = base.replace('.', '-');
        int room = MAX_NAME_LENGTH - extension.length() - 1;
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        return (base.isEmpty() ? NAMELESS : base) + "." + extension;
    }

    private static String trimDots(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && name.charAt(start) == '.') {
            start++;
        }
        while (end > start && name.charAt(end - 1) == '.') {
            end--;
        }
        return name.substring(start, end);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
