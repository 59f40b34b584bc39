package ci.milie.request;

import static ci.milie.request.AttachmentResourceTest.PDF;
import static ci.milie.request.AttachmentResourceTest.PNG;
import static ci.milie.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.common.Secrets;
import ci.milie.request.AttachmentResourceTest.Submitted;
import ci.milie.request.FileTypes.FileType;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** With milie.attachments.directory set, the bytes live in files under random names, not in the database. */
@QuarkusTest
@TestProfile(AttachmentDirectoryProfile.class)
class AttachmentDirectoryStorageTest {

    @Inject
    AttachmentStorage storage;

    @Inject
    AttachmentRepository attachments;

    @Test
    void anUploadIsWrittenToTheDirectoryUnderARandomNameAndReadBack() throws IOException {
        Submitted request = Submitted.complaint(Setting.create(true));
        Set<Path> before = files();

        String id = request.withKey().multiPart("file", "guichet.png", PNG, "image/png").post(request.attachments())
                .then().statusCode(201).extract().path("items[0].id");

        Set<Path> added = files();
        added.removeAll(before);
        assertEquals(1, added.size());
        Path file = added.iterator().next();
        assertTrue(file.getFileName().toString().matches("[0-9a-f-]{36}"), "stored under a random name: " + file);
        assertArrayEquals(PNG, Files.readAllBytes(file));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        QuarkusTransaction.requiringNew().run(() -> {
            Attachment stored = attachments.findById(UUID.fromString(id));
            assertNull(stored.content());
            assertEquals(file.getFileName().toString(), stored.storagePath());
        });

        byte[] back = request.withKey().get(request.attachments() + "/" + id).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertArrayEquals(PNG, back);
    }

    @Test
    void aFileWrittenInATransactionThatRollsBackIsDeleted() throws IOException {
        Set<Path> before = files();
        Attachment attachment = new Attachment(UUID.randomUUID(), FileType.PDF, "courrier.pdf", PDF.length,
                Secrets.sha256(PDF), "agent", Instant.now());

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            storage.write(attachment, PDF);
            assertTrue(Files.exists(AttachmentDirectoryProfile.directory().resolve(attachment.storagePath())));
            throw new IllegalStateException("the database refused the row");
        }));

        assertEquals(before, files());
        assertFalse(Files.exists(AttachmentDirectoryProfile.directory().resolve(attachment.storagePath())));
    }

    @Test
    void theFilesOfAnErasedRequestLeaveTheDirectory() throws IOException {
        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(Setting.create(true).categoryCode(), uniqueEmail("pj")));
        Set<Path> before = files();
        RestAssured.given().header("X-Access-Key", receipt.getString("accessKey"))
                .multiPart("file", "guichet.png", PNG, "image/png").multiPart("file", "courrier.pdf", PDF, "application/pdf")
                .post("/api/v1/requests/" + receipt.getString("id") + "/attachments").then().statusCode(201);
        assertEquals(before.size() + 2, files().size());

        RestAssured.given().header("X-Access-Key", receipt.getString("accessKey"))
                .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/privacy/erasure").then().statusCode(200)
                .body("filesDeleted", equalTo(2));

        assertEquals(before, files());
    }

    @Test
    void aFileIsDeletedOnlyWhenTheTransactionThatDeletesItCommits() {
        Attachment attachment = new Attachment(UUID.randomUUID(), FileType.PDF, "courrier.pdf", PDF.length,
                Secrets.sha256(PDF), "agent", Instant.now());
        QuarkusTransaction.requiringNew().run(() -> storage.write(attachment, PDF));
        Path file = AttachmentDirectoryProfile.directory().resolve(attachment.storagePath());

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            storage.deleteAfterCommit(attachment.storagePath());
            throw new IllegalStateException("the erasure failed");
        }));
        assertTrue(Files.exists(file), "kept: its row is still there");

        QuarkusTransaction.requiringNew().run(() -> storage.deleteAfterCommit(attachment.storagePath()));
        assertFalse(Files.exists(file));
    }

    @Test
    void aStoragePathLeadingOutOfTheDirectoryIsNeverRead() {
        Attachment attachment = new Attachment(UUID.randomUUID(), FileType.PDF, "passwd.pdf", 1, "0", "agent",
                Instant.now());
        attachment.storedAt("../../../../etc/passwd");

        assertThrows(IllegalStateException.class, () -> storage.read(attachment));
    }

    private static Set<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(AttachmentDirectoryProfile.directory())) {
            return files.collect(Collectors.toSet());
        }
    }
}
