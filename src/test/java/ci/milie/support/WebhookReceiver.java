package ci.milie.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A ministry's webhook endpoint in a test: a local HTTP server that keeps what it is sent and
 * answers with the status a test sets (204 by default). It checks signatures as a receiver would,
 * with its own HMAC-SHA256 ({@link #signedWith}), not the application's code.
 */
public final class WebhookReceiver {

    /** One POST received: its headers of interest and its body. */
    public record Received(String path, String eventId, String signature, String contentType, String body, JsonNode json, int answered) {

        public String id() {
            return json.path("id").asText();
        }

        public String type() {
            return json.path("type").asText();
        }

        public String requestId() {
            return json.path("data").path("requestId").asText();
        }

        public long sequence() {
            return json.path("sequence").asLong();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile int status = 204;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::receive);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        server.stop(0);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The receiver's URL on 127.0.0.1 (allowed by the test profile). */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** What it answers from now on: 204, 503 (down), 410 (gone)… */
    public void answer(int status) {
        this.status = status;
    }

    public void reset() {
        received.clear();
        status = 204;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** What it accepted (2xx) at this path, for one request, in arrival order. */
    public List<Received> accepted(String path, String requestId) {
        return received().stream().filter(r -> r.answered() / 100 == 2 && r.path().equals(path)
                && r.requestId().equals(requestId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int answer = status;
            JsonNode json = JSON.readTree(body.isEmpty() ? "{}" : body);
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Milie-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Milie-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, json, answer));
            exchange.sendResponseHeaders(answer, -1);
        }
    }

    /**
     * Whether one of the header's v1 signatures is the HMAC-SHA256, under this secret, of
     * {@code t + "." + body}: the check a receiver runs.
     */
    public static boolean signedWith(String secret, String header, String body) {
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return signatures.stream().anyMatch(v1 -> MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
