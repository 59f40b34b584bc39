package ci.milie.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Google's OAuth2 token endpoint and FCM's HTTP v1 API, which checks what it
 * is sent as Google would: the JWT-bearer grant with an RS256 assertion signed by the service
 * account's key (issuer, audience, scope, lifetime), the bearer token it issued on each send, and
 * the message's JSON shape. What it finds wrong is kept in {@link #violations()}; what it accepts in
 * {@link #sent()}. Answers to sends are scripted per device ({@link #answerNext}); by default 200.
 */
public final class FcmStub {

    public static final String PROJECT = "milie-test";
    public static final String CLIENT_EMAIL = "milie-push@milie-test.iam.gserviceaccount.com";
    public static final String KEY_ID = "stub-key-1";
    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    /** One message FCM accepted: the device token and the whole {@code message} object. */
    public record Sent(String token, JsonNode message) {
    }

    /** A scripted answer to a send. */
    public record Answer(int status, String body, String retryAfter) {

        public static Answer ok() {
            return new Answer(200, null, null);
        }

        public static Answer serverError() {
            return new Answer(500, error(500, "INTERNAL", "INTERNAL"), null);
        }

        public static Answer throttled(int retryAfterSeconds) {
            return new Answer(429, error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"), Integer.toString(retryAfterSeconds));
        }

        public static Answer invalidArgument() {
            return new Answer(400, error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"), null);
        }

        public static Answer unregistered() {
            return new Answer(404, error(404, "NOT_FOUND", "UNREGISTERED"), null);
        }

        private static String error(int code, String status, String errorCode) {
            return "{\"error\": {\"code\": " + code + ", \"message\": \"stub\", \"status\": \"" + status + "\", \"details\": "
                    + "[{\"@type\": \"type.googleapis.com/google.firebase.fcm.v1.FcmError\", \"errorCode\": \"" + errorCode + "\"}]}}";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // Kept in system properties: the application's profile and the test may be loaded by different class loaders.
    private static final String PORT_PROPERTY = "milie.test.fcm-port";
    private static final String KEY_PROPERTY = "milie.test.fcm-key";

    private final HttpServer server;
    private final KeyPair keys;
    private final Set<String> issuedTokens = Collections.synchronizedSet(new HashSet<>());
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> attempted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ConcurrentLinkedDeque<Answer>> script = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger sendRequests = new AtomicInteger();

    private FcmStub() throws IOException, GeneralSecurityException {
        keys = keys();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port()), 0);
        server.createContext("/token", this::token);
        server.createContext("/v1/projects/", this::send);
        server.start();
    }

    /** Listens where {@link #baseUrl()} says, with the key of {@link #serviceAccountJson()}. */
    public static FcmStub start() {
        try {
            return new FcmStub();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        server.stop(0);
    }

    /** A port chosen once per JVM. */
    static synchronized int port() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = String.valueOf(socket.getLocalPort());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("no free port for the FCM stub", e);
            }
            System.setProperty(PORT_PROPERTY, port);
        }
        return Integer.parseInt(port);
    }

    /** A key pair made once per JVM (its private half in a system property, PKCS#8 in base64). */
    static synchronized KeyPair keys() throws GeneralSecurityException {
        String encoded = System.getProperty(KEY_PROPERTY);
        if (encoded == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            encoded = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            System.setProperty(KEY_PROPERTY, encoded);
        }
        java.security.KeyFactory factory = java.security.KeyFactory.getInstance("RSA");
        java.security.interfaces.RSAPrivateCrtKey key = (java.security.interfaces.RSAPrivateCrtKey) factory
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        return new KeyPair(factory.generatePublic(new java.security.spec.RSAPublicKeySpec(key.getModulus(),
                key.getPublicExponent())), key);
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public static String tokenUri() {
        return baseUrl() + "/token";
    }

    /** A service account's JSON key as Google issues them, its key the stub's. */
    public static String serviceAccountJson() {
        KeyPair keys;
        try {
            keys = keys();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> key = new HashMap<>();
        key.put("type", "service_account");
        key.put("project_id", PROJECT);
        key.put("private_key_id", KEY_ID);
        key.put("private_key", pem);
        key.put("client_email", CLIENT_EMAIL);
        key.put("token_uri", tokenUri());
        try {
            return JSON.writeValueAsString(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next answers to sends to that device, in order; then 200 again. */
    public void answerNext(String deviceToken, Answer... answers) {
        script.computeIfAbsent(deviceToken, token -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> sentTo(String deviceToken) {
        return sent().stream().filter(s -> s.token().equals(deviceToken)).toList();
    }

    /** Well-formed sends to that device, whatever the answer. */
    public long attemptsTo(String deviceToken) {
        return List.copyOf(attempted).stream().filter(deviceToken::equals).count();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int sendRequests() {
        return sendRequests.get();
    }

    /** Forgets what was sent and scripted (not the issued tokens: the application keeps its own). */
    public void reset() {
        sent.clear();
        attempted.clear();
        violations.clear();
        script.clear();
        sendRequests.set(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        String form = read(exchange);
        Map<String, String> params = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        List<String> wrong = new ArrayList<>();
        if (!"POST".equals(exchange.getRequestMethod())) {
            wrong.add("token: method " + exchange.getRequestMethod());
        }
        if (!String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
            wrong.add("token: content type " + exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(params.get("grant_type"))) {
            wrong.add("token: grant_type " + params.get("grant_type"));
        }
        wrong.addAll(assertionProblems(params.get("assertion")));
        if (!wrong.isEmpty()) {
            violations.addAll(wrong);
            respond(exchange, 400, "{\"error\": \"invalid_grant\", \"error_description\": \"stub\"}", null);
            return;
        }
        String accessToken = "ya29.stub-" + tokenRequests.get();
        issuedTokens.add(accessToken);
        respond(exchange, 200, "{\"access_token\": \"" + accessToken + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}", null);
    }

    private List<String> assertionProblems(String assertion) {
        List<String> wrong = new ArrayList<>();
        if (assertion == null) {
            return List.of("token: no assertion");
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return List.of("token: the assertion is not a signed JWT");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(keys.getPublic());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                wrong.add("token: bad signature");
            }
            if (!"RS256".equals(header.path("alg").asText())) {
                wrong.add("token: alg " + header.path("alg"));
            }
            if (!KEY_ID.equals(header.path("kid").asText())) {
                wrong.add("token: kid " + header.path("kid"));
            }
            if (!CLIENT_EMAIL.equals(claims.path("iss").asText())) {
                wrong.add("token: iss " + claims.path("iss"));
            }
            JsonNode aud = claims.path("aud");
            String audience = aud.isArray() && aud.size() == 1 ? aud.get(0).asText() : aud.asText();
            if (!tokenUri().equals(audience)) {
                wrong.add("token: aud " + aud);
            }
            if (!SCOPE.equals(claims.path("scope").asText())) {
                wrong.add("token: scope " + claims.path("scope"));
            }
            long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
            if (lifetime <= 0 || lifetime > 3600) {
                wrong.add("token: lifetime " + lifetime);
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            wrong.add("token: unreadable assertion " + e);
        }
        return wrong;
    }

    private void send(HttpExchange exchange) throws IOException {
        sendRequests.incrementAndGet();
        String body = read(exchange);
        List<String> wrong = new ArrayList<>();
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod()) || !path.equals("/v1/projects/" + PROJECT + "/messages:send")) {
            wrong.add("send: " + exchange.getRequestMethod() + " " + path);
        }
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!authorization.startsWith("Bearer ") || !issuedTokens.contains(authorization.substring(7))) {
            violations.add("send: authorization " + authorization);
            respond(exchange, 401, "{\"error\": {\"code\": 401, \"status\": \"UNAUTHENTICATED\"}}", null);
            return;
        }
        if (!String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")) {
            wrong.add("send: content type " + exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        JsonNode message = null;
        try {
            JsonNode root = JSON.readTree(body);
            message = root.path("message");
            if (root.size() != 1 || !message.isObject()) {
                wrong.add("send: the body is not {\"message\": {…}}");
            } else {
                if (!message.path("token").isTextual()) {
                    wrong.add("send: no token");
                }
                if (!message.path("notification").path("title").isTextual() || !message.path("notification").path("body").isTextual()) {
                    wrong.add("send: notification without title or body");
                }
                JsonNode data = message.path("data");
                if (!data.isObject()) {
                    wrong.add("send: no data");
                }
                data.fields().forEachRemaining(field -> {
                    if (!field.getValue().isTextual()) {
                        wrong.add("send: data." + field.getKey() + " is not a string");
                    }
                });
                message.fieldNames().forEachRemaining(name -> {
                    if (!List.of("token", "notification", "data", "android", "apns", "webpush").contains(name)) {
                        wrong.add("send: unknown field message." + name);
                    }
                });
            }
        } catch (IOException e) {
            wrong.add("send: body is not JSON");
        }
        if (!wrong.isEmpty()) {
            violations.addAll(wrong);
            respond(exchange, 400, Answer.invalidArgument().body(), null);
            return;
        }
        attempted.add(message.get("token").asText());
        ConcurrentLinkedDeque<Answer> scripted = script.get(message.get("token").asText());
        Answer answer = scripted == null ? null : scripted.pollFirst();
        if (answer == null) {
            answer = Answer.ok();
        }
        if (answer.status() == 200) {
            sent.add(new Sent(message.get("token").asText(), message));
            respond(exchange, 200, "{\"name\": \"projects/" + PROJECT + "/messages/" + sendRequests.get() + "\"}", null);
        } else {
            respond(exchange, answer.status(), answer.body(), answer.retryAfter());
        }
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
