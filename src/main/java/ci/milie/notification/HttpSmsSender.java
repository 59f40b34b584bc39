package ci.milie.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Posts {@code {"to", "text"}} as JSON to the configured SMS gateway. */
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
    public void send(String to, String text) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(to, text)));
        config.gatewayToken().filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new SmsDeliveryException("SMS gateway answered " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new SmsDeliveryException("SMS gateway unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException("interrupted while sending an SMS", e);
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
