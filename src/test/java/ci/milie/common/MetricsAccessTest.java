package ci.milie.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** In tests the allowed addresses are 127.0.0.1 and ::1 only; 127.0.0.2 stands for any other host. */
@QuarkusTest
class MetricsAccessTest {

    @Test
    void anAllowedAddressReadsTheMetrics() {
        given().get("http://127.0.0.1:" + RestAssured.port + "/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void anotherAddressIsRefusedWithAProblem() throws IOException {
        String response = getFrom127002("/q/metrics", null);

        assertTrue(response.startsWith("HTTP/1.1 403"), response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
        assertTrue(response.contains("\"code\":\"FORBIDDEN\""), response);
        assertFalse(response.contains("jvm_memory_used_bytes"), response);
    }

    @Test
    void pathsUnderTheMetricsAreRefusedToAnotherAddressToo() throws IOException {
        for (String path : new String[] { "/q/metrics/x", "/q/metrics/", "/q//metrics", "/q/./metrics", "/q/metrics/../metrics" }) {
            String response = getFrom127002(path, null);
            assertFalse(response.startsWith("HTTP/1.1 200"), path + ": " + response.substring(0, Math.min(300, response.length())));
            assertFalse(response.contains("jvm_memory_used_bytes"), path);
        }
        assertTrue(getFrom127002("/q/metrics/x", null).startsWith("HTTP/1.1 403"));
    }

    @Test
    void anotherAddressWithTheScrapeTokenReadsTheMetrics() throws IOException {
        String response = getFrom127002("/q/metrics", "Bearer test-scrape-token");

        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("jvm_memory_used_bytes"), response.substring(0, Math.min(500, response.length())));
    }

    @Test
    void aWrongTokenIsRefused() throws IOException {
        assertTrue(getFrom127002("/q/metrics", "Bearer test-scrape-tokem").startsWith("HTTP/1.1 403"));
    }

    @Test
    void otherPathsAreOpenToAnotherAddress() throws IOException {
        assertTrue(getFrom127002("/q/health/live", null).startsWith("HTTP/1.1 200"));
    }

    @Test
    void subnetsMatchAsWritten() {
        assertTrue(MetricsAccess.subnet("10.0.0.0/8").matches(new InetSocketAddress("10.20.30.40", 1)));
        assertFalse(MetricsAccess.subnet("10.0.0.0/8").matches(new InetSocketAddress("11.0.0.1", 1)));
        assertTrue(MetricsAccess.subnet("192.168.1.7").matches(new InetSocketAddress("192.168.1.7", 1)));
        assertFalse(MetricsAccess.subnet("::1/128").matches(new InetSocketAddress("127.0.0.1", 1)));
        assertEquals(true, MetricsAccess.subnet("::1/128").matches(new InetSocketAddress("::1", 1)));
    }

    /** A plain HTTP/1.1 GET sent from the loopback address 127.0.0.2 (REST Assured cannot choose its source). */
    private static String getFrom127002(String path, String authorization) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
