package ci.milie.channel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLDecoder;
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

    /** Far more than a report takes: the rest is not read. */
    private static final int MAX_BYTES = 4096;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == SmsReceipt.class && mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    @Override
    public SmsReceipt readFrom(Class<SmsReceipt> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        String body = new String(entityStream.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.putIfAbsent(name, value);
        }
        return new SmsReceipt(fields.get("id"), fields.get("status"), fields.get("phoneNumber"), fields.get("networkCode"),
                fields.get("failureReason"), integer(fields.get("retryCount")));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
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
