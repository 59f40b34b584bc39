package ci.milie.request;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of file a request accepts, recognised by their first bytes (magic numbers). The
 * client's Content-Type and file name are never trusted: a script named {@code .pdf} is not a PDF.
 */
public final class FileTypes {

    /** An accepted kind of file: its media type, the extensions it is known by, its signature. */
    public enum FileType {
        JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
        PNG("image/png", List.of("png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),
        PDF("application/pdf", List.of("pdf"), new byte[] { '%', 'P', 'D', 'F', '-' });

        private final String mediaType;
        private final List<String> extensions;
        private final byte[] magic;

        FileType(String mediaType, List<String> extensions, byte[] magic) {
            this.mediaType = mediaType;
            this.extensions = extensions;
            this.magic = magic;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The usual extension, without the dot. */
        public String extension() {
            return extensions.get(0);
        }

        public boolean knownAs(String extension) {
            return extensions.contains(extension);
        }

        boolean startsWith(byte[] content) {
            return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
        }
    }

    /** The media types accepted, for documentation and error messages. */
    public static final String ACCEPTED = "JPEG, PNG or PDF";

    private FileTypes() {
    }

    /** The kind of file these bytes are, if one that is accepted. */
    public static Optional<FileType> detect(byte[] content) {
        return Arrays.stream(FileType.values()).filter(type -> type.startsWith(content)).findFirst();
    }
}
