package ci.milie.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ci.milie.common.ContractOperations.Operation;
import ci.milie.common.ContractOperations.Parameter;
import ci.milie.common.HostileInputs.RawJson;

/**
 * Builds the calls of the contract fuzz test: for an operation, a call that would be valid (real
 * ids, a token of a role the operation admits, a body from its schema), then one mutation of
 * it — a field, a parameter, a header, the token, the body's syntax or its content type.
 */
final class FuzzCalls {

    /** What a call was changed in; the report counts answers per kind. */
    enum Mutation {
        NONE, BODY_FIELD, BODY_DROPPED_FIELD, BODY_EXTRA_FIELD, BODY_INVALID_JSON, BODY_INVALID_UTF8, BODY_DEEPLY_NESTED,
        BODY_WRONG_ROOT, CONTENT_TYPE, QUERY_PARAMETER, QUERY_UNKNOWN, PATH_PARAMETER, AUTHORIZATION, HEADER, MULTIPART
    }

    /** One HTTP call, described enough to be replayed by hand from the report. */
    record Call(String operation, Mutation mutation, String method, String target, List<Map.Entry<String, String>> headers,
            byte[] body) {

        String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(abbreviate(target, 300));
            for (Map.Entry<String, String> header : headers) {
                text.append("\n  ").append(header.getKey()).append(": ").append(abbreviate(header.getValue(), 80));
            }
            if (body != null) {
                text.append("\n  body (").append(body.length).append(" bytes): ")
                        .append(abbreviate(escape(new String(body, StandardCharsets.UTF_8)), 300));
            }
            return text.toString();
        }
    }

    /**
     * The data and the callers the calls use. Lists of ids are never empty; answers and files are
     * listed by request (the same index as in requestIds), null where the request has none.
     */
    record World(Map<String, List<String>> tokens, String administrationId, String categoryCode, String categoryId,
            List<String> requestIds, List<String> trackingCodes, List<String> accessKeys, List<String> answerIds,
            List<String> attachmentIds, List<String> administrationTargets, List<String> categoryTargets,
            List<String> staffTargets, List<String> slaPolicyTargets, List<String> holidayTargets, String staffEmail,
            String staffPassword, String citizenEmail) {
    }

    private static final List<String> ALL_ROLES = List.of("sysadmin", "osep", "supervisor", "operator", "agent", "citizen");

    private final ContractOperations contract;
    private final World world;
    private final HostileInputs inputs;

    FuzzCalls(ContractOperations contract, World world, HostileInputs inputs) {
        this.contract = contract;
        this.world = world;
        this.inputs = inputs;
    }

    Call next(Operation operation) {
        // One request of the world per call, so that its id, tracking code, key, answer and file agree.
        int subject = subject(operation);
        String jsonMedia = operation.bodies().keySet().stream().filter(m -> m.contains("json")).findFirst().orElse(null);
        boolean multipart = operation.bodies().keySet().stream().anyMatch(m -> m.startsWith("multipart/"));
        Mutation mutation = chooseMutation(operation, jsonMedia != null, multipart);

        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Parameter parameter : operation.in("path")) {
            pathValues.put(parameter.name(), HostileInputs.percentEncode(validPathValue(operation, parameter.name(), subject)));
        }
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            Object value = parameter.required() || inputs.chance(0.5) ? validValue(parameter.name(), parameter.schema(), subject, 0) : null;
            if (value != null) {
                query.add(Map.entry(parameter.name(), String.valueOf(value)));
            }
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String token = validToken(operation);
        if (token != null) {
            headers.add(Map.entry("Authorization", "Bearer " + token));
        }
        for (Parameter parameter : operation.in("header")) {
            if (parameter.name().equalsIgnoreCase("X-Access-Key") && (token == null || inputs.chance(0.3))) {
                headers.add(Map.entry("X-Access-Key", world.accessKeys().get(subject)));
            } else if (parameter.name().equalsIgnoreCase("Idempotency-Key") && inputs.chance(0.5)) {
                headers.add(Map.entry("Idempotency-Key", java.util.UUID.randomUUID().toString()));
            }
        }
        Object body = jsonMedia == null ? null : validValue("", operation.bodies().get(jsonMedia), subject, 0);
        String contentType = jsonMedia != null ? "application/json" : null;
        byte[] bytes = null;

        switch (mutation) {
            case BODY_FIELD -> body = replaceSomewhere(body, inputs.anyValue());
            case BODY_DROPPED_FIELD -> dropSomewhere(body);
            case BODY_EXTRA_FIELD -> body = addField(body);
            case BODY_WRONG_ROOT -> body = inputs.chance(0.5) ? inputs.wrongType() : inputs.text();
            case BODY_DEEPLY_NESTED -> body = replaceSomewhere(body, inputs.deeplyNested());
            case BODY_INVALID_JSON -> bytes = invalidJson(body);
            case BODY_INVALID_UTF8 -> bytes = invalidUtf8(body);
            case CONTENT_TYPE -> contentType = inputs.contentType();
            case QUERY_PARAMETER -> mutateQuery(operation, query);
            case QUERY_UNKNOWN -> query.add(Map.entry(inputs.chance(0.5) ? inputs.fieldName() : "limit", inputs.text()));
            case PATH_PARAMETER -> {
                String name = inputs.pick(new ArrayList<>(pathValues.keySet()));
                pathValues.put(name, inputs.chance(0.3) ? java.util.UUID.randomUUID().toString() : inputs.pathSegment());
            }
            case AUTHORIZATION -> mutateAuthorization(operation, headers);
            case HEADER -> mutateHeader(headers);
            case MULTIPART -> {
                Multipart part = malformedMultipart();
                bytes = part.body();
                contentType = part.contentType();
            }
            case NONE -> {
            }
        }
        if (multipart && mutation != Mutation.MULTIPART) {
            Multipart part = wellFormedMultipart();
            bytes = part.body();
            contentType = mutation == Mutation.CONTENT_TYPE ? contentType : part.contentType();
        }
        if (bytes == null && jsonMedia != null) {
            bytes = HostileInputs.Utf8.bytes(json(body, inputs.chance(0.5)));
        }
        if (contentType != null && bytes != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder target = new StringBuilder(path);
        for (int i = 0; i < query.size(); i++) {
            target.append(i == 0 ? '?' : '&').append(HostileInputs.percentEncode(query.get(i).getKey())).append('=')
                    .append(HostileInputs.percentEncode(query.get(i).getValue()));
        }
        return new Call(operation.name(), mutation, operation.method(), target.toString(), headers, bytes);
    }

    /** A request of the world; one with an answer or a file when the path names one. */
    private int subject(Operation operation) {
        List<String> required = operation.path().contains("{answerId}") ? world.answerIds()
                : operation.path().contains("{attachmentId}") ? world.attachmentIds() : null;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < world.requestIds().size(); i++) {
            if (required == null || required.get(i) != null) {
                candidates.add(i);
            }
        }
        return inputs.pick(candidates);
    }

    private Mutation chooseMutation(Operation operation, boolean json, boolean multipart) {
        Map<Mutation, Integer> weights = new LinkedHashMap<>();
        weights.put(Mutation.NONE, 10);
        weights.put(Mutation.AUTHORIZATION, 8);
        weights.put(Mutation.HEADER, 8);
        weights.put(Mutation.QUERY_UNKNOWN, 3);
        if (json) {
            weights.put(Mutation.BODY_FIELD, 30);
            weights.put(Mutation.BODY_DROPPED_FIELD, 5);
            weights.put(Mutation.BODY_EXTRA_FIELD, 5);
            weights.put(Mutation.BODY_INVALID_JSON, 6);
            weights.put(Mutation.BODY_INVALID_UTF8, 3);
            weights.put(Mutation.BODY_DEEPLY_NESTED, 3);
            weights.put(Mutation.BODY_WRONG_ROOT, 3);
        }
        if (json || multipart) {
            weights.put(Mutation.CONTENT_TYPE, 4);
        }
        if (multipart) {
            weights.put(Mutation.MULTIPART, 35);
        }
        if (!operation.in("query").isEmpty()) {
            weights.put(Mutation.QUERY_PARAMETER, json ? 12 : 40);
        }
        if (!operation.in("path").isEmpty()) {
            weights.put(Mutation.PATH_PARAMETER, 10);
        }
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int draw = inputs.random().nextInt(total);
        for (Map.Entry<Mutation, Integer> weight : weights.entrySet()) {
            draw -= weight.getValue();
            if (draw < 0) {
                return weight.getKey();
            }
        }
        return Mutation.NONE;
    }

    // --- valid values -----------------------------------------------------------------------

    private String validToken(Operation operation) {
        if (endsSessions(operation)) {
            return null;
        }
        if (operation.isPublic()) {
            return inputs.chance(0.25) ? inputs.pick(world.tokens().get("citizen")) : null;
        }
        String role = inputs.pick(new ArrayList<>(operation.roles()));
        List<String> tokens = world.tokens().get(role);
        return tokens == null ? inputs.pick(world.tokens().get("sysadmin")) : inputs.pick(tokens);
    }

    private String validPathValue(Operation operation, String name, int subject) {
        String path = operation.path();
        return switch (name) {
            case "answerId" -> world.answerIds().get(subject);
            case "attachmentId" -> world.attachmentIds().get(subject);
            case "trackingCode" -> world.trackingCodes().get(subject);
            case "date" -> inputs.pick(world.holidayTargets());
            default -> {
                if (path.startsWith("/api/v1/requests/")) {
                    yield world.requestIds().get(subject);
                } else if (path.startsWith("/api/v1/stats/administrations/")) {
                    yield world.administrationId();
                } else if (path.startsWith("/api/v1/administrations/")) {
                    yield inputs.pick(world.administrationTargets());
                } else if (path.startsWith("/api/v1/categories/")) {
                    yield inputs.pick(world.categoryTargets());
                } else if (path.startsWith("/api/v1/staff/")) {
                    yield inputs.pick(world.staffTargets());
                } else if (path.startsWith("/api/v1/sla-policies/")) {
                    yield inputs.pick(world.slaPolicyTargets());
                }
                yield java.util.UUID.randomUUID().toString();
            }
        };
    }

    /** A value the schema (and, for well-known names, the domain) accepts; null for "leave it out". */
    Object validValue(String name, JsonNode rawSchema, int subject, int depth) {
        JsonNode schema = contract.resolve(rawSchema);
        Object hinted = hint(name, subject);
        if (hinted != null) {
            return hinted == NOTHING ? null : hinted;
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            return inputs.pick(values);
        }
        List<String> types = ContractOperations.types(schema);
        String format = schema.path("format").asText("");
        if (types.contains("object") || schema.has("properties")) {
            Map<String, Object> object = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            schema.path("properties").fields().forEachRemaining(property -> {
                if (depth < 5 && (required.contains(property.getKey()) || inputs.chance(0.7))) {
                    Object value = validValue(property.getKey(), property.getValue(), subject, depth + 1);
                    if (value != null) {
                        object.put(property.getKey(), value);
                    }
                }
            });
            return object;
        }
        if (types.contains("array")) {
            List<Object> items = new ArrayList<>();
            int count = 1 + inputs.random().nextInt(2);
            for (int i = 0; i < count && depth < 5; i++) {
                Object item = validValue(name, schema.path("items"), subject, depth + 1);
                if (item != null && !items.contains(item)) {
                    items.add(item);
                }
            }
            return items;
        }
        if (types.contains("integer")) {
            long min = schema.path("minimum").asLong(1);
            long max = schema.path("maximum").asLong(Math.max(min, 5));
            return min + inputs.random().nextInt((int) Math.min(Math.max(max - min + 1, 1), 1000));
        }
        if (types.contains("number")) {
            return 1.5;
        }
        if (types.contains("boolean")) {
            return inputs.random().nextBoolean();
        }
        return switch (format) {
            case "uuid" -> world.requestIds().get(subject);
            case "date" -> "2026-03-02";
            case "date-time" -> "2026-03-02T08:00:00Z";
            default -> "Texte " + ci.milie.support.Api.unique("fuzz");
        };
    }

    private static final Object NOTHING = new Object();

    private Object hint(String name, int subject) {
        return switch (name) {
            case "administrationId", "defaultAdministrationId", "parentId" -> world.administrationId();
            case "categoryCode", "category", "parentCode" -> world.categoryCode();
            case "categoryId" -> world.categoryId();
            case "duplicateOf" -> world.requestIds().get((subject + 1) % world.requestIds().size());
            case "email" -> inputs.chance(0.5) ? world.staffEmail() : ci.milie.support.Api.uniqueEmail("fuzz");
            case "contactEmail" -> ci.milie.support.Api.uniqueEmail("fuzz");
            case "phone" -> "+22507" + String.format("%08d", inputs.random().nextInt(100_000_000));
            case "password" -> world.staffPassword();
            case "code" -> inputs.chance(0.5) ? String.format("%06d", inputs.random().nextInt(1_000_000))
                    : "F" + ci.milie.support.Api.unique("X").substring(2).toUpperCase();
            case "trackingCode" -> world.trackingCodes().get(subject);
            case "key" -> world.accessKeys().get(subject);
            case "from" -> "2026-01-01";
            case "to" -> "2026-03-31";
            case "dueBefore" -> "2026-12-31T00:00:00Z";
            case "date" -> String.format("%d-%02d-%02d", 2030 + inputs.random().nextInt(60), 1 + inputs.random().nextInt(12),
                    1 + inputs.random().nextInt(28));
            case "year" -> 2026;
            case "quarter" -> "2026-Q" + (1 + inputs.random().nextInt(4));
            case "region" -> "Abidjan";
            case "locality" -> "Yopougon";
            case "preferredLanguage", "lang", "language" -> inputs.chance(0.5) ? "fr" : "en";
            case "role" -> inputs.pick(List.of("osep", "supervisor", "operator"));
            case "latitude" -> 5.336;
            case "longitude" -> -4.087;
            case "rating", "clarity", "speed", "courtesy" -> 1 + inputs.random().nextInt(5);
            case "amount" -> 1 + inputs.random().nextInt(10);
            case "limit" -> 1 + inputs.random().nextInt(50);
            case "cursor", "version", "q", "search" -> NOTHING;
            case "refreshToken" -> "not-a-refresh-token-" + inputs.random().nextInt(1000);
            default -> null;
        };
    }

    // --- mutations ----------------------------------------------------------------------------

    private void mutateQuery(Operation operation, List<Map.Entry<String, String>> query) {
        Parameter parameter = inputs.pick(operation.in("query"));
        query.removeIf(entry -> entry.getKey().equals(parameter.name()));
        String value = switch (inputs.random().nextInt(4)) {
            case 0 -> inputs.number().text();
            case 1 -> inputs.date();
            default -> inputs.text();
        };
        query.add(Map.entry(parameter.name(), value));
        if (inputs.chance(0.1)) {
            query.add(Map.entry(parameter.name(), inputs.text()));
        }
    }

    /** Signing out ends the session of the token sent: the world's tokens are kept for the other calls. */
    private static boolean endsSessions(Operation operation) {
        return operation.path().endsWith("/auth/logout");
    }

    private void mutateAuthorization(Operation operation, List<Map.Entry<String, String>> headers) {
        headers.removeIf(header -> header.getKey().equals("Authorization"));
        switch (inputs.random().nextInt(endsSessions(operation) ? 3 : 4)) {
            case 0 -> {
                // no token at all
            }
            case 1 -> headers.add(Map.entry("Authorization", inputs.headerValue()));
            case 2 -> {
                String token = inputs.pick(world.tokens().get(inputs.pick(ALL_ROLES)));
                headers.add(Map.entry("Authorization", "Bearer " + tamper(token)));
            }
            default -> headers.add(Map.entry("Authorization", "Bearer " + inputs.pick(world.tokens().get(inputs.pick(ALL_ROLES)))));
        }
    }

    private String tamper(String token) {
        int at = inputs.random().nextInt(token.length());
        char replaced = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replaced + token.substring(at + 1);
    }

    private void mutateHeader(List<Map.Entry<String, String>> headers) {
        String name = inputs.pick(List.of("If-Match", "Idempotency-Key", "X-Access-Key", "Accept", "Accept-Language",
                "X-Request-Id", "X-Forwarded-For", "Origin"));
        headers.removeIf(header -> header.getKey().equalsIgnoreCase(name));
        String value = switch (name) {
            case "If-Match" -> inputs.chance(0.6) ? inputs.ifMatch() : inputs.headerValue();
            case "Accept" -> inputs.chance(0.7) ? inputs.accept() : inputs.headerValue();
            default -> inputs.headerValue();
        };
        headers.add(Map.entry(name, value));
    }

    /** Replaces one value somewhere in the tree (the root when it has no children). */
    @SuppressWarnings("unchecked")
    private Object replaceSomewhere(Object tree, Object replacement) {
        if (tree instanceof Map<?, ?> map && !map.isEmpty() && inputs.chance(0.85)) {
            Map<String, Object> object = (Map<String, Object>) map;
            String key = inputs.pick(new ArrayList<>(object.keySet()));
            object.put(key, replaceSomewhere(object.get(key), replacement));
            return object;
        }
        if (tree instanceof List<?> list && !list.isEmpty() && inputs.chance(0.85)) {
            List<Object> array = (List<Object>) list;
            int index = inputs.random().nextInt(array.size());
            array.set(index, replaceSomewhere(array.get(index), replacement));
            return array;
        }
        return replacement;
    }

    @SuppressWarnings("unchecked")
    private void dropSomewhere(Object tree) {
        if (tree instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, Object> object = (Map<String, Object>) map;
            String key = inputs.pick(new ArrayList<>(object.keySet()));
            if (inputs.chance(0.7) || !(object.get(key) instanceof Map<?, ?>)) {
                object.remove(key);
            } else {
                dropSomewhere(object.get(key));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Object addField(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(inputs.fieldName(), inputs.anyValue());
            return map;
        }
        return tree;
    }

    private byte[] invalidJson(Object body) {
        if (inputs.chance(0.4)) {
            String valid = json(body, false);
            return HostileInputs.Utf8.bytes(valid.substring(0, inputs.random().nextInt(Math.max(valid.length(), 1))));
        }
        return HostileInputs.Utf8.bytes(inputs.invalidJson());
    }

    /** A body whose JSON is well formed but whose bytes are not UTF-8 (a Latin-1 'é', a stray byte). */
    private byte[] invalidUtf8(Object body) {
        byte[] valid = HostileInputs.Utf8.bytes(json(body, false));
        byte[] stray = inputs.pick(List.of(new byte[] { (byte) 0xe9 }, new byte[] { (byte) 0xff }, new byte[] { (byte) 0xc3, 0x28 },
                new byte[] { (byte) 0xf0, (byte) 0x9f }, new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, new byte[] { 0 }));
        String text = new String(valid, StandardCharsets.ISO_8859_1);
        int quote = text.indexOf("\":\"");
        int at = quote < 0 ? inputs.random().nextInt(valid.length + 1) : quote + 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, at);
        out.writeBytes(stray);
        out.write(valid, at, valid.length - at);
        return out.toByteArray();
    }

    // --- multipart ----------------------------------------------------------------------------

    record Multipart(String contentType, byte[] body) {
    }

    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private Multipart wellFormedMultipart() {
        String boundary = "fuzz" + Long.toHexString(inputs.random().nextLong());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String fileName = inputs.chance(0.7) ? "photo.png" : inputs.text().replace("\"", "").replace("\r", "").replace("\n", "");
        byte[] content = switch (inputs.random().nextInt(4)) {
            case 0 -> "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            case 1 -> HostileInputs.Utf8.bytes(inputs.text());
            default -> PNG;
        };
        out.writeBytes(ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""));
        out.writeBytes(HostileInputs.Utf8.bytes(fileName));
        out.writeBytes(ascii("\"\r\nContent-Type: image/png\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(ascii("\r\n--" + boundary + "--\r\n"));
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private Multipart malformedMultipart() {
        String boundary = "fuzz" + Long.toHexString(inputs.random().nextLong());
        String type = "multipart/form-data; boundary=" + boundary;
        String open = "--" + boundary + "\r\n";
        String disposition = "Content-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n";
        String close = "\r\n--" + boundary + "--\r\n";
        String png = new String(PNG, StandardCharsets.ISO_8859_1);
        String body = switch (inputs.random().nextInt(10)) {
            case 0 -> open + disposition + png; // no closing boundary
            case 1 -> open + "Content-Disposition form-data name=file\r\n\r\n" + png + close; // a header without colon
            case 2 -> open + "Content-Disposition: form-data; name=\"file\"; filename=\"a\r\nb.png\"\r\n\r\n" + png + close;
            case 3 -> open + "\r\n" + png + close; // no Content-Disposition
            case 4 -> "--other\r\n" + disposition + png + "\r\n--other--\r\n"; // another boundary
            case 5 -> ""; // empty
            case 6 -> (open + disposition + png + "\r\n").repeat(40) + "--" + boundary + "--\r\n"; // too many files
            case 7 -> open + "Content-Disposition: form-data; name=\"" + inputs.text().replace("\"", "") + "\"\r\n\r\nx" + close;
            case 8 -> open + disposition.replace("photo.png", inputs.text().replace("\"", "")) + png + close;
            default -> open + "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''%ED%A0%80.png\r\n\r\n" + png + close;
        };
        if (inputs.chance(0.15)) {
            type = inputs.pick(List.of("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"",
                    "multipart/mixed; boundary=" + boundary, "multipart/form-data; boundary=" + "b".repeat(200)));
        }
        return new Multipart(type, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    // --- JSON text ------------------------------------------------------------------------------

    /** JSON text of a tree; non-ASCII characters escaped (\\uXXXX, lone surrogates too) or written as they are. */
    static String json(Object value, boolean escapeNonAscii) {
        StringBuilder out = new StringBuilder();
        write(value, escapeNonAscii, out);
        return out.toString();
    }

    private static void write(Object value, boolean escapeNonAscii, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof RawJson raw) {
            out.append(raw.text());
        } else if (value instanceof String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || (escapeNonAscii && c > 0x7e)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                write(String.valueOf(entry.getKey()), escapeNonAscii, out);
                out.append(':');
                write(entry.getValue(), escapeNonAscii, out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), escapeNonAscii, out);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff) || c == 0xfffd) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
