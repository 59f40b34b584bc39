package ci.milie.integration.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The documents of Open311 GeoReport v2 as the specification defines them, written down here
 * independently of the code under test: each element's name, type and whether it is required, in
 * the specification's order, and the envelopes (a list's root and item elements). {@link #checkJson}
 * and {@link #checkXml} hold a response to it: no element missing or unknown, each of its type,
 * required ones non-empty, datetimes ISO-8601 without fractional seconds.
 */
final class GeoReportSpec {

    enum Type { STRING, URL, NUMBER, INTEGER, BOOLEAN, DATETIME, ENUM, LIST }

    record Field(String name, Type type, boolean required, Set<String> values, Doc of, String item) {
    }

    /** An object: its XML element name and its fields in order. */
    record Doc(String element, List<Field> fields) {
    }

    /** An envelope: an object document, or a list of one with its root element. */
    record Envelope(String root, Doc doc, boolean list) {
    }

    /** ISO-8601 with a zone, to the second (the specification's examples), no fraction. */
    static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");

    private static Field f(String name, Type type, boolean required) {
        return new Field(name, type, required, Set.of(), null, null);
    }

    private static Field oneOf(String name, boolean required, String... values) {
        return new Field(name, Type.ENUM, required, Set.of(values), null, null);
    }

    private static Field list(String name, boolean required, Doc of, String item) {
        return new Field(name, Type.LIST, required, Set.of(), of, item);
    }

    static final Doc ENDPOINT = new Doc("endpoint", List.of(f("specification", Type.URL, true), f("url", Type.URL, true),
            f("changeset", Type.DATETIME, true), oneOf("type", true, "production", "test"),
            list("formats", true, null, "format")));
    static final Doc DISCOVERY = new Doc("discovery", List.of(f("changeset", Type.DATETIME, true),
            f("contact", Type.STRING, false), f("key_service", Type.STRING, false), list("endpoints", true, ENDPOINT, "endpoint")));
    static final Doc SERVICE = new Doc("service", List.of(f("service_code", Type.STRING, true),
            f("service_name", Type.STRING, true), f("description", Type.STRING, false), f("metadata", Type.BOOLEAN, true),
            oneOf("type", true, "realtime", "batch", "blackbox"), f("keywords", Type.STRING, false),
            f("group", Type.STRING, false)));
    static final Doc VALUE = new Doc("value", List.of(f("key", Type.STRING, true), f("name", Type.STRING, true)));
    static final Doc ATTRIBUTE = new Doc("attribute", List.of(f("variable", Type.BOOLEAN, true), f("code", Type.STRING, true),
            oneOf("datatype", true, "string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"),
            f("required", Type.BOOLEAN, true), f("datatype_description", Type.STRING, false), f("order", Type.INTEGER, true),
            f("description", Type.STRING, true), list("values", false, VALUE, "value")));
    static final Doc SERVICE_DEFINITION = new Doc("service_definition", List.of(f("service_code", Type.STRING, true),
            list("attributes", true, ATTRIBUTE, "attribute")));
    static final Doc CREATED = new Doc("request", List.of(f("service_request_id", Type.STRING, true),
            f("service_notice", Type.STRING, false), f("account_id", Type.STRING, false)));
    static final Doc REQUEST = new Doc("request", List.of(f("service_request_id", Type.STRING, true),
            oneOf("status", true, "open", "closed"), f("status_notes", Type.STRING, false), f("service_name", Type.STRING, false),
            f("service_code", Type.STRING, true), f("description", Type.STRING, false),
            f("agency_responsible", Type.STRING, false), f("service_notice", Type.STRING, false),
            f("requested_datetime", Type.DATETIME, false), f("updated_datetime", Type.DATETIME, false),
            f("expected_datetime", Type.DATETIME, false), f("address", Type.STRING, false), f("address_id", Type.STRING, false),
            f("zipcode", Type.STRING, false), f("lat", Type.NUMBER, false), f("long", Type.NUMBER, false),
            f("media_url", Type.URL, false)));
    static final Doc TOKEN = new Doc("request", List.of(f("service_request_id", Type.STRING, true), f("token", Type.STRING, true)));
    static final Doc ERROR = new Doc("error", List.of(f("code", Type.INTEGER, true), f("description", Type.STRING, true)));

    static final Envelope DISCOVERY_DOC = new Envelope("discovery", DISCOVERY, false);
    static final Envelope SERVICES = new Envelope("services", SERVICE, true);
    static final Envelope DEFINITION = new Envelope("service_definition", SERVICE_DEFINITION, false);
    static final Envelope SUBMITTED = new Envelope("service_requests", CREATED, true);
    static final Envelope REQUESTS = new Envelope("service_requests", REQUEST, true);
    static final Envelope TOKENS = new Envelope("service_requests", TOKEN, true);
    static final Envelope ERRORS = new Envelope("errors", ERROR, true);

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoReportSpec() {
    }

    /** Checks a JSON body against the envelope; returns it parsed. */
    static JsonNode checkJson(Envelope envelope, String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        if (envelope.list()) {
            assertTrue(tree.isArray(), envelope.root() + " is a JSON array: " + body);
            tree.forEach(item -> checkJsonObject(envelope.doc(), item, envelope.root() + "[]"));
        } else {
            checkJsonObject(envelope.doc(), tree, envelope.root());
        }
        return tree;
    }

    private static void checkJsonObject(Doc doc, JsonNode node, String where) {
        assertTrue(node.isObject(), where + " is an object: " + node);
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertEquals(doc.fields().stream().map(Field::name).toList(), names, where + ": every element, in order, and no other");
        for (Field field : doc.fields()) {
            JsonNode value = node.get(field.name());
            String at = where + "." + field.name();
            if (value.isNull()) {
                assertFalse(field.required(), at + " is required");
                continue;
            }
            switch (field.type()) {
                case STRING -> assertTrue(value.isTextual() && (!field.required() || !value.asText().isBlank()), at + " is text: " + value);
                case URL -> assertTrue(value.isTextual() && value.asText().matches("https?://\\S+"), at + " is a URL: " + value);
                case NUMBER -> assertTrue(value.isNumber(), at + " is a number: " + value);
                case INTEGER -> assertTrue(value.isIntegralNumber(), at + " is an integer: " + value);
                case BOOLEAN -> assertTrue(value.isBoolean(), at + " is a boolean: " + value);
                case DATETIME -> assertTrue(value.isTextual() && DATETIME.matcher(value.asText()).matches(),
                        at + " is an ISO-8601 datetime without fractional seconds: " + value);
                case ENUM -> assertTrue(field.values().contains(value.asText()), at + " is one of " + field.values() + ": " + value);
                case LIST -> {
                    assertTrue(value.isArray(), at + " is an array: " + value);
                    for (JsonNode item : value) {
                        if (field.of() == null) {
                            assertTrue(item.isTextual(), at + "[] is text: " + item);
                        } else {
                            checkJsonObject(field.of(), item, at + "[]");
                        }
                    }
                }
                default -> fail("unknown type " + field.type());
            }
        }
    }

    /** Checks an XML body against the envelope; returns its root element. */
    static Element checkXml(Envelope envelope, String body) {
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
                "the XML declaration names UTF-8: " + body.substring(0, Math.min(60, body.length())));
        Element root;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + body, e);
        }
        assertEquals(envelope.root(), root.getTagName(), "the root element");
        if (envelope.list()) {
            for (Element item : children(root)) {
                assertEquals(envelope.doc().element(), item.getTagName(), "each item of " + envelope.root());
                checkXmlObject(envelope.doc(), item, envelope.root() + "/" + item.getTagName());
            }
        } else {
            checkXmlObject(envelope.doc(), root, envelope.root());
        }
        return root;
    }

    private static void checkXmlObject(Doc doc, Element element, String where) {
        List<Element> children = children(element);
        assertEquals(doc.fields().stream().map(Field::name).toList(), children.stream().map(Element::getTagName).toList(),
                where + ": every element, in order, and no other");
        for (int i = 0; i < children.size(); i++) {
            Field field = doc.fields().get(i);
            Element child = children.get(i);
            String at = where + "/" + field.name();
            String text = child.getTextContent();
            if (field.type() == Type.LIST) {
                for (Element item : children(child)) {
                    assertEquals(field.item(), item.getTagName(), "each item of " + at);
                    if (field.of() == null) {
                        assertTrue(children(item).isEmpty() && !item.getTextContent().isBlank(), at + "/" + field.item() + " is text");
                    } else {
                        checkXmlObject(field.of(), item, at + "/" + field.item());
                    }
                }
                continue;
            }
            assertTrue(children(child).isEmpty(), at + " holds text only");
            if (text.isEmpty()) {
                assertFalse(field.required(), at + " is required");
                continue;
            }
            switch (field.type()) {
                case STRING -> assertFalse(text.isBlank(), at + " is not blank");
                case URL -> assertTrue(text.matches("https?://\\S+"), at + " is a URL: " + text);
                case NUMBER -> assertTrue(text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?"), at + " is a number: " + text);
                case INTEGER -> assertTrue(text.matches("-?[0-9]+"), at + " is an integer: " + text);
                case BOOLEAN -> assertTrue(text.equals("true") || text.equals("false"), at + " is true or false: " + text);
                case DATETIME -> assertTrue(DATETIME.matcher(text).matches(), at + " is an ISO-8601 datetime without fractional seconds: " + text);
                case ENUM -> assertTrue(field.values().contains(text), at + " is one of " + field.values() + ": " + text);
                default -> fail("unknown type " + field.type());
            }
        }
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    /** The text of a child element, by name. */
    static String text(Element parent, String name) {
        for (Iterator<Element> it = children(parent).iterator(); it.hasNext();) {
            Element child = it.next();
            if (child.getTagName().equals(name)) {
                return child.getTextContent();
            }
        }
        throw new AssertionError("no element " + name + " in " + parent.getTagName());
    }
}
