package ci.milie.common;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import ci.milie.directory.DirectoryQueries;
import ci.milie.notification.OutboxRelay;
import ci.milie.request.AuthorizationMatrixTest;
import ci.milie.support.Api;
import ci.milie.support.CallerKind;
import ci.milie.support.ClientTokens;
import ci.milie.support.Codes;
import ci.milie.support.Outboxes;
import ci.milie.support.Requests;
import ci.milie.support.SampleFiles;
import ci.milie.support.SseClient;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the published contract × every kind of caller, against the matrix written by
 * hand from the product's roles: {@code src/test/resources/common/operation-matrix.csv} (its legend
 * sits next to it), never derived from the code.
 *
 * <p>The operations are read from the running contract ({@code /q/openapi}): an operation without
 * a row, or a row naming no operation, fails the build. Each cell makes a valid call, with real
 * objects and real signed-in callers, so that a validation error cannot stand in for an
 * authorization decision. Calls that change something act on objects made for that cell.
 *
 * <p>The endpoints of the request's lifecycle actions are checked status by status in
 * {@link AuthorizationMatrixTest}; their rows here say {@code request matrix}, and this test checks
 * that they are indeed exercised there.
 */
@QuarkusTest
class OperationMatrixTest {

    static final String MATRIX = "/common/operation-matrix.csv";
    static final String REQUEST_MATRIX = "/request/authorization-matrix.csv";
    static final String DELEGATED = "request matrix";
    static final Set<String> VALUES = Set.of("ok", "hidden", "401", "403", "404", DELEGATED);
    static final Map<Integer, String> CODES = Map.of(401, "UNAUTHENTICATED", 403, "FORBIDDEN", 404, "NOT_FOUND");
    static final Pattern OTP = Pattern.compile("\\b(\\d{6})\\b");
    static final String PASSWORD = "Matrix-Password-2026";
    static final String CITIZEN_PHONE = "+2250707080910";
    static final String CALLER_PHONE = "+2250701020304";
    static final byte[] PDF = SampleFiles.pdf(1);

    /** One row: an operation of the contract and what each kind of caller gets from it. */
    record Row(String operationId, String method, String path, Map<CallerKind, String> cells) {

        String operation() {
            return method + " " + path;
        }

        boolean delegated() {
            return cells.values().stream().anyMatch(DELEGATED::equals);
        }
    }

    record Cell(Row row, CallerKind who, String expected) {

        String name() {
            return row.operationId() + " (" + row.operation() + ") / " + who.column() + " -> " + expected;
        }
    }

    /**
     * What a call returned, and for a list whether the cell's object was among its items (null when
     * the operation is not a list of such objects).
     */
    record Outcome(Response response, Boolean listed) {

        static Outcome of(Response response) {
            return new Outcome(response, null);
        }
    }

    @FunctionalInterface
    interface Call {
        Outcome perform(CallerKind who, RequestSpecification spec);
    }

    /** A request answered by administration A: the object of the operations on one request. */
    record Answered(String id, String trackingCode, String key, String answerId, String attachmentId) {
    }

    /** An object made through the API: its id and the unique code (or e-mail) it was made with. */
    record Made(String id, String code) {
    }

    /** A signed-in caller: the account's id and e-mail, the token and when it was issued. */
    record Session(String id, String email, String token, Instant at) {
    }

    /**
     * What the cells share: administration A, where the requests are answered, and its category;
     * administration B, the agent elsewhere's; a holiday and an SLA policy to read; a staff account to
     * sign in with; the two answered requests (one submitted by the owner, one entered by the
     * operator from a call).
     */
    record World(String administrationA, String categoryA, UUID categoryAId, String administrationB, LocalDate holiday,
            String policyId, String loginEmail, Answered byOwner, Answered byOperator) {
    }

    private static World world;
    private static final Map<CallerKind, Session> sessions = new EnumMap<>(CallerKind.class);
    private static final Map<CallerKind, ClientTokens.Registered> clients = new EnumMap<>(CallerKind.class);
    /** The objects refused calls act on, by operation: refused calls change nothing, so they share one. */
    private static final Map<String, Object> targets = new HashMap<>();
    /** Whether the current cell expects its call to succeed, and so needs an object of its own. */
    private static boolean succeeds;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DirectoryQueries directory;

    // --- The matrix and the contract -----------------------------------------------------------

    static List<Row> load() {
        List<String> lines = lines(MATRIX);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> expectedHeader = new ArrayList<>(List.of("operationId", "method", "path"));
        Arrays.stream(CallerKind.values()).map(CallerKind::column).forEach(expectedHeader::add);
        assertEquals(expectedHeader, header, "the matrix's header");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            assertEquals(header.size(), values.length, "columns of the row " + line);
            Map<CallerKind, String> cells = new EnumMap<>(CallerKind.class);
            for (int i = 3; i < values.length; i++) {
                String value = values[i].strip();
                assertTrue(VALUES.contains(value), "cell value " + value + " in the row " + line);
                cells.put(CallerKind.ofColumn(header.get(i)), value);
            }
            Row row = new Row(values[0].strip(), values[1].strip(), values[2].strip(), cells);
            assertTrue(!row.delegated() || cells.values().stream().allMatch(DELEGATED::equals),
                    "a row left to the request matrix is left there for every caller: " + line);
            rows.add(row);
        }
        return rows;
    }

    private static List<String> lines(String resource) {
        InputStream in = OperationMatrixTest.class.getResourceAsStream(resource);
        assertNotNull(in, resource + " on the test classpath");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operations of the running contract: operationId to "METHOD path". */
    @SuppressWarnings("unchecked")
    static Map<String, String> contract() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, String> operations = new LinkedHashMap<>();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && op.get("operationId") instanceof String id) {
                operations.put(id, method.toUpperCase(Locale.ROOT) + " " + path);
            }
        }));
        return operations;
    }

    @Test
    void theMatrixHasExactlyOneRowForEveryOperationOfTheContract() {
        Map<String, String> contract = contract();
        assertTrue(contract.size() >= 50, "the contract lists the API's operations: " + contract.size());
        List<Row> rows = load();
        Set<String> seen = new LinkedHashSet<>();
        List<String> duplicated = rows.stream().map(Row::operationId).filter(id -> !seen.add(id)).toList();
        List<String> missing = contract.entrySet().stream().filter(op -> !seen.contains(op.getKey()))
                .map(op -> op.getKey() + " (" + op.getValue() + ")").toList();
        List<String> unknown = rows.stream().filter(row -> !contract.containsKey(row.operationId()))
                .map(row -> row.operationId() + " (" + row.operation() + ")").toList();
        List<String> moved = rows.stream()
                .filter(row -> contract.containsKey(row.operationId()) && !contract.get(row.operationId()).equals(row.operation()))
                .map(row -> row.operationId() + ": the matrix says " + row.operation() + ", the contract "
                        + contract.get(row.operationId()))
                .toList();
        assertAll(
                () -> assertEquals(List.of(), duplicated, "rows written twice"),
                () -> assertEquals(List.of(), missing, "operations of the contract without a row"),
                () -> assertEquals(List.of(), unknown, "rows for operations the contract does not have"),
                () -> assertEquals(List.of(), moved, "rows whose method or path is not the contract's"));
    }

    /**
     * A row left to the request matrix names an endpoint that the request matrix sends actions to,
     * and those actions have rows there, for the same kinds of caller.
     */
    @Test
    void everyOperationLeftToTheRequestMatrixIsExercisedThere() {
        List<String> requestMatrix = lines(REQUEST_MATRIX);
        List<String> header = List.of(requestMatrix.get(0).split(",", -1));
        List<String> columns = Arrays.stream(CallerKind.values()).map(CallerKind::column).toList();
        assertEquals(columns, header.subList(2, header.size()), "both matrices have the same kinds of caller");
        Set<String> actionsWithRows = new LinkedHashSet<>();
        requestMatrix.subList(1, requestMatrix.size()).forEach(line -> actionsWithRows.add(line.split(",")[1].strip()));
        List<Row> delegated = load().stream().filter(Row::delegated).toList();
        assertFalse(delegated.isEmpty(), "the matrix leaves the lifecycle's endpoints to the request matrix");
        assertAll(delegated.stream().map(row -> () -> {
            List<String> actions = AuthorizationMatrixTest.ENDPOINTS.entrySet().stream()
                    .filter(endpoint -> endpoint.getValue().equals(row.operation())).map(Map.Entry::getKey).sorted().toList();
            assertFalse(actions.isEmpty(), row.operationId() + " (" + row.operation() + ") is sent no action by the request matrix");
            assertTrue(actionsWithRows.containsAll(actions), row.operationId() + ": the request matrix has rows for " + actions);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheMatrixHoldsOverHttp() {
        return load().stream().filter(row -> !row.delegated())
                .flatMap(row -> row.cells().entrySet().stream().map(cell -> new Cell(row, cell.getKey(), cell.getValue())))
                .map(cell -> dynamicTest(cell.name(), () -> check(cell)));
    }

    private void check(Cell cell) {
        Call call = calls().get(cell.row().operationId());
        assertNotNull(call, cell.row().operationId() + " has a row but this test has no call for it");
        succeeds = cell.expected().equals("ok") || cell.expected().equals("hidden");
        Outcome outcome = call.perform(cell.who(), spec(cell.who()));
        Response response = outcome.response();
        if (!succeeds && response.statusCode() / 100 == 2) {
            targets.clear(); // a refused call went through: the object it acted on may have changed
        }
        switch (cell.expected()) {
            case "ok" -> assertAll(cell.name(),
                    () -> assertEquals(2, response.statusCode() / 100,
                            cell.name() + ": succeeds, got " + response.statusCode() + " " + response.asString()),
                    () -> assertTrue(outcome.listed() == null || outcome.listed(),
                            cell.name() + ": the list shows the object, got " + response.asString()));
            case "hidden" -> assertAll(cell.name(),
                    () -> assertNotNull(outcome.listed(), cell.name() + ": 'hidden' is for lists only"),
                    () -> assertEquals(2, response.statusCode() / 100,
                            cell.name() + ": succeeds, got " + response.statusCode() + " " + response.asString()),
                    () -> assertEquals(Boolean.FALSE, outcome.listed(),
                            cell.name() + ": the list leaves the object out, got " + response.asString()));
            default -> {
                int expected = Integer.parseInt(cell.expected());
                String contentType = String.valueOf(response.contentType());
                assertAll(cell.name(),
                        () -> assertEquals(expected, response.statusCode(),
                                cell.name() + ": refused with " + expected + ", got " + response.asString()),
                        () -> assertTrue(contentType.startsWith("application/problem+json"),
                                cell.name() + ": problem+json, got " + contentType),
                        () -> assertEquals(CODES.get(expected), problemCode(response), cell.name() + ": the problem's code"));
            }
        }
    }

    /**
     * A live stream never ends by itself: it is opened with the spec's headers, its status and first
     * bytes read, then closed (a refusal is read whole, as any other call's).
     */
    private static Outcome stream(RequestSpecification spec, String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        ((io.restassured.specification.FilterableRequestSpecification) spec).getHeaders()
                .forEach(header -> headers.put(header.getName(), header.getValue()));
        try (SseClient client = SseClient.open(path, headers)) {
            return Outcome.of(new io.restassured.builder.ResponseBuilder().setStatusCode(client.status())
                    .setContentType(client.header("Content-Type")).setBody(client.body()).build());
        }
    }

    private static String problemCode(Response response) {
        try {
            return response.jsonPath().getString("code");
        } catch (RuntimeException e) {
            return null;
        }
    }

    // --- The call of each operation ------------------------------------------------------------

    private Map<String, Call> calls() {
        World w = world();
        Map<String, Call> calls = new HashMap<>();
        String administrations = "/api/v1/administrations";
        calls.put("listAdministrations", (who, spec) -> Outcome.of(spec.get(administrations)));
        calls.put("createAdministration",
                (who, spec) -> Outcome.of(json(spec, administration(code("A"))).post(administrations)));
        calls.put("getAdministration",
                (who, spec) -> Outcome.of(spec.get(administrations + "/" + w.administrationA())));
        calls.put("updateAdministration", (who, spec) -> {
            Made made = target("updateAdministration", () -> {
                String code = code("A");
                return new Made(created(asSysadmin().body(administration(code)).post(administrations)), code);
            });
            Map<String, Object> body = administration(made.code());
            body.put("name", "Administration renommée " + made.code());
            return Outcome.of(json(spec, body).put(administrations + "/" + made.id()));
        });
        calls.put("deactivateAdministration", (who, spec) -> {
            String id = target("deactivateAdministration",
                    () -> created(asSysadmin().body(administration(code("A"))).post(administrations)));
            return Outcome.of(spec.delete(administrations + "/" + id));
        });

        calls.put("signIn", (who, spec) -> Outcome.of(json(spec, Map.of("email", w.loginEmail(), "password", PASSWORD))
                .post("/api/v1/auth/login")));
        calls.put("refreshTokens", (who, spec) -> Outcome.of(json(spec, Map.of("refreshToken", refreshToken()))
                .post("/api/v1/auth/refresh")));
        calls.put("signOut", (who, spec) -> {
            Outcome outcome = Outcome.of(json(spec, Map.of("refreshToken", refreshToken())).post("/api/v1/auth/logout"));
            // signing out ends the session of the token sent too: this caller signs in again, as the
            // same person, before the next cell
            sessions.computeIfPresent(who, (caller, ended) -> new Session(ended.id(), ended.email(), ended.token(), Instant.EPOCH));
            return outcome;
        });
        calls.put("sendSignInCode", (who, spec) -> Outcome.of(json(spec, Map.of("email", uniqueEmail("otp")))
                .post("/api/v1/auth/otp")));
        calls.put("signInWithCode", (who, spec) -> {
            String email = uniqueEmail("otp");
            return Outcome.of(json(spec, Map.of("email", email, "code", oneTimeCode(email))).post("/api/v1/auth/otp/verify"));
        });

        String categories = "/api/v1/categories";
        calls.put("listCategories", (who, spec) -> Outcome.of(spec.get(categories)));
        calls.put("createCategory",
                (who, spec) -> Outcome.of(json(spec, category(code("C"), w.administrationA())).post(categories)));
        calls.put("getCategory", (who, spec) -> Outcome.of(spec.get(categories + "/" + w.categoryAId())));
        calls.put("updateCategory", (who, spec) -> {
            Made made = target("updateCategory", () -> {
                String code = code("C");
                return new Made(created(asSysadmin().body(category(code, w.administrationA())).post(categories)), code);
            });
            Map<String, Object> body = category(made.code(), w.administrationA());
            body.put("labelFr", "Catégorie renommée " + made.code());
            return Outcome.of(json(spec, body).put(categories + "/" + made.id()));
        });
        calls.put("deactivateCategory", (who, spec) -> {
            String id = target("deactivateCategory",
                    () -> created(asSysadmin().body(category(code("C"), w.administrationA())).post(categories)));
            return Outcome.of(spec.delete(categories + "/" + id));
        });

        String holidays = "/api/v1/holidays";
        calls.put("listHolidays",
                (who, spec) -> Outcome.of(spec.queryParam("year", w.holiday().getYear()).get(holidays)));
        calls.put("createHoliday", (who, spec) -> Outcome.of(json(spec, holiday(freeDay())).post(holidays)));
        calls.put("getHoliday", (who, spec) -> Outcome.of(spec.get(holidays + "/" + w.holiday())));
        calls.put("deleteHoliday", (who, spec) -> Outcome.of(spec.delete(holidays + "/"
                + target("deleteHoliday", this::newHoliday))));

        calls.put("getMe", (who, spec) -> Outcome.of(spec.get("/api/v1/me")));
        calls.put("updateMe", (who, spec) -> Outcome.of(json(spec, Map.of("fullName", "Awa Traoré", "preferredLanguage", "fr"))
                .put("/api/v1/me")));
        // A citizen claims a request filed without an account with the e-mail they signed in with.
        calls.put("claimRequest", (who, spec) -> {
            Session citizen = session(who);
            String email = citizen == null ? uniqueEmail("claim") : citizen.email();
            JsonPath receipt = Requests.submitAnonymously(Requests.complaint(w.categoryA(), email));
            return Outcome.of(json(spec, Map.of("trackingCode", receipt.getString("trackingCode"),
                    "accessKey", receipt.getString("accessKey"))).post("/api/v1/me/requests/claims"));
        });
        calls.put("listMyRequests",
                (who, spec) -> listing(spec.queryParam("limit", 200).get("/api/v1/me/requests"), w.byOwner().id()));
        calls.put("sendMyPrivacyCode", (who, spec) -> Outcome.of(json(spec, Map.of()).post("/api/v1/me/privacy/code")));
        calls.put("exportMyData", (who, spec) -> {
            String code = "000000";
            if (who == CallerKind.OWNER || who == CallerKind.OTHER_CITIZEN) {
                Session citizen = session(who);
                as(citizen.token()).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/me/privacy/code").then().statusCode(202);
                code = Codes.privacyCodeMailedTo(mailbox, relay, citizen.email());
            }
            return Outcome.of(json(spec, Map.of("code", code)).post("/api/v1/me/privacy/export"));
        });
        calls.put("exportCallerData", (who, spec) -> {
            String email = uniqueEmail("caller");
            String code = "000000";
            if (who == CallerKind.OSEP) {
                as(session(who).token()).contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/privacy/codes")
                        .then().statusCode(202);
                code = Codes.privacyCodeMailedTo(mailbox, relay, email);
            }
            return Outcome.of(json(spec, Map.of("email", email, "code", code)).post("/api/v1/privacy/exports"));
        });
        calls.put("listPrivacyActs", (who, spec) -> Outcome.of(spec.get("/api/v1/privacy/acts")));
        calls.put("sendCallerPrivacyCode", (who, spec) -> Outcome.of(json(spec, Map.of("email", uniqueEmail("caller")))
                .post("/api/v1/privacy/codes")));
        // Erasures that succeed erase someone made for the cell, never the shared world's callers or requests.
        calls.put("eraseMyData", (who, spec) -> {
            if (!succeeds) {
                return Outcome.of(json(spec, Map.of("code", "123456")).post("/api/v1/me/privacy/erasure"));
            }
            String email = uniqueEmail("erased");
            String token = anonymous().body(Map.of("email", email, "code", oneTimeCode(email)))
                    .post("/api/v1/auth/otp/verify").then().statusCode(200).extract().path("accessToken");
            as(token).body(Map.of()).post("/api/v1/me/privacy/code").then().statusCode(202);
            return Outcome.of(as(token).body(Map.of("code", privacyCode(email))).post("/api/v1/me/privacy/erasure"));
        });
        calls.put("eraseCallerData", (who, spec) -> {
            String email = uniqueEmail("caller");
            if (!succeeds) {
                return Outcome.of(json(spec, Map.of("email", email, "code", "123456")).post("/api/v1/privacy/erasures"));
            }
            Requests.submitAnonymously(Requests.complaint(w.categoryA(), email));
            as(session(CallerKind.OSEP).token()).body(Map.of("email", email)).post("/api/v1/privacy/codes").then().statusCode(202);
            return Outcome.of(json(spec, Map.of("email", email, "code", privacyCode(email))).post("/api/v1/privacy/erasures"));
        });
        calls.put("eraseTrackedRequestData", (who, spec) -> {
            if (!succeeds) {
                return Outcome.of(spec.post("/api/v1/tracking/" + answered(who).trackingCode() + "/privacy/erasure"));
            }
            JsonPath receipt = Requests.submitAnonymously(Requests.complaint(w.categoryA(), uniqueEmail("erased")));
            return Outcome.of(RestAssured.given().header("X-Access-Key", receipt.getString("accessKey"))
                    .post("/api/v1/tracking/" + receipt.getString("trackingCode") + "/privacy/erasure"));
        });
        // Push devices: each cell registers a token of its own (a token is one owner's at a time).
        calls.put("registerMyDevice", (who, spec) -> Outcome.of(json(spec, device()).post("/api/v1/me/devices")));
        calls.put("unregisterMyDevice", (who, spec) -> Outcome.of(spec.delete("/api/v1/me/devices/" + deviceToken())));
        calls.put("registerTrackedRequestDevice", (who, spec) -> Outcome.of(json(spec, device())
                .post("/api/v1/tracking/" + answered(who).trackingCode() + "/devices")));
        calls.put("unregisterTrackedRequestDevice", (who, spec) -> Outcome.of(
                spec.delete("/api/v1/tracking/" + answered(who).trackingCode() + "/devices/" + deviceToken())));
        // Webhooks: a sysadmin's successful calls act on a subscription of their own; refused calls share one,
        // another client's, which the integration clients' columns may not see.
        String webhooks = "/api/v1/integrations/webhooks";
        Map<String, Object> webhookBody = Map.of("url", "https://93.184.216.34/milie", "eventTypes", List.of("ROUTED"),
                "active", true);
        java.util.function.Supplier<String> webhook = () -> succeeds ? webhook(webhookBody)
                : (String) targets.computeIfAbsent("webhook", key -> webhook(webhookBody));
        calls.put("createWebhook", (who, spec) -> Outcome.of(json(spec, webhookBody).post(webhooks)));
        calls.put("listWebhooks", (who, spec) -> Outcome.of(spec.get(webhooks)));
        calls.put("getWebhook", (who, spec) -> Outcome.of(spec.get(webhooks + "/" + webhook.get())));
        calls.put("updateWebhook", (who, spec) -> Outcome.of(json(spec, webhookBody).put(webhooks + "/" + webhook.get())));
        calls.put("deleteWebhook", (who, spec) -> Outcome.of(spec.delete(webhooks + "/" + webhook.get())));
        calls.put("rotateWebhookSecret", (who, spec) -> Outcome.of(spec.post(webhooks + "/" + webhook.get() + "/secrets")));
        calls.put("listWebhookDeliveries", (who, spec) -> Outcome.of(spec.get(webhooks + "/" + webhook.get() + "/deliveries")));
        calls.put("replayWebhookDelivery", (who, spec) -> Outcome.of(spec.post(webhooks + "/" + webhook.get()
                + "/deliveries/" + UUID.randomUUID() + "/replay")));
        calls.put("replayWebhookEvents", (who, spec) -> Outcome.of(json(spec, Map.of("from", "2026-01-01T00:00:00Z",
                "to", "2026-01-02T00:00:00Z")).post(webhooks + "/" + webhook.get() + "/replays")));
        calls.put("getPublicStats", (who, spec) -> Outcome.of(spec.get("/api/v1/public/stats")));
        calls.put("getReferenceData", (who, spec) -> Outcome.of(spec.get("/api/v1/reference")));

        String requests = "/api/v1/requests";
        calls.put("listWorkQueue", (who, spec) -> {
            Answered request = answered(who);
            String phone = request == w.byOwner() ? CITIZEN_PHONE : CALLER_PHONE;
            return listing(spec.queryParam("trackingCode", request.trackingCode()).queryParam("phone", phone).get(requests),
                    request.id());
        });
        calls.put("submitRequest", (who, spec) -> Outcome.of(json(spec, who.isOperator()
                ? phoneCall(w.categoryA()) : complaint(w.categoryA())).post(requests)));
        calls.put("trackRequest",
                (who, spec) -> Outcome.of(spec.get("/api/v1/tracking/" + answered(who).trackingCode())));
        calls.put("exportTrackedRequestData", (who, spec) -> Outcome.of(
                spec.post("/api/v1/tracking/" + answered(who).trackingCode() + "/privacy/export")));
        calls.put("streamWorkQueue", (who, spec) -> stream(spec, requests + "/stream"));
        calls.put("streamMyRequests", (who, spec) -> stream(spec, "/api/v1/me/requests/stream"));
        calls.put("streamTrackedRequest",
                (who, spec) -> stream(spec, "/api/v1/tracking/" + answered(who).trackingCode() + "/events/stream"));
        // Citizens and key holders ask for the stream of their request; staff and the sysadmin (the kinds from OPERATOR on) for their work queue's.
        calls.put("createStreamTicket", (who, spec) -> Outcome.of(json(spec, who.ordinal() >= CallerKind.OPERATOR.ordinal()
                ? Map.of("stream", "STAFF") : Map.of("stream", "TRACKING", "trackingCode", answered(who).trackingCode()))
                .post("/api/v1/stream-tickets")));
        calls.put("getRequest", (who, spec) -> Outcome.of(spec.get(requests + "/" + answered(who).id())));
        calls.put("listRequestEvents", (who, spec) -> Outcome.of(spec.get(requests + "/" + answered(who).id() + "/events")));
        calls.put("getAnswer", (who, spec) -> Outcome.of(
                spec.get(requests + "/" + answered(who).id() + "/answers/" + answered(who).answerId())));
        calls.put("listAttachments",
                (who, spec) -> Outcome.of(spec.get(requests + "/" + answered(who).id() + "/attachments")));
        calls.put("downloadAttachment", (who, spec) -> Outcome.of(
                spec.get(requests + "/" + answered(who).id() + "/attachments/" + answered(who).attachmentId())));

        String policies = "/api/v1/sla-policies";
        calls.put("listSlaPolicies", (who, spec) -> Outcome.of(spec.get(policies)));
        calls.put("createSlaPolicy",
                (who, spec) -> Outcome.of(json(spec, policy(target("createSlaPolicy", () -> newCategoryId(w))))
                        .post(policies)));
        calls.put("getSlaPolicy", (who, spec) -> Outcome.of(spec.get(policies + "/" + w.policyId())));
        calls.put("updateSlaPolicy", (who, spec) -> {
            String id = target("updateSlaPolicy", () -> newPolicy(w));
            Map<String, Object> body = policy(null);
            body.remove("requestType");
            body.remove("categoryId");
            return Outcome.of(json(spec, body).put(policies + "/" + id));
        });
        calls.put("deleteSlaPolicy", (who, spec) -> Outcome.of(spec.delete(policies + "/"
                + target("deleteSlaPolicy", () -> newPolicy(w)))));

        String staff = "/api/v1/staff";
        calls.put("listStaff", (who, spec) -> Outcome.of(spec.get(staff)));
        calls.put("createStaff", (who, spec) -> Outcome.of(json(spec, staffAccount(uniqueEmail("staff"))).post(staff)));
        calls.put("getStaff", (who, spec) -> Outcome.of(spec.get(staff + "/" + session(CallerKind.OPERATOR).id())));
        calls.put("updateStaff", (who, spec) -> {
            Made made = target("updateStaff", () -> {
                String email = uniqueEmail("staff");
                return new Made(created(asSysadmin().body(staffAccount(email)).post(staff)), email);
            });
            Map<String, Object> body = staffAccount(made.code());
            body.remove("password");
            body.put("fullName", "Compte renommé");
            return Outcome.of(json(spec, body).put(staff + "/" + made.id()));
        });
        calls.put("deactivateStaff", (who, spec) -> {
            String id = target("deactivateStaff",
                    () -> created(asSysadmin().body(staffAccount(uniqueEmail("staff"))).post(staff)));
            return Outcome.of(spec.delete(staff + "/" + id));
        });

        String clients = "/api/v1/integrations/clients";
        calls.put("listIntegrationClients", (who, spec) -> Outcome.of(spec.get(clients)));
        calls.put("createIntegrationClient", (who, spec) -> Outcome.of(json(spec, integrationClient()).post(clients)));
        calls.put("getIntegrationClient", (who, spec) -> Outcome.of(spec.get(clients + "/"
                + target("getIntegrationClient", OperationMatrixTest::newIntegrationClient).getString("client.id"))));
        calls.put("updateIntegrationClient", (who, spec) -> Outcome.of(json(spec, integrationClient()).put(clients + "/"
                + target("updateIntegrationClient", OperationMatrixTest::newIntegrationClient).getString("client.id"))));
        calls.put("deactivateIntegrationClient", (who, spec) -> Outcome.of(spec.delete(clients + "/"
                + target("deactivateIntegrationClient", OperationMatrixTest::newIntegrationClient).getString("client.id"))));
        calls.put("rotateIntegrationClientSecret", (who, spec) -> Outcome.of(spec.post(clients + "/"
                + target("rotateIntegrationClientSecret", OperationMatrixTest::newIntegrationClient).getString("client.id")
                + "/secrets")));
        // Anyone may ask; only a client's own credentials (here in the body) get a token.
        calls.put("issueClientToken", (who, spec) -> {
            JsonPath client = target("issueClientToken", OperationMatrixTest::newIntegrationClient);
            return Outcome.of(spec.contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                    .formParam("client_id", client.getString("client.id"))
                    .formParam("client_secret", client.getString("secret.clientSecret")).post("/api/v1/auth/token"));
        });

        // An aggregator's callback: its shared secret authenticates it, no token does (nor stands in for it).
        calls.put("answerUssd", (who, spec) -> Outcome.of(spec.contentType(ContentType.URLENC)
                .formParam("sessionId", "matrix").formParam("phoneNumber", CALLER_PHONE).formParam("text", "")
                .post("/api/v1/channels/ussd")));
        calls.put("recordSmsReceipt", (who, spec) -> Outcome.of(spec.contentType(ContentType.URLENC)
                .formParam("id", "matrix").formParam("status", "Success").post("/api/v1/channels/sms/receipts")));
        calls.put("receiveSms", (who, spec) -> Outcome.of(spec.contentType(ContentType.URLENC)
                .formParam("id", "matrix").formParam("from", CALLER_PHONE).formParam("text", "AIDE")
                .post("/api/v1/channels/sms/inbound")));

        // Statistics of administration A: the agent in charge works there, the agent elsewhere does not.
        Map<String, String> figures = Map.of("getStatsOverview", "overview",
                "getAdministrationStats", "administrations", "getCategoryStats", "categories",
                "getTimeSeries", "timeseries");
        figures.forEach((operationId, path) -> calls.put(operationId, (who, spec) -> Outcome.of(
                spec.queryParam("administrationId", w.administrationA()).get("/api/v1/stats/" + path))));
        calls.put("getQuarterlyReport", (who, spec) -> Outcome.of(
                spec.get("/api/v1/stats/administrations/" + w.administrationA() + "/quarterly")));
        // Open311 authenticates by api_key alone (bearer tokens play no part): every caller gets the same answers.
        String open311 = "/api/v1/open311/v2/";
        calls.put("discoverOpen311", (who, spec) -> Outcome.of(spec.get(open311 + "discovery.json")));
        calls.put("listOpen311Services", (who, spec) -> Outcome.of(spec.get(open311 + "services.xml")));
        calls.put("describeOpen311Service", (who, spec) -> Outcome.of(spec.get(open311 + "services/" + w.categoryA() + ".json")));
        calls.put("submitOpen311Request", (who, spec) -> {
            JsonPath client = target("submitOpen311Request", OperationMatrixTest::newSubmittingClient);
            return Outcome.of(spec.contentType(ContentType.URLENC).formParam("api_key", client.getString("secret.clientSecret"))
                    .formParam("service_code", w.categoryA()).formParam("description", "Une plainte venue d'Open311.")
                    .formParam("email", uniqueEmail("open311")).post(open311 + "requests.json"));
        });
        calls.put("listOpen311Requests", (who, spec) -> Outcome.of(spec.queryParam("service_request_id",
                answered(who).trackingCode()).get(open311 + "requests.json")));
        calls.put("getOpen311Request", (who, spec) -> Outcome.of(spec.get(open311 + "requests/" + answered(who).trackingCode() + ".xml")));
        calls.put("getOpen311Token", (who, spec) -> Outcome.of(spec.get(open311 + "tokens/" + answered(who).id() + ".json")));
        return calls;
    }

    private static JsonPath newSubmittingClient() {
        Map<String, Object> body = integrationClient();
        body.put("permissions", List.of("SUBMIT"));
        Response response = Api.asSysadmin().body(body).post("/api/v1/integrations/clients");
        assertEquals(201, response.statusCode(), "created: " + response.asString());
        return response.jsonPath();
    }

    /**
     * The object a call changes: made for the cell when it expects to succeed, shared by the
     * operation's refused calls otherwise.
     */
    @SuppressWarnings("unchecked")
    private static <T> T target(String operationId, java.util.function.Supplier<T> make) {
        return succeeds ? make.get() : (T) targets.computeIfAbsent(operationId, id -> make.get());
    }

    /** The answered request a caller acts on: the operator who entered one acts on his, everyone else on the owner's. */
    private Answered answered(CallerKind who) {
        return who == CallerKind.OPERATOR_WHO_ENTERED ? world().byOperator() : world().byOwner();
    }

    private static Outcome listing(Response response, String id) {
        if (response.statusCode() / 100 != 2) {
            return new Outcome(response, null);
        }
        List<String> ids = response.jsonPath().getList("items.id", String.class);
        return new Outcome(response, ids != null && ids.contains(id));
    }

    private static String deviceToken() {
        return "matrix" + UUID.randomUUID().toString().replace("-", "") + ":APA91b";
    }

    private static Map<String, Object> device() {
        return Map.of("token", deviceToken(), "platform", "ANDROID", "appVersion", "2.4.0", "language", "fr");
    }

    private static RequestSpecification json(RequestSpecification spec, Map<String, Object> body) {
        return spec.contentType(ContentType.JSON).body(body);
    }

    private static Map<String, Object> integrationClient() {
        return new HashMap<>(Map.of("name", code("Client "), "contactEmail", uniqueEmail("dsi"), "permissions",
                List.of("STATS_READ")));
    }

    private static JsonPath newIntegrationClient() {
        Response response = Api.asSysadmin().body(integrationClient()).post("/api/v1/integrations/clients");
        assertEquals(201, response.statusCode(), "created: " + response.asString());
        return response.jsonPath();
    }

    private static String created(Response response) {
        assertEquals(201, response.statusCode(), "created: " + response.asString());
        return response.jsonPath().getString("id");
    }

    private static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static Map<String, Object> administration(String code) {
        return new HashMap<>(Map.of("code", code, "name", "Administration " + code, "kind", "AGENCY",
                "contactEmail", "contact@" + code.toLowerCase(Locale.ROOT) + ".gouv.ci", "answerReviewRequired", true));
    }

    private static Map<String, Object> category(String code, String administrationId) {
        return new HashMap<>(Map.of("code", code, "labelFr", "Catégorie " + code, "labelEn", "Category " + code,
                "applicableTypes", List.of("COMPLAINT", "SUGGESTION", "OBSERVATION"), "defaultAdministrationId", administrationId));
    }

    private static Map<String, Object> holiday(LocalDate day) {
        return Map.of("date", day.toString(), "nameFr", "Jour férié d'essai", "nameEn", "Test holiday");
    }

    private static Map<String, Object> policy(UUID categoryId) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestType", "COMPLAINT");
        body.put("categoryId", categoryId == null ? null : categoryId.toString());
        body.put("triage", Map.of("amount", 4, "unit", "WORKING_HOURS"));
        body.put("acknowledgement", Map.of("amount", 1, "unit", "WORKING_DAYS"));
        body.put("answer", Map.of("amount", 5, "unit", "WORKING_DAYS"));
        return body;
    }

    private static Map<String, Object> staffAccount(String email) {
        return new HashMap<>(Map.of("email", email, "fullName", "Compte d'essai", "role", "supervisor", "password", PASSWORD));
    }

    private static Map<String, Object> complaint(String categoryCode) {
        Map<String, Object> body = Requests.complaint(categoryCode, uniqueEmail("matrix"));
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) body.get("contact");
        contact.put("phone", CITIZEN_PHONE);
        return body;
    }

    /** A complaint as an operator enters it from a call: channel PHONE, the caller's phone as the contact. */
    private static Map<String, Object> phoneCall(String categoryCode) {
        Map<String, Object> body = Requests.complaint(categoryCode, null);
        body.put("channel", "PHONE");
        body.put("contact", Map.of("fullName", "Yao Kouadio", "phone", CALLER_PHONE));
        return body;
    }

    private UUID newCategoryId(World w) {
        String code = Api.createCategory(w.administrationA());
        return directory.activeCategory(code).orElseThrow().id();
    }

    private String newPolicy(World w) {
        return created(asSysadmin().body(policy(newCategoryId(w))).post("/api/v1/sla-policies"));
    }

    /** A day of the far future that is not a holiday yet (other tests add holidays too). */
    private LocalDate freeDay() {
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate day = LocalDate.of(2099, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365));
            if (asSysadmin().get("/api/v1/holidays/" + day).statusCode() == 404) {
                return day;
            }
        }
        return fail("no free day in 2099");
    }

    private LocalDate newHoliday() {
        LocalDate day = freeDay();
        asSysadmin().body(holiday(day)).post("/api/v1/holidays").then().statusCode(201);
        return day;
    }

    /** A refresh token of a fresh sign-in of the staff account made for that purpose. */
    private String refreshToken() {
        return anonymous().body(Map.of("email", world().loginEmail(), "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("refreshToken");
    }

    /** Asks for a one-time code for the address and reads it from the mail it receives. */
    private String oneTimeCode(String email) {
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        Outboxes.drain(relay);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertFalse(mails.isEmpty(), "a code was mailed to " + email);
        Matcher code = OTP.matcher(mails.get(mails.size() - 1).getText());
        assertTrue(code.find(), "the mail holds a 6-digit code");
        return code.group(1);
    }

    /** Delivers what is queued and reads the privacy code mailed to the address. */
    private String privacyCode(String email) {
        return ci.milie.support.Codes.privacyCodeMailedTo(mailbox, relay, email);
    }

    // --- Callers -------------------------------------------------------------------------------

    private RequestSpecification spec(CallerKind who) {
        RequestSpecification spec = RestAssured.given();
        Session session = session(who);
        if (session != null) {
            spec.header("Authorization", "Bearer " + session.token());
        }
        if (who == CallerKind.KEY_HOLDER) {
            spec.header("X-Access-Key", world().byOwner().key());
        }
        return spec;
    }

    private RequestSpecification asSysadmin() {
        return as(session(CallerKind.SYSADMIN).token());
    }

    /**
     * Each caller signs in as a real user would, once, and again after ten minutes (tokens last
     * fifteen): staff with a password on an account made for the test (the sysadmin with the
     * bootstrap account), citizens with a one-time code.
     */
    private Session session(CallerKind who) {
        if (who == CallerKind.ANONYMOUS || who == CallerKind.KEY_HOLDER) {
            return null;
        }
        Session session = sessions.get(who);
        if (session == null || session.at().isBefore(Instant.now().minusSeconds(600))) {
            session = signIn(who, session);
            sessions.put(who, session);
        }
        return session;
    }

    private Session signIn(CallerKind who, Session before) {
        String email = before == null ? null : before.email();
        String token;
        switch (who) {
            case CLIENT_OF_ADMINISTRATION, CLIENT_OF_OSEP -> {
                // registered once by the sysadmin; a token from POST /auth/token, as the client's own system asks
                ClientTokens.Registered client = clients.computeIfAbsent(who, kind -> ClientTokens.register(
                        session(CallerKind.SYSADMIN).token(),
                        kind == CallerKind.CLIENT_OF_ADMINISTRATION ? world().administrationA() : null,
                        kind == CallerKind.CLIENT_OF_ADMINISTRATION ? ClientTokens.OF_ADMINISTRATION : ClientTokens.OF_OSEP));
                return new Session(client.id(), email == null ? uniqueEmail("client") : email, client.token(), Instant.now());
            }
            case OWNER, OTHER_CITIZEN -> {
                email = email == null ? uniqueEmail(who.column().replace('_', '-')) : email;
                token = anonymous().body(Map.of("email", email, "code", oneTimeCode(email)))
                        .post("/api/v1/auth/otp/verify").then().statusCode(200).extract().path("accessToken");
            }
            case SYSADMIN -> {
                email = "bootstrap@milie.test";
                token = Api.login(email, "Bootstrap-Test-2026!");
            }
            default -> {
                if (email == null) {
                    email = uniqueEmail(who.column().replace('_', '-'));
                    String role = switch (who) {
                        case OPERATOR, OPERATOR_WHO_ENTERED -> "operator";
                        case AGENT_IN_CHARGE, AGENT_ELSEWHERE -> "agent";
                        default -> who.column();
                    };
                    String administration = switch (who) {
                        case AGENT_IN_CHARGE -> world().administrationA();
                        case AGENT_ELSEWHERE -> world().administrationB();
                        default -> null;
                    };
                    Api.createStaff(email, role, administration, PASSWORD);
                }
                token = Api.login(email, PASSWORD);
            }
        }
        String id = as(token).get("/api/v1/me").then().statusCode(200).extract().path("id");
        return new Session(id, email, token, Instant.now());
    }

    // --- Shared objects ------------------------------------------------------------------------

    /** A subscription of a new OSEP integration client (written in SQL: making clients is another operation's). */
    private static String webhook(Map<String, Object> body) {
        UUID client = UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery("""
                        insert into integration_client (id, name, contact_email, permissions, created_at, updated_at)
                        values (:id, :name, 'it@example.org', '{REQUESTS_READ}', now(), now())""")
                .setParameter("id", client).setParameter("name", "Matrix " + client).executeUpdate());
        String token = ci.milie.support.TestTokens.builder(Roles.INTEGRATION, client, null).claim("scope", "requests:read").sign();
        return as(token).body(body).post("/api/v1/integrations/webhooks").then().statusCode(201)
                .extract().path("webhook.id");
    }

    private World world() {
        if (world == null) {
            // The sysadmin's session comes first: every object below is made through the API.
            String a = Api.createAdministration(true);
            String b = Api.createAdministration(true);
            String category = Api.createCategory(a);
            UUID categoryId = directory.activeCategory(category).orElseThrow().id();
            world = new World(a, category, categoryId, b, null, null, null, null, null);
            LocalDate holiday = newHoliday();
            String policy = newPolicy(world);
            String loginEmail = uniqueEmail("login");
            Api.createStaff(loginEmail, "supervisor", null, PASSWORD);
            world = new World(a, category, categoryId, b, holiday, policy, loginEmail, null, null);
            Answered byOwner = answeredRequest(CallerKind.OWNER, complaint(category));
            Answered byOperator = answeredRequest(CallerKind.OPERATOR_WHO_ENTERED, phoneCall(category));
            world = new World(a, category, categoryId, b, holiday, policy, loginEmail, byOwner, byOperator);
        }
        return world;
    }

    /**
     * A request submitted (or entered) by {@code who}, with a file the citizen or OSEP joined, routed
     * to A, acknowledged and answered there, and the answer approved by OSEP: every read has
     * something to show, and the agent in charge still has it in sight.
     */
    private Answered answeredRequest(CallerKind who, Map<String, Object> body) {
        JsonPath receipt = Requests.submit(as(session(who).token()), body);
        String id = receipt.getString("id");
        String url = "/api/v1/requests/" + id;
        String osep = session(CallerKind.OSEP).token();
        String agent = session(CallerKind.AGENT_IN_CHARGE).token();
        String uploader = who == CallerKind.OWNER ? session(who).token() : osep;
        String attachmentId = RestAssured.given().header("Authorization", "Bearer " + uploader)
                .multiPart("file", "recu.pdf", PDF, "application/pdf")
                .post(url + "/attachments").then().statusCode(201).extract().path("items[0].id");
        as(osep).body(Map.of("administrationId", world.administrationA())).post(url + "/routing").then().statusCode(200);
        as(agent).post(url + "/acknowledgement").then().statusCode(200);
        String answerId = as(agent).body(Map.of("text", "Votre extrait est prêt.")).post(url + "/answers")
                .then().statusCode(201).extract().path("id");
        as(osep).body(Map.of("decision", "APPROVE")).post(url + "/answers/" + answerId + "/review").then().statusCode(200);
        assertEquals("ANSWERED", as(osep).get(url).then().statusCode(200).extract().path("status"));
        return new Answered(id, receipt.getString("trackingCode"), receipt.getString("accessKey"), answerId, attachmentId);
    }
}
