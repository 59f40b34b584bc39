package ci.milie.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ci.milie.integration.MediaFetcher.Media;
import ci.milie.integration.MediaFetcher.MediaRefused;
import ci.milie.integration.MediaFetcher.Refusal;
import ci.milie.request.FileTypes.FileType;
import ci.milie.support.SampleFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;

/**
 * Open311's media_url, fetched from a partner's server on 127.0.0.1 (allowed by the test profile,
 * as the webhooks' receiver is), with attachments of at most 4 KB so that "too large" is cheap to
 * serve, and a spool directory of its own so that a refused file can be seen gone.
 */
@QuarkusTest
@TestProfile(MediaFetcherTest.SmallFiles.class)
class MediaFetcherTest {

    /** Attachments of at most {@link #MAX_SIZE} bytes, spooled to a directory of the test's own. */
    public static class SmallFiles implements QuarkusTestProfile {

        private static final String SPOOL_PROPERTY = "milie.test.media-spool";

        /** Kept in a system property: the profile and the tests may be loaded by different class loaders. */
        static synchronized Path spool() {
            String directory = System.getProperty(SPOOL_PROPERTY);
            if (directory == null) {
                try {
                    directory = Files.createTempDirectory("milie-media-spool").toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                System.setProperty(SPOOL_PROPERTY, directory);
            }
            return Path.of(directory);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("milie.attachments.max-size", "4K",
                    "milie.integrations.media.spool-directory", spool().toString());
        }
    }

    private static final int MAX_SIZE = 4096;
    private static final byte[] PNG = SampleFiles.png(Color.ORANGE);
    private static final byte[] HTML = "<html><body>not a picture</body></html>".getBytes(StandardCharsets.UTF_8);

    private static HttpServer partner;

    @Inject
    MediaFetcher fetcher;
    @Inject
    Vertx vertx;

    @BeforeAll
    static void startPartner() throws IOException {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/", MediaFetcherTest::serve);
        partner.start();
    }

    @AfterAll
    static void stopPartner() {
        partner.stop(0);
    }

    @Test
    void aPngIsFetchedWholeUnderItsName() throws IOException {
        Media media = fetcher.fetch(url("/files/photo.png"));
        try {
            assertEquals("photo.png", media.fileName());
            assertEquals(PNG.length, media.size());
            assertArrayEquals(PNG, Files.readAllBytes(media.file()));
        } finally {
            Files.delete(media.file());
        }
    }

    @Test
    void aPngIsFetchedFromAWorkerThreadAsAResourceMethodWouldCallIt() throws Exception {
        // a worker thread with an event loop's context current, as a blocking resource method runs:
        // the client's callbacks must not wait for the very thread that waits for them
        Media media = vertx.executeBlocking(() -> fetcher.fetch(url("/files/photo.png")), false)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        try {
            assertEquals("photo.png", media.fileName());
            assertArrayEquals(PNG, Files.readAllBytes(media.file()));
        } finally {
            Files.delete(media.file());
        }
    }

    @Test
    void aFileWithoutContentTypeIsJudgedByItsBytes() throws IOException {
        Media media = fetcher.fetch(url("/untyped/scan"));
        try {
            assertEquals("scan.png", media.fileName());
            assertArrayEquals(PNG, Files.readAllBytes(media.file()));
        } finally {
            Files.delete(media.file());
        }
    }

    @Test
    void aRedirectIsFollowedToTheFileAndNamedAfterIt() throws IOException {
        Media media = fetcher.fetch(url("/redirect?to=/files/photo.png"));
        try {
            assertEquals("photo.png", media.fileName());
            assertArrayEquals(PNG, Files.readAllBytes(media.file()));
        } finally {
            Files.delete(media.file());
        }
    }

    @Test
    void threeRedirectsAreFollowedAndAFourthIsNot() throws IOException {
        Media media = fetcher.fetch(url("/hops/3"));
        try {
            assertEquals("photo.png", media.fileName());
            assertArrayEquals(PNG, Files.readAllBytes(media.file()));
        } finally {
            Files.delete(media.file());
        }
        assertRefused(Refusal.UNREACHABLE, url("/hops/4"));
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedBeforeItIsReached() {
        assertRefused(Refusal.ADDRESS, url("/redirect?to=https://10.0.0.1/x"));
        assertRefused(Refusal.ADDRESS, url("/redirect?to=http://[::1]/x"));
        assertRefused(Refusal.ADDRESS, url("/redirect?to=https://169.254.169.254/latest/meta-data/"));
    }

    @Test
    void aRedirectOutOfTheWebIsRefusedAsAUrl() {
        assertRefused(Refusal.URL, url("/redirect?to=file:///etc/passwd"));
    }

    @Test
    void localhostByNameIsRefusedBeingOutsideTheAllowList() {
        int port = partner.getAddress().getPort();
        assertRefused(Refusal.ADDRESS, "https://localhost:" + port + "/files/photo.png");
        assertRefused(Refusal.ADDRESS, "http://localhost:" + port + "/files/photo.png");
    }

    @Test
    void whatIsNotAWebUrlIsRefused() {
        assertRefused(Refusal.URL, "file:///etc/passwd");
        assertRefused(Refusal.URL, "ftp://127.0.0.1/photo.png");
        assertRefused(Refusal.URL, "http://user:secret@127.0.0.1/photo.png");
        assertRefused(Refusal.URL, "not a url");
    }

    @Test
    void aFileLargerThanAnAttachmentByItsContentLengthIsRefused() {
        assertRefused(Refusal.TOO_LARGE, url("/large"));
        assertNothingSpooled();
    }

    @Test
    void aFileThatGrowsPastTheLimitWhileStreamingIsRefusedAndItsSpoolDeleted() {
        assertRefused(Refusal.TOO_LARGE, url("/endless"));
        assertNothingSpooled();
    }

    @Test
    void aWebPageIsRefusedByItsType() {
        assertRefused(Refusal.TYPE, url("/page.html"));
    }

    @Test
    void aWebPageCalledAPngIsRefusedByItsBytes() {
        assertRefused(Refusal.TYPE, url("/fake.png"));
        assertNothingSpooled();
    }

    @Test
    void aMissingFileIsUnreachable() {
        assertRefused(Refusal.UNREACHABLE, url("/missing.png"));
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        assertRefused(Refusal.UNREACHABLE, "http://127.0.0.1:" + closed + "/photo.png");
    }

    @Test
    void theNameIsTheLastSegmentDecodedKeptToSafeCharactersWithTheRealExtension() {
        assertEquals("photo.png", name("https://example.org/a/b/photo.png", FileType.PNG));
        assertEquals("Reuscan.jpeg", name("https://example.org/Re%C3%A7u%20scan.JPEG", FileType.JPEG));
        assertEquals("photo-php.png", name("https://example.org/photo.php", FileType.PNG));
        assertEquals("report-jpg.pdf", name("https://example.org/report.jpg?download=1", FileType.PDF));
        assertEquals("etcpasswd.png", name("https://example.org/..%2F..%2Fetc%2Fpasswd", FileType.PNG));
        assertEquals("media.jpg", name("https://example.org/", FileType.JPEG));
        assertEquals("media.pdf", name("https://example.org/%E2%9C%93%E2%9C%93", FileType.PDF));
        String longName = name("https://example.org/" + "a".repeat(150) + ".png", FileType.PNG);
        assertEquals("a".repeat(96) + ".png", longName);
    }

    private static String name(String url, FileType type) {
        return MediaFetcher.fileName(URI.create(url), type);
    }

    private void assertRefused(Refusal refusal, String url) {
        MediaRefused refused = assertThrows(MediaRefused.class, () -> fetcher.fetch(url), url);
        assertEquals(refusal, refused.refusal(), () -> url + ": " + refused.getCause());
    }

    private static void assertNothingSpooled() {
        try (Stream<Path> files = Files.list(SmallFiles.spool())) {
            assertEquals(List.of(), files.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + partner.getAddress().getPort() + path;
    }

    /** The partner's server: files, redirects, and the ways a server can go wrong. */
    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            if (path.equals("/files/photo.png")) {
                send(exchange, 200, "image/png", PNG);
            } else if (path.equals("/untyped/scan")) {
                send(exchange, 200, null, PNG);
            } else if (path.equals("/redirect")) {
                String to = URLDecoder.decode(uri.getRawQuery().substring("to=".length()), StandardCharsets.UTF_8);
                redirect(exchange, to);
            } else if (path.startsWith("/hops/")) {
                // /hops/n: n redirects, the last to the file
                int left = Integer.parseInt(path.substring("/hops/".length()));
                redirect(exchange, left == 1 ? "/files/photo.png" : "/hops/" + (left - 1));
            } else if (path.equals("/large")) {
                send(exchange, 200, "image/png", pngOf(MAX_SIZE + 1));
            } else if (path.equals("/endless")) {
                stream(exchange, pngOf(MAX_SIZE * 16));
            } else if (path.equals("/page.html")) {
                send(exchange, 200, "text/html; charset=utf-8", HTML);
            } else if (path.equals("/fake.png")) {
                send(exchange, 200, "image/png", HTML);
            } else {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the fetcher stopped reading and closed the connection: expected of a refusal
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Chunked, without Content-Length: only reading tells how large it is. */
    private static void stream(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int offset = 0; offset < body.length; offset += 1024) {
                out.write(body, offset, Math.min(1024, body.length - offset));
                out.flush();
            }
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    /** A PNG's signature followed by filler, {@code size} bytes in all. */
    private static byte[] pngOf(int size) {
        byte[] body = Arrays.copyOf(PNG, size);
        Arrays.fill(body, PNG.length, size, (byte) 0x42);
        return body;
    }
}
