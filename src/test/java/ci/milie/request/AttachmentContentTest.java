package ci.milie.request;

import static ci.milie.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;

import ci.milie.request.AttachmentResourceTest.Submitted;
import ci.milie.support.Requests.Setting;
import ci.milie.support.SampleFiles;
import io.quarkus.test.junit.QuarkusTest;

/** Files are proven by parsing, not by their first bytes: polyglots, truncated files and bombs are refused. */
@QuarkusTest
class AttachmentContentTest {

    static final byte[] PNG = SampleFiles.png(Color.BLUE);
    static final byte[] JPEG = SampleFiles.jpeg(Color.RED);
    static final byte[] PDF = SampleFiles.pdf(2);

    /** The start of an MP4 file: its ftyp box, then a media data box. */
    private static final byte[] MP4 = concat(new byte[] { 0, 0, 0, 24 }, ascii("ftypmp42"), new byte[] { 0, 0, 0, 0 },
            ascii("mp42isom"), new byte[] { 0, 0, 0, 16 }, ascii("mdat"), new byte[8]);

    @Test
    void realFilesOfEachTypeAreAcceptedEvenLargePhotos() {
        Submitted request = Submitted.complaint(Setting.create(true));
        byte[] photo = SampleFiles.image("jpg", Color.GRAY, 4000, 3000);

        request.withKey()
                .multiPart("file", "guichet.png", PNG, "image/png")
                .multiPart("file", "file-d-attente.jpg", photo, "image/jpeg")
                .multiPart("file", "courrier.pdf", PDF, "application/pdf")
                .post(request.attachments()).then()
                .statusCode(201)
                .body("items.contentType", equalTo(List.of("image/png", "image/jpeg", "application/pdf")))
                .body("items.size", equalTo(List.of(PNG.length, photo.length, PDF.length)));
    }

    @Test
    void namesWithDoubleExtensionsAreStoredWithTheDetectedOneOnly() {
        Submitted request = Submitted.complaint(Setting.create(true));

        request.withKey()
                .multiPart("file", "evil.html.pdf", PDF, "text/html")
                .multiPart("file", "shell.php.png", PNG, "application/x-php")
                .multiPart("file", "photo.jpg.exe", JPEG, "application/octet-stream")
                .post(request.attachments()).then()
                .statusCode(201)
                .body("items.fileName", equalTo(List.of("evil-html.pdf", "shell-php.png", "photo-jpg-exe.jpg")));
    }

    @Test
    void polyglotsAreRefused() {
        Submitted request = Submitted.complaint(Setting.create(true));
        byte[] php = ascii("<?php system($_GET['c']); ?>\n");
        byte[] html = ascii("<html><script>alert(document.cookie)</script></html>\n");

        refused(request, "shell.png", concat(PNG, php), "INVALID_FILE", "markup");
        refused(request, "photo.jpg", concat(JPEG, html), "INVALID_FILE", "markup");
        refused(request, "page.pdf", concat(ascii("%PDF-1.4\n"), html, ascii("%%EOF\n")), "INVALID_FILE", "markup");
        // markup inside a well-formed image, in a text chunk that every decoder skips
        refused(request, "texte.png", withChunk(PNG, "tEXt", ascii("Comment\0<script>alert(1)</script>")),
                "INVALID_FILE", "markup");
        // any other format after the end marker (here the start of a ZIP archive)
        refused(request, "archive.png", concat(PNG, new byte[] { 'P', 'K', 3, 4 }), "INVALID_FILE", "after its end (IEND)");
        refused(request, "archive.jpg", concat(JPEG, new byte[] { 'P', 'K', 3, 4 }), "INVALID_FILE", "after its end (FFD9)");
        refused(request, "alerte.pdf", pdfOpeningWithJavaScript(), "INVALID_FILE", "script");
        request.withKey().get(request.attachments()).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aMotionPhotoIsKeptAsItsStillPictureWithoutTheVideo() {
        Submitted request = Submitted.complaint(Setting.create(true));
        byte[] still = motionPhotoStill();

        String id = request.withKey().multiPart("file", "PXL_20261129_motion.jpg", concat(still, MP4), "image/jpeg")
                .post(request.attachments()).then()
                .statusCode(201)
                .body("items[0].contentType", equalTo("image/jpeg"))
                .body("items[0].size", equalTo(still.length))
                .extract().path("items[0].id");

        byte[] stored = request.withKey().get(request.attachments() + "/" + id).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(still, stored);
    }

    @Test
    void aVideoAfterAPictureThatDoesNotDeclareAMotionPhotoIsRefusedAndSoIsAnythingElseAfterOneThatDoes() {
        Submitted request = Submitted.complaint(Setting.create(true));

        refused(request, "video.jpg", concat(JPEG, MP4), "INVALID_FILE", "after its end (FFD9)");
        refused(request, "motion.jpg", concat(motionPhotoStill(), new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0 }),
                "INVALID_FILE", "after its end (FFD9)");
        refused(request, "motion.jpg", concat(motionPhotoStill(), MP4, ascii("<?php system($_GET['c']); ?>\n")),
                "INVALID_FILE", "markup");
    }

    @Test
    void truncatedFilesAreRefused() {
        Submitted request = Submitted.complaint(Setting.create(true));
        byte[] photo = SampleFiles.image("jpg", Color.GRAY, 400, 300);

        refused(request, "coupe.png", Arrays.copyOf(PNG, PNG.length - 20), "INVALID_FILE", "truncated");
        refused(request, "coupe.jpg", Arrays.copyOf(photo, photo.length / 2), "INVALID_FILE", "truncated");
        refused(request, "coupe.pdf", Arrays.copyOf(PDF, PDF.length / 2), "INVALID_FILE", "truncated");
        // whole framing, damaged pixels: the end marker is back but the scan data is cut short
        byte[] patched = concat(Arrays.copyOf(photo, photo.length / 2), new byte[] { (byte) 0xFF, (byte) 0xD9 });
        refused(request, "recolle.jpg", patched, "INVALID_FILE", "image");
    }

    @Test
    void aPixelBombIsRefusedFromItsHeaderAndAPdfOfTooManyPagesToo() {
        Submitted request = Submitted.complaint(Setting.create(true));
        byte[] bomb = pixelBomb(30_000, 30_000);

        refused(request, "bombe.png", bomb, "FILE_TOO_COMPLEX", "30000×30000 pixels");
        refused(request, "pages.pdf", SampleFiles.pdf(101), "FILE_TOO_COMPLEX", "101 pages");
    }

    private static void refused(Submitted request, String name, byte[] content, String code, String detail) {
        assertProblem(request.withKey().header("Accept-Language", "en").multiPart("file", name, content, "application/octet-stream")
                .post(request.attachments()).then(), 415, code)
                .body("detail", containsString(detail));
    }

    /** A PNG that says 30000×30000 grey pixels and carries one compressed row: a few hundred bytes. */
    private static byte[] pixelBomb(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[width + 1]);
        deflater.finish();
        byte[] compressed = new byte[width];
        int length = deflater.deflate(compressed);
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(PNG, 8));
        out.writeBytes(chunk("IHDR", header.array()));
        out.writeBytes(chunk("IDAT", Arrays.copyOf(compressed, length)));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** The PNG with one more chunk right after its header (IHDR). */
    private static byte[] withChunk(byte[] png, String type, byte[] data) {
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        return concat(Arrays.copyOf(png, afterHeader), chunk(type, data), Arrays.copyOfRange(png, afterHeader, png.length));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeAndData = concat(ascii(type), data);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeAndData).putInt((int) crc.getValue())
                .array();
    }

    private static byte[] pdfOpeningWithJavaScript() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('bonjour')"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG whose XMP metadata says it is a motion photo, as Android cameras write it. */
    private static byte[] motionPhotoStill() {
        byte[] xmp = concat(ascii("http://ns.adobe.com/xap/1.0/\0"), ascii("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
                + "xmlns:GCamera=\"http://ns.google.com/photos/1.0/camera/\" GCamera:MotionPhoto=\"1\" "
                + "GCamera:MotionPhotoVersion=\"1\"/></rdf:RDF></x:xmpmeta>"));
        byte[] app1 = concat(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) ((xmp.length + 2) >> 8), (byte) (xmp.length + 2) }, xmp);
        return concat(Arrays.copyOf(JPEG, 2), app1, Arrays.copyOfRange(JPEG, 2, JPEG.length));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
