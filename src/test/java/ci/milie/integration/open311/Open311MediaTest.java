package ci.milie.integration.open311;

import static ci.milie.integration.open311.Open311Fixture.BASE;
import static ci.milie.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ci.milie.support.SampleFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * {@code media_url}: fetched under the webhooks' guard and the attachments' limits, and kept as the
 * citizen's file; a refused one refuses the whole submission, which then creates nothing.
 */
@QuarkusTest
class Open311MediaTest {

    private static final byte[] PNG = SampleFiles.png(java.awt.Color.ORANGE);
    /** One byte more than the attachments' default maximum (10M). */
    private static final int OVERSIZED = 10 * 1024 * 1024 + 1;

    private static HttpServer partner;
    private static String base;

    @BeforeAll
    static void startThePartnersFileServer() throws IOException {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/photo.png", exchange -> send(exchange, "image/png", PNG));
        partner.createContext("/page.html", exchange -> send(exchange, "text/html", "<html>bonjour</html>".getBytes()));
        partner.createContext("/huge.png", exchange -> {
            byte[] huge = new byte[OVERSIZED];
            System.arraycopy(PNG, 0, huge, 0, PNG.length);
            send(exchange, "image/png", huge);
        });
        partner.start();
        base = "http://127.0.0.1:" + partner.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        partner.stop(0);
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void aPictureNamedByUrlIsKeptAsTheCitizensFileAndShownToReaders() {
        Open311Fixture fixture = Open311Fixture.create();
        String code = fixture.complaint(fixture.submitKey).formParam("media_url", base + "/photo.png")
                .post(BASE + "requests.json").then().statusCode(201).extract().path("[0].service_request_id");
        String id = fixture.idOf(code);

        as(fixture.setting.osepToken()).get("/api/v1/requests/" + id + "/attachments").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].fileName", equalTo("photo.png"))
                .body("items[0].contentType", equalTo("image/png"))
                .body("items[0].uploadedBy", equalTo("citizen"));
        String mediaUrl = given().queryParam("api_key", fixture.osepKey).get(BASE + "requests/" + code + ".json").then()
                .statusCode(200).body("[0].media_url", startsWith("http")).extract().path("[0].media_url");
        byte[] stored = as(fixture.setting.osepToken()).get(mediaUrl.substring(mediaUrl.indexOf("/api/v1/"))).then()
                .statusCode(200).extract().asByteArray();
        assertArrayEquals(PNG, stored);
    }

    @Test
    void aPrivateAddressIsRefusedAndNothingIsFiled() {
        Open311Fixture fixture = Open311Fixture.create();
        for (String url : new String[] { "https://10.0.0.1/photo.png", "http://169.254.169.254/latest/meta-data",
                "https://[::1]/photo.png", "file:///etc/passwd" }) {
            refused(fixture, url).body("[0].description", startsWith("media_url: "));
        }
        nothingFiled(fixture);
    }

    @Test
    void anOversizedOrWronglyTypedFileIsRefusedAndNothingIsFiled() {
        Open311Fixture fixture = Open311Fixture.create();
        refused(fixture, base + "/huge.png")
                .body("[0].description", equalTo("media_url: is larger than the largest file Miliê accepts"));
        refused(fixture, base + "/page.html")
                .body("[0].description", equalTo("media_url: is not a JPEG, PNG or PDF file"));
        refused(fixture, base + "/missing.png")
                .body("[0].description", startsWith("media_url: could not be fetched"));
        nothingFiled(fixture);
    }

    private static ValidatableResponse refused(Open311Fixture fixture, String url) {
        return fixture.complaint(fixture.submitKey).header("Accept-Language", "en").formParam("media_url", url)
                .post(BASE + "requests.json").then().statusCode(400).body("[0].code", equalTo(400));
    }

    private static void nothingFiled(Open311Fixture fixture) {
        given().queryParam("api_key", fixture.osepKey).queryParam("service_code", fixture.setting.categoryCode())
                .get(BASE + "requests.json").then().statusCode(200).body("$", empty());
    }
}
