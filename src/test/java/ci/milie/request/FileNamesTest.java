package ci.milie.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ci.milie.request.FileTypes.FileType;

/** What a file is, by its bytes, and the name it is shown under. */
class FileNamesTest {

    @Test
    void typesAreRecognisedByTheirFirstBytesOnly() {
        assertEquals(Optional.of(FileType.JPEG), FileTypes.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00 }));
        assertEquals(Optional.of(FileType.PNG), FileTypes.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }));
        assertEquals(Optional.of(FileType.PDF), FileTypes.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), FileTypes.detect("#!/bin/sh\n%PDF-".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), FileTypes.detect("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), FileTypes.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G' }));
        assertEquals(Optional.empty(), FileTypes.detect(new byte[0]));
    }

    @Test
    void pathsControlAndBidirectionalCharactersAreDropped() {
        assertEquals("passwd.pdf", FileNames.sanitise("../../etc/passwd.pdf", FileType.PDF));
        assertEquals("scan.pdf", FileNames.sanitise("C:\\Users\\awa\\scan.pdf", FileType.PDF));
        assertEquals("photoexe.jpg", FileNames.sanitise("photo\u202Eexe.jpg", FileType.JPEG));
        assertEquals("a_b.png", FileNames.sanitise("a\u0000\n:b.png", FileType.PNG));
        assertEquals("reçu.png", FileNames.sanitise("  .reçu.png. ", FileType.PNG));
        assertEquals("piece-jointe.pdf", FileNames.sanitise("", FileType.PDF));
        assertEquals("piece-jointe.png", FileNames.sanitise(null, FileType.PNG));
    }

    @Test
    void theNameEndsInAnExtensionOfTheRealType() {
        assertEquals("photo.JPEG", FileNames.sanitise("photo.JPEG", FileType.JPEG));
        assertEquals("scan-pdf.png", FileNames.sanitise("scan.pdf", FileType.PNG));
        assertEquals("evil-html.pdf", FileNames.sanitise("evil.html.pdf", FileType.PDF));
        assertEquals("shell-php.png", FileNames.sanitise("shell.php.png", FileType.PNG));
        assertEquals("Rapport v1-2.pdf", FileNames.sanitise("Rapport v1.2.pdf", FileType.PDF));
        assertEquals("facture.pdf", FileNames.sanitise("facture", FileType.PDF));
    }

    @Test
    void longNamesAreCutTo255CharactersKeepingTheExtensionAndWholeCharacters() {
        String name = FileNames.sanitise("😀".repeat(200) + ".png", FileType.PNG);
        assertTrue(name.length() <= 255, "length " + name.length());
        assertTrue(name.endsWith("😀.png"), name);
    }

    @Test
    void theDownloadNameIsEncodedForContentDisposition() {
        assertEquals("attachment; filename=\"re_u d_p_t.jpg\"; filename*=UTF-8''re%C3%A7u%20d%C3%A9p%C3%B4t.jpg",
                FileNames.attachmentDisposition("reçu dépôt.jpg"));
        assertEquals("attachment; filename=\"a_b_.pdf\"; filename*=UTF-8''a%22b%25.pdf",
                FileNames.attachmentDisposition("a\"b%.pdf"));
    }

    @Test
    void aNeutralNameKeepsOnlyTheUsualExtensionOfTheType() {
        assertEquals("piece-jointe.jpg", FileNames.neutral("CNI Awa Traoré.JPEG"));
        assertEquals("piece-jointe.pdf", FileNames.neutral("courrier.pdf"));
        assertEquals("piece-jointe.png", FileNames.neutral("scan.pdf.png"));
        assertEquals("piece-jointe", FileNames.neutral("Awa Traoré"));
        assertEquals("piece-jointe", FileNames.neutral("Awa.Traoré"));
        assertEquals("piece-jointe", FileNames.neutral(null));
    }
}
