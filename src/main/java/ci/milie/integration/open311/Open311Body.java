package ci.milie.integration.open311;

import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a GeoReport v2 document in the format asked for. JSON is the records as Jackson writes
 * them; XML is the same tree, element for element, with the specification's names for the root
 * and for the items of each list ({@code <services><service>…}), a null as an empty element, and
 * the XML declaration naming UTF-8, as the specification requires.
 */
@ApplicationScoped
class Open311Body {

    /** The element name of one item of each list, by the list's name. */
    private static final Map<String, String> ITEMS = Map.of(
            "services", "service",
            "service_requests", "request",
            "errors", "error",
            "endpoints", "endpoint",
            "formats", "format",
            "attributes", "attribute",
            "values", "value");

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ObjectMapper json;

    Open311Body(ObjectMapper json) {
        this.json = json;
    }

    /** A response of this status whose document is {@code root} in XML (a list's name, or an object's). */
    Response response(int status, Open311Format format, String root, Object document) {
        return Response.status(status).type(format.mediaType()).entity(write(format, root, document)).build();
    }

    String write(Open311Format format, String root, Object document) {
        JsonNode tree = json.valueToTree(document);
        if (format == Open311Format.JSON) {
            return tree.toString();
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, tree);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an Open311 document", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, JsonNode node) throws XMLStreamException {
        if (node == null || node.isNull()) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (node.isArray()) {
            String item = ITEMS.get(name);
            if (item == null) {
                throw new IllegalStateException("no item name for the list " + name);
            }
            for (JsonNode child : node) {
                element(xml, item, child);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                element(xml, field.getKey(), field.getValue());
            }
        } else {
            xml.writeCharacters(xmlText(node.asText()));
        }
        xml.writeEndElement();
    }

    /**
     * The text with every character XML 1.0 cannot hold replaced by U+FFFD. The API refuses control
     * characters (common/CleanText) but not U+FFFE and U+FFFF, which are valid Unicode in JSON and
     * would leave the XML ill-formed: a reader could not parse the document at all.
     */
    static String xmlText(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)));
            if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
                allowed = true;
            }
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(allowed ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }
}
