package ci.milie.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Firebase Cloud Messaging's HTTP v1 API. The service account signs a JWT (RS256) that the OAuth2
 * token endpoint exchanges for an access token (kept until a minute before it expires), which
 * authorises {@code POST {base}/v1/projects/{projectId}/messages:send}. The provider's answer
 * decides what follows: 5xx, 429 and an unreachable server are retried (not before Retry-After),
 * 401 too with a new token, 400 is final, and 404 or an {@code UNREGISTERED} error code means the
 * token is no longer valid.
 */
class FcmPushSender implements PushSender {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

    private record AccessToken(String value, Instant expiresAt) {
    }

    private final FcmCredentials credentials;
    private final PushConfig.Fcm config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final URI sendUri;
    private AccessToken accessToken;

    FcmPushSender(PushConfig.Fcm config, FcmCredentials credentials, ObjectMapper json, Clock clock) {
        this.config = config;
        this.credentials = credentials;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        String base = config.baseUrl().endsWith("/") ? config.baseUrl().substring(0, config.baseUrl().length() - 1)
                : config.baseUrl();
        this.sendUri = URI.create(base + "/v1/projects/" + credentials.projectId() + "/messages:send");
    }

    @Override
    public void send(String token, PushMessage message) {
        String bearer = accessToken();
        HttpResponse<String> response = post(HttpRequest.newBuilder(sendUri)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(write(body(token, message)))), "FCM");
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String errorCode = errorCode(response.body());
        String what = "FCM answered " + status + (errorCode == null ? "" : " " + errorCode);
        if (status == 404 || "UNREGISTERED".equals(errorCode)) {
            throw new PushDeliveryException(PushDeliveryException.Verdict.UNREGISTERED, what, null, null);
        }
        if (status == 429 || status / 100 == 5) {
            throw new PushDeliveryException(PushDeliveryException.Verdict.RETRY, what,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)), null);
        }
        if (status == 401) {
            forgetAccessToken(bearer);
            throw new PushDeliveryException(PushDeliveryException.Verdict.RETRY, what, null, null);
        }
        throw new PushDeliveryException(PushDeliveryException.Verdict.REJECTED, what, null, null);
    }

    /** The v1 message: notification for the system tray, data for the app, high priority on both platforms. */
    Map<String, Object> body(String token, PushMessage message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("token", token);
        inner.put("notification", Map.of("title", message.title(), "body", message.body()));
        inner.put("data", message.data());
        inner.put("android", Map.of("priority", "HIGH"));
        inner.put("apns", Map.of("headers", Map.of("apns-priority", "10")));
        return Map.of("message", inner);
    }

    private synchronized String accessToken() {
        Instant now = clock.instant();
        if (accessToken != null && now.isBefore(accessToken.expiresAt())) {
            return accessToken.value();
        }
        String assertion = Jwt.issuer(credentials.clientEmail())
                .audience(credentials.tokenUri())
                .claim("scope", SCOPE)
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.plus(ASSERTION_LIFETIME).getEpochSecond())
                .jws().keyId(credentials.privateKeyId()).algorithm(SignatureAlgorithm.RS256)
                .sign(credentials.privateKey());
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8) + "&assertion="
                + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        HttpResponse<String> response = post(HttpRequest.newBuilder(URI.create(credentials.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "the OAuth2 token endpoint");
        if (response.statusCode() / 100 != 2) {
            // A refused service account is a configuration matter: retried, so that fixing it delivers.
            throw new PushDeliveryException(PushDeliveryException.Verdict.RETRY,
                    "OAuth2 token endpoint answered " + response.statusCode(), null, null);
        }
        try {
            JsonNode token = json.readTree(response.body());
            long expiresIn = token.path("expires_in").asLong(3600);
            accessToken = new AccessToken(token.get("access_token").asText(),
                    now.plusSeconds(expiresIn).minus(EXPIRY_MARGIN));
            return accessToken.value();
        } catch (IOException | NullPointerException e) {
            throw new PushDeliveryException(PushDeliveryException.Verdict.RETRY,
                    "OAuth2 token endpoint answered an unreadable token", null, null);
        }
    }

    private synchronized void forgetAccessToken(String value) {
        if (accessToken != null && accessToken.value().equals(value)) {
            accessToken = null;
        }
    }

    private HttpResponse<String> post(HttpRequest.Builder request, String what) {
        try {
            return http.send(request.timeout(config.timeout()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PushDeliveryException(PushDeliveryException.Verdict.RETRY, what + " unreachable", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushDeliveryException(PushDeliveryException.Verdict.RETRY, "interrupted while calling " + what,
                    null, e);
        }
    }

    /** {@code error.details[].errorCode} of FCM's error body ({@code FcmError}), if any. */
    private String errorCode(String body) {
        try {
            for (JsonNode detail : json.readTree(body).path("error").path("details")) {
                if (detail.hasNonNull("errorCode")) {
                    return detail.get("errorCode").asText();
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
