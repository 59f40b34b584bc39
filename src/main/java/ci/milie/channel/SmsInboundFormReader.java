package ci.milie.channel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/** Reads a received text message posted as a form (Africa's Talking's way), as {@link SmsReceiptFormReader} reads reports. */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class SmsInboundFormReader implements MessageBodyReader<SmsInbound> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == SmsInbound.class && mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    @Override
    public SmsInbound readFrom(Class<SmsInbound> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        Map<String, String> fields = SmsReceiptFormReader.fields(entityStream, mediaType);
        return new SmsInbound(fields.get("from"), fields.get("to"), fields.get("text"), fields.get("date"),
                fields.get("id"), fields.get("linkId"), fields.get("networkCode"));
    }
}
