package ci.milie.channel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads a delivery report posted as a form (Africa's Talking's way). Fields it does not know are
 * ignored, as aggregators add some; a field given twice keeps its first value.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class SmsReceiptFormReader implements MessageBodyReader<SmsReceipt> {

    /** Far more than a report or a received message takes: the rest is not read. */
    private static final int MAX_BYTES = 16_384;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == SmsReceipt.class && mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    @Override
    public SmsReceipt readFrom(Class<SmsReceipt> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        Map<String, String> fields = fields(entityStream, mediaType);
        return new SmsReceipt(fields.get("id"), fields.get("status"), fields.get("phoneNumber"), fields.get("networkCode"),
                fields.get("failureReason"), integer(fields.get("retryCount")));
    }

    /**
     * The fields of a form an aggregator posted: unknown ones kept (callers read what they know),
     * the first of a repeated one. Percent-encoded in UTF-8 unless the content type names another charset.
     */
    static Map<String, String> fields(InputStream entityStream, MediaType mediaType) throws IOException {
        Charset charset = charset(mediaType);
        String body = new String(entityStream.readNBytes(MAX_BYTES), charset);
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8; // a charset Java does not know: UTF-8, what aggregators send
        }
    }

    private static String decode(String text, Charset charset) {
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException e) {
            return text; // a stray "%": kept as sent, validation judges it
        }
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
