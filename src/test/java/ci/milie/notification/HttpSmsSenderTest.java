package ci.milie.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** Against a real HTTP server on loopback standing in for the SMS gateway. */
class HttpSmsSenderTest {

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int status = 202;
    private volatile String answer = "";
    private HttpServer gateway;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private SmsSender sender(String token) {
        return sender(token, "/messageId");
    }

    private SmsSender sender(String token, String pointer) {
        String url = "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms";
        return new HttpSmsSender(new SmsConfig() {
            public Optional<String> gatewayUrl() {
                return Optional.of(url);
            }

            public Optional<String> gatewayToken() {
                return Optional.ofNullable(token);
            }

            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            public String messageIdPointer() {
                return pointer;
            }
        }, json);
    }

    @Test
    void postsTheNumberAndTheTextAsJson() throws IOException {
        sender("s3cret").send("+2250701020304", "Miliê : votre code est 123456");

        JsonNode sent = json.readTree(body.get());
        assertEquals("+2250701020304", sent.get("to").asText());
        assertEquals("Miliê : votre code est 123456", sent.get("text").asText());
        assertEquals("Bearer s3cret", authorization.get());
    }

    @Test
    void theIdTheGatewayGaveTheMessageIsReturnedForItsDeliveryReceipt() {
        answer = "{\"messageId\": \"gw-8812\"}";
        assertEquals("gw-8812", sender(null).send("+2250701020304", "x"));
    }

    @Test
    void theIdIsReadWhereTheAggregatorPutsIt() {
        answer = """
                {"SMSMessageData": {"Message": "Sent to 1/1 Total Cost: XOF 15", "Recipients": [{"statusCode": 101,
                 "number": "+2250701020304", "status": "Success", "cost": "XOF 15", "messageId": "ATXid_4f1c8e2b9d7a"}]}}""";
        assertEquals("ATXid_4f1c8e2b9d7a", sender(null, "/SMSMessageData/Recipients/0/messageId").send("+2250701020304", "x"));
    }

    @Test
    void aGatewayThatGivesNoIdStillSends() {
        answer = "queued";
        assertNull(sender(null).send("+2250701020304", "x"));
        answer = "{\"accepted\": true}";
        assertNull(sender(null).send("+2250701020304", "x"));
        answer = "";
        assertNull(sender(null).send("+2250701020304", "x"));
    }

    @Test
    void aRefusalFromTheGatewayIsAnError() {
        status = 500;
        assertThrows(SmsSender.SmsDeliveryException.class, () -> sender(null).send("+2250701020304", "x"));
    }

    @Test
    void anUnreachableGatewayIsAnError() {
        SmsSender sender = sender(null);
        gateway.stop(0);
        assertThrows(SmsSender.SmsDeliveryException.class, () -> sender.send("+2250701020304", "x"));
    }
}
