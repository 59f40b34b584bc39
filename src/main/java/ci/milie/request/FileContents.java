package ci.milie.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;

import ci.milie.request.FileTypes.FileType;

/**
 * Proves that a file is what its first bytes say, by parsing it: a whole PNG or JPEG that ends at
 * its end marker and decodes, a PDF that PDFBox opens; within bounds of pixels and pages; with
 * nothing of another format in it (markup, script, anything after the image's end, PDF actions or
 * attached files), since a browser or a careless viewer would take such a file for the other format.
 */
final class FileContents {

    /** Why a file is refused: its content is not valid, or too big once opened. */
    static final class Refused extends Exception {
        private final boolean tooComplex;

        private final String detailKey;
        private final transient Object[] detailArgs;

        /** @param detailKey the problem's detail ({@code INVALID_FILE.…} or {@code FILE_TOO_COMPLEX.…}) */
        Refused(boolean tooComplex, String detailKey, Object... detailArgs) {
            super(detailKey, null, false, false);
            this.tooComplex = tooComplex;
            this.detailKey = detailKey;
            this.detailArgs = detailArgs;
        }

        static Refused invalid(String detailKey, Object... detailArgs) {
            return new Refused(false, detailKey, detailArgs);
        }

        boolean tooComplex() {
            return tooComplex;
        }

        String detailKey() {
            return detailKey;
        }

        Object[] detailArgs() {
            return detailArgs.clone();
        }
    }

    /**
     * Lowercase openings of markup a browser or an interpreter would run, looked for anywhere and
     * followed by a space, '>' or '/': long enough that compressed pixels almost never hold one by
     * chance (about once in 10^5 photos of 3 MB).
     */
    private static final List<byte[]> MARKUP = List.of("<?php", "<script", "<html", "<!doctype", "<svg",
            "<iframe", "<body", "<head", "<object", "<embed", "<meta").stream()
            .map(marker -> marker.getBytes(StandardCharsets.US_ASCII)).toList();
    private static final String AFTER_MARKUP = " \t\n\r\f>/";

    /** The name that opens an XMP metadata segment (APP1) of a JPEG. */
    private static final byte[] XMP = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    /** Pixels an image is decoded into at most while it is checked, whatever its size. */
    private static final long DECODED_PIXELS = 1_000_000;

    /** PDF dictionary keys and action types that run something or carry another file. */
    private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.EF,
            COSName.EMBEDDED_FILES, COSName.getPDFName("RichMedia"), COSName.getPDFName("XFA"));
    private static final Set<COSName> ACTIVE_TYPES = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
            COSName.EMBEDDED_FILE, COSName.getPDFName("GoToE"), COSName.getPDFName("ImportData"),
            COSName.getPDFName("RichMedia"), COSName.getPDFName("Rendition"), COSName.getPDFName("SubmitForm"));

    private FileContents() {
    }

    /**
     * Checks a file and returns the bytes to keep: the file itself, or for a phone's motion photo
     * the still picture alone, without the video the camera appended after its end.
     */
    static byte[] check(byte[] content, FileType type, long maxPixels, int maxPages) throws Refused {
        // markup anywhere in what was sent, even in a video about to be dropped, refuses the file
        int markup = markupAt(content);
        if (markup >= 0) {
            throw Refused.invalid("INVALID_FILE.markup", markup);
        }
        byte[] kept = type == FileType.JPEG ? stillOf(content) : content;
        switch (type) {
            case PNG -> {
                pngChunks(kept);
                decodes(kept, "png", maxPixels, false);
            }
            case JPEG -> decodes(kept, "jpeg", maxPixels, true);
            case PDF -> pdf(kept, maxPages);
        }
        return kept;
    }

    /**
     * The JPEG up to its end marker. Bytes after it are refused (another format hiding behind a
     * picture), with one exception: Android's motion photos, a still followed by a short MP4 video,
     * which phones save as plain .jpg. When the picture's own XMP metadata declares a motion photo
     * and what follows is an MP4 (or Samsung's trailer before it), the video is dropped and the
     * picture kept: the citizen's photo is accepted, the other format never stored.
     */
    private static byte[] stillOf(byte[] content) throws Refused {
        int end = jpegSegments(content);
        if (end == content.length) {
            return content;
        }
        if (declaresMotionPhoto(content, end) && startsVideo(content, end)) {
            return Arrays.copyOf(content, end);
        }
        throw Refused.invalid("INVALID_FILE.jpeg-trailing", content.length - end);
    }

    /** An XMP segment (APP1) of the picture says MotionPhoto="1" or MicroVideo="1" (Google's names). */
    private static boolean declaresMotionPhoto(byte[] content, int end) {
        int at = 2;
        while (at + 4 <= end && (content[at] & 0xFF) == 0xFF) {
            int marker = content[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return false; // metadata comes before the picture's data
            }
            int length = ((content[at + 2] & 0xFF) << 8) | (content[at + 3] & 0xFF);
            if (marker == 0xE1 && length > XMP.length + 2 && Arrays.equals(content, at + 4, at + 4 + XMP.length, XMP, 0, XMP.length)) {
                String xmp = new String(content, at + 4 + XMP.length, length - 2 - XMP.length, StandardCharsets.UTF_8);
                if (xmp.matches("(?s).*(MotionPhoto|MicroVideo)\\s*=\\s*[\"']1[\"'].*")
                        || xmp.matches("(?s).*<[A-Za-z]+:(MotionPhoto|MicroVideo)>\\s*1\\s*</.*")) {
                    return true;
                }
            }
            at += 2 + length;
        }
        return false;
    }

    /** What follows the picture is an MP4 file (an ftyp box), possibly after Samsung's "MotionPhoto_Data" tag. */
    private static boolean startsVideo(byte[] content, int end) {
        byte[] samsung = "MotionPhoto_Data".getBytes(StandardCharsets.ISO_8859_1);
        int video = end;
        if (content.length - end >= samsung.length && Arrays.equals(content, end, end + samsung.length, samsung, 0, samsung.length)) {
            video = end + samsung.length;
        }
        return content.length - video >= 12 && content[video + 4] == 'f' && content[video + 5] == 't'
                && content[video + 6] == 'y' && content[video + 7] == 'p';
    }

    static int markupAt(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] != '<') {
                continue;
            }
            for (byte[] marker : MARKUP) {
                if (startsWithIgnoringCase(content, i, marker)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean startsWithIgnoringCase(byte[] content, int at, byte[] marker) {
        if (at + marker.length >= content.length || AFTER_MARKUP.indexOf(content[at + marker.length]) < 0) {
            return false;
        }
        for (int j = 0; j < marker.length; j++) {
            byte b = content[at + j];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != marker[j]) {
                return false;
            }
        }
        return true;
    }

    /** Walks the chunks, checking each CRC, to IEND, which must be the last bytes. */
    private static void pngChunks(byte[] content) throws Refused {
        int at = 8;
        while (true) {
            if (at + 12 > content.length) {
                throw Refused.invalid("INVALID_FILE.png-truncated");
            }
            long length = readInt(content, at) & 0xFFFFFFFFL;
            if (length > content.length - at - 12L) {
                throw Refused.invalid("INVALID_FILE.png-truncated");
            }
            CRC32 crc = new CRC32();
            crc.update(content, at + 4, 4 + (int) length);
            int end = at + 8 + (int) length;
            if ((int) crc.getValue() != readInt(content, end)) {
                throw Refused.invalid("INVALID_FILE.png-crc");
            }
            String chunk = new String(content, at + 4, 4, StandardCharsets.ISO_8859_1);
            at = end + 4;
            if (chunk.equals("IEND")) {
                break;
            }
        }
        if (at != content.length) {
            throw Refused.invalid("INVALID_FILE.png-trailing", content.length - at);
        }
    }

    /** Walks the segments and entropy-coded data to EOI (FFD9); the offset just after it. */
    private static int jpegSegments(byte[] content) throws Refused {
        int at = 2;
        while (true) {
            if (at + 2 > content.length) {
                throw Refused.invalid("INVALID_FILE.jpeg-truncated");
            }
            if ((content[at] & 0xFF) != 0xFF) {
                throw Refused.invalid("INVALID_FILE.jpeg-marker", at);
            }
            int marker = content[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte before a marker
                at++;
                continue;
            }
            if (marker == 0xD9) {
                at += 2;
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
                at += 2;
                continue;
            }
            if (at + 4 > content.length) {
                throw Refused.invalid("INVALID_FILE.jpeg-truncated");
            }
            int length = ((content[at + 2] & 0xFF) << 8) | (content[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > content.length) {
                throw Refused.invalid("INVALID_FILE.jpeg-truncated");
            }
            at += 2 + length;
            if (marker == 0xDA) { // start of scan: entropy-coded data up to the next marker
                while (at + 1 < content.length && !((content[at] & 0xFF) == 0xFF && isMarker(content[at + 1] & 0xFF))) {
                    at++;
                }
            }
        }
        return at;
    }

    /** In entropy-coded data, FF00 is a stuffed FF and FFD0-FFD7 restart markers: neither ends it. */
    private static boolean isMarker(int next) {
        return next != 0x00 && !(next >= 0xD0 && next <= 0xD7);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    /**
     * Reads the dimensions from the header first, refusing a pixel bomb before anything is
     * allocated, then decodes every row (subsampled, so memory stays small) to prove it is whole:
     * any warning of the decoder (a premature end, a corrupt stream) refuses the file.
     */
    private static void decodes(byte[] content, String format, long maxPixels, boolean raster) throws Refused {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw Refused.invalid("INVALID_FILE.no-pixels");
            }
            if (width * height > maxPixels) {
                throw new Refused(true, "FILE_TOO_COMPLEX.pixels", width, height, maxPixels);
            }
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS)));
            param.setSourceSubsampling(step, step, 0, 0);
            // a JPEG as a raster: CMYK scans decode too, where a BufferedImage has no colour model for them
            if (raster) {
                reader.readRaster(0, param);
            } else {
                reader.read(0, param);
            }
            if (!warnings.isEmpty()) {
                throw Refused.invalid("INVALID_FILE.image-damaged");
            }
        } catch (IOException | RuntimeException e) {
            throw Refused.invalid("INVALID_FILE.image-undecodable");
        } finally {
            reader.dispose();
        }
    }

    /**
     * Opens the PDF with PDFBox, in at most four times the file's size of memory, and refuses one that
     * is truncated (no {@code %%EOF} at its end), locked, without pages or with too many, or that
     * runs or carries something (JavaScript, launch and other actions, attached files).
     */
    private static void pdf(byte[] content, int maxPages) throws Refused {
        if (!endsWithEof(content)) {
            throw Refused.invalid("INVALID_FILE.pdf-truncated");
        }
        try (PDDocument document = Loader.loadPDF(content, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(Math.max(content.length, 1) * 4L).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages < 1) {
                throw Refused.invalid("INVALID_FILE.pdf-no-page");
            }
            if (pages > maxPages) {
                throw new Refused(true, "FILE_TOO_COMPLEX.pages", pages, maxPages);
            }
            // every object, not only those reachable from the pages: a viewer may follow any of them
            for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
                COSObject object = document.getDocument().getObjectFromPool(key);
                if (object != null && active(object.getObject(), 0)) {
                    throw Refused.invalid("INVALID_FILE.pdf-active");
                }
            }
            if (active(document.getDocument().getTrailer(), 0)) {
                throw Refused.invalid("INVALID_FILE.pdf-active");
            }
        } catch (IOException | RuntimeException e) {
            throw Refused.invalid("INVALID_FILE.pdf-unreadable");
        }
    }

    /** This object, or a dictionary written inside it (references are objects checked on their own). */
    private static boolean active(COSBase base, int depth) throws Refused {
        if (depth > 64) {
            throw Refused.invalid("INVALID_FILE.pdf-nesting");
        }
        if (base instanceof COSDictionary dictionary) {
            for (COSName key : ACTIVE_KEYS) {
                if (dictionary.containsKey(key)) {
                    return true;
                }
            }
            if (isOneOf(dictionary.getItem(COSName.S), ACTIVE_TYPES) || isOneOf(dictionary.getItem(COSName.TYPE), ACTIVE_TYPES)) {
                return true;
            }
            for (COSBase value : dictionary.getValues()) {
                if (active(value, depth + 1)) {
                    return true;
                }
            }
        } else if (base instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (active(array.get(i), depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOneOf(COSBase value, Set<COSName> names) {
        return value instanceof COSName name && names.contains(name);
    }

    /** The last {@code %%EOF}, followed by nothing but line ends and spaces. */
    private static boolean endsWithEof(byte[] content) {
        int end = content.length;
        while (end > 0 && (content[end - 1] == '\n' || content[end - 1] == '\r' || content[end - 1] == ' '
                || content[end - 1] == '\t' || content[end - 1] == 0)) {
            end--;
        }
        byte[] eof = "%%EOF".getBytes(StandardCharsets.US_ASCII);
        if (end < eof.length) {
            return false;
        }
        return new String(content, end - eof.length, eof.length, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT)
                .equals("%%eof");
    }
}
