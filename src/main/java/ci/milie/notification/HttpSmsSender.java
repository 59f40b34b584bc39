package ci.milie.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Posts {@code {"to", "text"}} as JSON to the configured SMS gateway, and reads the id it gave the
 * message from its JSON answer ({@code milie.sms.message-id-pointer}).
 */
public class HttpSmsSender implements SmsSender {

    private final URI gateway;
    private final SmsConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public HttpSmsSender(SmsConfig config, ObjectMapper json) {
        this.gateway = URI.create(config.gatewayUrl().orElseThrow());
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public String send(String to, String text) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(to, text)));
        config.gatewayToken().filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SmsDeliveryException("SMS gateway answered " + response.statusCode(), null);
            }
            return messageId(response.body());
        } catch (IOException e) {
            throw new SmsDeliveryException("SMS gateway unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException("interrupted while sending an SMS", e);
        }
    }

    /** The id at the configured pointer; null when the answer is not JSON or has none (the SMS was sent all the same). */
    private String messageId(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode id = json.readTree(answer).at(config.messageIdPointer());
            String value = id.isValueNode() ? id.asText().strip() : "";
            return value.isEmpty() || value.length() > OutboxMessage.MAX_PROVIDER_ID_LENGTH ? null : value;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String body(String to, String text) {
        try {
            return json.writeValueAsString(Map.of("to", to, "text", text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of two strings always serialises", e);
        }
    }
}
