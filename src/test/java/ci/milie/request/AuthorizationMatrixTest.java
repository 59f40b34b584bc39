package ci.milie.request;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.notification.OutboxRelay;
import ci.milie.support.Api;
import ci.milie.support.CallerKind;
import ci.milie.support.ClientTokens;
import ci.milie.support.Outboxes;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every status × every action × every kind of caller, against the matrix a product owner signs
 * off: {@code src/test/resources/request/authorization-matrix.csv}, written by hand from the
 * product rules (its legend sits next to it), never derived from {@link Lifecycle}.
 *
 * <p>An {@code ok} cell must succeed on a fresh request in that status and be offered, before the
 * call, in the {@code allowedActions} that caller reads. Any other cell must be refused with that
 * status as problem+json and must not be offered to a caller who can read the request. Refused
 * calls change nothing, so one request per status serves them all; a refused call that succeeds
 * anyway spoils it, and the next cell gets a new one.
 *
 * <p>Each column acts on complaints a signed-in citizen submitted, except the column of the operator
 * who entered the request: it acts on a second family of complaints, which that operator entered
 * from phone calls and which reach each status through the same moves.
 */
@QuarkusTest
public class AuthorizationMatrixTest {

    static final String MATRIX = "/request/authorization-matrix.csv";
    static final String BASE = "/api/v1/requests/";
    static final Pattern OTP = Pattern.compile("\\b(\\d{6})\\b");

    /**
     * The operation of the contract each action is sent to, as the contract names it: the operation
     * matrix ({@code ci.milie.common.OperationMatrixTest}) leaves these endpoints to this test.
     */
    public static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("QUALIFY", "POST /api/v1/requests/{id}/qualification"),
            Map.entry("REJECT", "POST /api/v1/requests/{id}/qualification"),
            Map.entry("ROUTE", "POST /api/v1/requests/{id}/routing"),
            Map.entry("REROUTE", "POST /api/v1/requests/{id}/routing"),
            Map.entry("ACKNOWLEDGE", "POST /api/v1/requests/{id}/acknowledgement"),
            Map.entry("REQUEST_INFORMATION", "POST /api/v1/requests/{id}/messages"),
            Map.entry("REPLY", "POST /api/v1/requests/{id}/messages"),
            Map.entry("HAND_BACK", "POST /api/v1/requests/{id}/handback"),
            Map.entry("SUBMIT_ANSWER", "POST /api/v1/requests/{id}/answers"),
            Map.entry("APPROVE_ANSWER", "POST /api/v1/requests/{id}/answers/{answerId}/review"),
            Map.entry("RETURN_ANSWER", "POST /api/v1/requests/{id}/answers/{answerId}/review"),
            Map.entry("CLOSE", "POST /api/v1/requests/{id}/closure"),
            Map.entry("REOPEN", "POST /api/v1/requests/{id}/reopen"),
            Map.entry("RATE", "POST /api/v1/requests/{id}/feedback"),
            Map.entry("ADD_NOTE", "POST /api/v1/requests/{id}/notes"),
            Map.entry("ADD_ATTACHMENT", "POST /api/v1/requests/{id}/attachments"));

    /** CallerKind entered the requests this kind of caller is checked on. */
    static Entry entry(CallerKind who) {
        return who == CallerKind.OPERATOR_WHO_ENTERED ? Entry.BY_OPERATOR : Entry.BY_CITIZEN;
    }

    /** How the matrix's requests came in: submitted by their signed-in owner, or entered by an operator from a call. */
    enum Entry {
        BY_CITIZEN, BY_OPERATOR
    }

    /** One cell: what {@code who} gets for {@code action} on a request in {@code status}. */
    record Cell(String status, String action, CallerKind who, String expected) {

        String name() {
            return status + " / " + action + " / " + who.column() + " -> " + expected;
        }
    }

    /** The matrix as committed: a header naming the callers, then one row per status and action. */
    record Matrix(List<Cell> cells, List<String> rows) {

        static final Set<String> VALUES = Set.of("ok", "401", "403", "404", "409", "-");

        static Matrix load() {
            List<String> lines = lines();
            List<String> header = List.of(lines.get(0).split(",", -1));
            List<String> expectedHeader = new ArrayList<>(List.of("status", "action"));
            Arrays.stream(CallerKind.values()).map(CallerKind::column).forEach(expectedHeader::add);
            assertEquals(expectedHeader, header, "the matrix's header");
            List<Cell> cells = new ArrayList<>();
            List<String> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] values = line.split(",", -1);
                assertEquals(header.size(), values.length, "columns of the row " + line);
                rows.add(values[0].strip() + "," + values[1].strip());
                for (int i = 2; i < values.length; i++) {
                    String value = values[i].strip();
                    assertTrue(VALUES.contains(value), "cell value " + value + " in the row " + line);
                    cells.add(new Cell(values[0].strip(), values[1].strip(), CallerKind.ofColumn(header.get(i)), value));
                }
            }
            return new Matrix(cells, rows);
        }

        private static List<String> lines() {
            InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(MATRIX);
            assertNotNull(in, MATRIX + " on the test classpath");
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().filter(line -> !line.isBlank()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A request the matrix acts on: its id, the key its citizen received, its latest answer (or a random id). */
    record Fixture(String id, String key, String answerId) {
    }

    /**
     * What every cell shares: administration A (answers reviewed by OSEP) where requests are
     * routed, administration B to re-route them to, the citizen who owns the requests he submitted,
     * and the operator (his staff account's id) who entered the others.
     */
    record World(Setting at, String elsewhere, UUID ownerId, UUID operatorId) {
    }

    record Token(String value, Instant mintedAt) {
    }

    private static World world;
    private static final Map<CallerKind, Token> tokens = new EnumMap<>(CallerKind.class);
    private static final Map<CallerKind, ClientTokens.Registered> clients = new EnumMap<>(CallerKind.class);
    private static final Map<String, Fixture> shared = new HashMap<>(); // by status and Entry
    private static final Map<String, Optional<List<String>>> reads = new HashMap<>();

    @Inject
    RequestCommands commands;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    @Test
    void theMatrixHasExactlyOneRowForEveryStatusAndActionOfTheCode() {
        List<String> rows = Matrix.load().rows();
        Set<String> expected = new LinkedHashSet<>();
        for (RequestStatus status : RequestStatus.values()) {
            for (Action action : Action.values()) {
                expected.add(status.name() + "," + action.name());
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> duplicated = rows.stream().filter(row -> !seen.add(row)).toList();
        List<String> missing = expected.stream().filter(row -> !seen.contains(row)).toList();
        List<String> unknown = seen.stream().filter(row -> !expected.contains(row)).toList();
        assertAll(
                () -> assertEquals(List.of(), duplicated, "rows written twice"),
                () -> assertEquals(List.of(), missing, "rows missing for " + involved(missing)),
                () -> assertEquals(List.of(), unknown, "rows for what the code does not have: " + involved(unknown)));
    }

    /** The statuses and actions named by some "STATUS,ACTION" rows, for a readable failure. */
    private static String involved(List<String> rows) {
        return "statuses " + rows.stream().map(row -> row.split(",")[0]).distinct().toList()
                + ", actions " + rows.stream().map(row -> row.split(",")[1]).distinct().toList();
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheMatrixHoldsOverHttp() {
        return Matrix.load().cells().stream().map(cell -> dynamicTest(cell.name(), () -> check(cell)));
    }

    /**
     * Per status and caller, {@code allowedActions} is exactly the matrix's {@code ok} cells: this
     * also catches an offered action the matrix has no row for.
     */
    @TestFactory
    Stream<DynamicTest> everyCallerIsOfferedExactlyWhatTheMatrixAllows() {
        List<Cell> cells = Matrix.load().cells();
        List<String> statuses = cells.stream().map(Cell::status).distinct().toList();
        return statuses.stream().flatMap(status -> Arrays.stream(CallerKind.values()).map(who -> {
            List<String> allowed = cells.stream()
                    .filter(c -> c.status().equals(status) && c.who() == who && c.expected().equals("ok"))
                    .map(Cell::action).toList();
            String name = status + " / allowedActions / " + who.column() + " -> " + allowed;
            return dynamicTest(name, () -> {
                Optional<List<String>> offered = readShared(shared(status, who), who);
                if (allowed.isEmpty() && offered.isEmpty()) {
                    return;
                }
                assertTrue(offered.isPresent(), name + ": the caller reads the request");
                List<String> actual = new ArrayList<>(offered.get());
                actual.sort(Comparator.comparingInt(action -> {
                    int index = allowed.indexOf(action);
                    return index < 0 ? Integer.MAX_VALUE : index;
                }));
                assertEquals(allowed, actual, name + ": offered");
            });
        }));
    }

    /**
     * The matrix refuses the operator who entered a request every action, yet he keeps the
     * request in sight: in every status he reads it as staff do (the routing suggestion, the
     * caller's phone), with nothing offered.
     */
    @TestFactory
    Stream<DynamicTest> theOperatorWhoEnteredARequestReadsItAsStaffInEveryStatus() {
        List<String> statuses = Matrix.load().cells().stream().map(Cell::status).distinct().toList();
        CallerKind who = CallerKind.OPERATOR_WHO_ENTERED;
        return statuses.stream().map(status -> dynamicTest(status + " / GET / " + who.column() + " -> 200, staff view", () -> {
            Fixture fixture = shared(status, who);
            Response response = spec(who, fixture).get(BASE + fixture.id());
            assertEquals(200, response.statusCode(), "GET as " + who.column() + ": " + response.asString());
            JsonPath view = response.jsonPath();
            assertAll(status,
                    () -> assertEquals(status, view.getString("status")),
                    () -> assertEquals("PHONE", view.getString("channel")),
                    () -> assertEquals(world().at().administrationId(), view.getString("defaultAdministration.id"),
                            "the staff view shows OSEP's routing suggestion"),
                    () -> assertEquals("+2250701020304", view.getString("contact.phone"), "the caller's phone"),
                    () -> assertEquals(List.of(), view.getList("allowedActions", String.class), "nothing offered"));
        }));
    }

    private void check(Cell cell) {
        switch (cell.expected()) {
            case "-" -> nobodyIsOffered(cell);
            case "ok" -> allowed(cell);
            default -> refused(cell);
        }
    }

    /** The system's own moves have no endpoint: only check that no caller is offered them. */
    private void nobodyIsOffered(Cell cell) {
        Optional<List<String>> offered = readShared(shared(cell.status(), cell.who()), cell.who());
        offered.ifPresent(actions -> assertFalse(actions.contains(cell.action()),
                cell.name() + ": must not be offered, allowedActions = " + actions));
    }

    private void allowed(Cell cell) {
        Fixture fresh = create(cell.status(), entry(cell.who()));
        Optional<List<String>> offered = read(fresh, cell.who());
        if (!performedOverHttp(cell)) {
            assertTrue(offered.map(actions -> actions.contains(cell.action())).orElse(false),
                    cell.name() + ": offered in allowedActions " + offered);
            inProcess(cell, fresh);
            return;
        }
        Response response = send(cell.action(), cell.who(), fresh);
        assertAll(cell.name(),
                () -> assertTrue(offered.isPresent(), cell.name() + ": the caller reads the request"),
                () -> assertTrue(offered.map(actions -> actions.contains(cell.action())).orElse(false),
                        cell.name() + ": offered in allowedActions " + offered.orElse(null)),
                () -> assertEquals(2, response.statusCode() / 100,
                        cell.name() + ": succeeds, got " + response.statusCode() + " " + response.asString()));
    }

    private void refused(Cell cell) {
        int expected = Integer.parseInt(cell.expected());
        Fixture fixture = shared(cell.status(), cell.who());
        Optional<List<String>> offered = readShared(fixture, cell.who());
        if (!performedOverHttp(cell) && passesTheEndpointsRoles(cell)) {
            offered.ifPresent(actions -> assertFalse(actions.contains(cell.action()),
                    cell.name() + ": must not be offered, allowedActions = " + actions));
            inProcess(cell, fixture);
            return;
        }
        Response response = send(cell.action(), cell.who(), fixture);
        if (response.statusCode() / 100 == 2) {
            spoil(cell.status(), cell.who());
        }
        String contentType = String.valueOf(response.contentType());
        assertAll(cell.name(),
                () -> assertEquals(expected, response.statusCode(),
                        cell.name() + ": refused with " + expected + ", got " + response.asString()),
                () -> assertTrue(contentType.startsWith("application/problem+json"),
                        cell.name() + ": problem+json, got " + contentType),
                () -> assertNotNull(problemCode(response), cell.name() + ": the problem has a code"),
                () -> offered.ifPresent(actions -> assertFalse(actions.contains(cell.action()),
                        cell.name() + ": must not be offered, allowedActions = " + actions)),
                () -> {
                    if (expected == 404) {
                        assertTrue(offered.isEmpty(), cell.name() + ": 404 means the caller cannot read the request either");
                    } else if (expected == 409) {
                        assertTrue(offered.isPresent(), cell.name() + ": 409 means the caller can read the request");
                    }
                });
    }

    /**
     * Two endpoints serve two actions each: routing re-routes a ROUTED or IN_PROGRESS request and
     * routes any other; a message is the citizen's reply from the citizen, a question from anyone
     * else. A cell whose HTTP call would perform the other action cannot be tested over HTTP.
     */
    static boolean performedOverHttp(Cell cell) {
        boolean routedNow = cell.status().equals("ROUTED") || cell.status().equals("IN_PROGRESS");
        return switch (cell.action()) {
            case "ROUTE" -> !routedNow;
            case "REROUTE" -> routedNow;
            case "REQUEST_INFORMATION" -> !cell.who().isTheCitizen();
            case "REPLY" -> cell.who().isTheCitizen();
            default -> true;
        };
    }

    /**
     * The routing endpoint is for OSEP only: any other caller is refused by the endpoint's roles
     * (401 or 403) before an action is chosen, so that call tests the cell over HTTP as well.
     */
    static boolean passesTheEndpointsRoles(Cell cell) {
        return !(cell.action().equals("ROUTE") || cell.action().equals("REROUTE")) || cell.who() == CallerKind.OSEP;
    }

    /**
     * A cell whose HTTP call would be performed as the sibling action: asked of the request's door
     * directly, with the same caller, which must allow it (ok) or refuse it with the cell's status.
     */
    private void inProcess(Cell cell, Fixture fixture) {
        Caller caller = callerOf(cell.who());
        String key = cell.who() == CallerKind.KEY_HOLDER ? fixture.key() : null;
        Action action = Action.valueOf(cell.action());
        UUID id = UUID.fromString(fixture.id());
        if (cell.expected().equals("ok")) {
            assertEquals(Party.class, commands.check(id, action, caller, key).getClass(), cell.name());
        } else {
            ProblemException refused = assertThrows(ProblemException.class, () -> commands.check(id, action, caller, key),
                    cell.name() + ": refused by the door");
            assertEquals(Integer.parseInt(cell.expected()), refused.status(), cell.name() + ": " + refused.getMessage());
        }
    }

    private Caller callerOf(CallerKind who) {
        World w = world();
        return switch (who) {
            case ANONYMOUS, KEY_HOLDER -> Caller.anonymous();
            case OTHER_CITIZEN -> Caller.of(Set.of("citizen"), UUID.randomUUID(), null);
            case OWNER -> Caller.of(Set.of("citizen"), w.ownerId(), null);
            case OPERATOR -> Caller.of(Set.of("operator"), UUID.randomUUID(), null);
            case OPERATOR_WHO_ENTERED -> Caller.of(Set.of("operator"), w.operatorId(), null);
            case OSEP -> Caller.of(Set.of("osep"), UUID.randomUUID(), null);
            case AGENT_IN_CHARGE -> Caller.of(Set.of("agent"), UUID.randomUUID(), UUID.fromString(w.at().administrationId()));
            case AGENT_ELSEWHERE -> Caller.of(Set.of("agent"), UUID.randomUUID(), UUID.fromString(w.elsewhere()));
            case SUPERVISOR -> Caller.of(Set.of("supervisor"), UUID.randomUUID(), null);
            case SYSADMIN -> Caller.of(Set.of("sysadmin"), UUID.randomUUID(), null);
            // what ClientRoles makes of a client's token: an agent of its administration, or an OSEP reader
            case CLIENT_OF_ADMINISTRATION -> Caller.of(Set.of("integration", "agent"), UUID.fromString(client(who).id()),
                    UUID.fromString(w.at().administrationId()));
            case CLIENT_OF_OSEP -> Caller.of(Set.of("integration", "osep"), UUID.fromString(client(who).id()), null);
        };
    }

    // --- Callers and calls ---------------------------------------------------------------------

    private RequestSpecification spec(CallerKind who, Fixture fixture) {
        RequestSpecification spec = RestAssured.given();
        String token = token(who);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        if (who == CallerKind.KEY_HOLDER) {
            spec.header("X-Access-Key", fixture.key());
        }
        return spec;
    }

    /** A token for the caller, minted again after ten minutes (they last fifteen). */
    private String token(CallerKind who) {
        Token token = tokens.get(who);
        if (token == null || token.mintedAt().isBefore(Instant.now().minusSeconds(600))) {
            token = new Token(mint(who), Instant.now());
            tokens.put(who, token);
        }
        return token.value();
    }

    private String mint(CallerKind who) {
        World w = world();
        return switch (who) {
            case ANONYMOUS, KEY_HOLDER -> null;
            case OTHER_CITIZEN -> TestTokens.of("citizen");
            case OWNER -> TestTokens.builder("citizen", w.ownerId(), null).sign();
            case OPERATOR -> TestTokens.of("operator");
            case OPERATOR_WHO_ENTERED -> TestTokens.builder("operator", w.operatorId(), null).sign();
            case OSEP -> TestTokens.of("osep");
            case AGENT_IN_CHARGE -> TestTokens.agent(UUID.fromString(w.at().administrationId()));
            case AGENT_ELSEWHERE -> TestTokens.agent(UUID.fromString(w.elsewhere()));
            case SUPERVISOR -> TestTokens.of("supervisor");
            case SYSADMIN -> TestTokens.of("sysadmin");
            case CLIENT_OF_ADMINISTRATION, CLIENT_OF_OSEP -> client(who).token();
        };
    }

    /** The integration client of the column, registered once: of administration A, or of OSEP. */
    private ClientTokens.Registered client(CallerKind who) {
        return clients.computeIfAbsent(who, kind -> kind == CallerKind.CLIENT_OF_ADMINISTRATION
                ? ClientTokens.register(TestTokens.of("sysadmin"), world().at().administrationId(), ClientTokens.OF_ADMINISTRATION)
                : ClientTokens.register(TestTokens.of("sysadmin"), null, ClientTokens.OF_OSEP));
    }

    /** Performs the action's HTTP call as {@code who}; see {@link #performedOverHttp} for shared endpoints. */
    private Response send(String action, CallerKind who, Fixture fixture) {
        RequestSpecification spec = spec(who, fixture);
        String endpoint = ENDPOINTS.get(action);
        if (endpoint == null) {
            fail("The matrix expects an answer to " + action + ", which has no endpoint in this test");
        }
        String url = endpoint.substring("POST ".length()).replace("{id}", fixture.id()).replace("{answerId}", fixture.answerId());
        return switch (action) {
            case "QUALIFY" -> json(spec, Map.of("decision", "ACCEPT")).post(url);
            case "REJECT" -> json(spec, Map.of("decision", "REJECT", "reasonCode", "OUT_OF_SCOPE",
                    "message", "Cette demande ne relève pas d'un service public.")).post(url);
            case "ROUTE" -> json(spec, Map.of("administrationId", world().elsewhere())).post(url);
            case "REROUTE" -> json(spec, Map.of("administrationId", world().elsewhere(),
                    "reason", "Relève d'une autre administration")).post(url);
            case "ACKNOWLEDGE" -> json(spec, null).post(url);
            case "REQUEST_INFORMATION" -> json(spec, Map.of("text", "Pouvez-vous préciser la date ?")).post(url);
            case "REPLY" -> json(spec, Map.of("text", "Le 12 août.")).post(url);
            case "HAND_BACK" -> json(spec, Map.of("reason", "Ne relève pas de nos services")).post(url);
            case "SUBMIT_ANSWER" -> json(spec, Map.of("text", "Votre document est disponible.")).post(url);
            case "APPROVE_ANSWER" -> json(spec, Map.of("decision", "APPROVE")).post(url);
            case "RETURN_ANSWER" -> json(spec, Map.of("decision", "RETURN", "remarks", "Précisez le délai.")).post(url);
            case "CLOSE" -> json(spec, Map.of("message", "Dossier clos.")).post(url);
            case "REOPEN" -> json(spec, Map.of("reason", "La réponse ne règle rien.")).post(url);
            case "RATE" -> json(spec, Map.of("rating", 4, "satisfied", false)).post(url);
            case "ADD_NOTE" -> json(spec, Map.of("text", "Note interne")).post(url);
            case "ADD_ATTACHMENT" -> spec.multiPart("file", "guichet.png", AttachmentResourceTest.PNG, "image/png").post(url);
            default -> fail("No call for " + action + " in this test");
        };
    }

    private static RequestSpecification json(RequestSpecification spec, Map<String, Object> body) {
        spec.contentType(ContentType.JSON);
        return body == null ? spec : spec.body(body);
    }

    private static String problemCode(Response response) {
        try {
            return response.jsonPath().getString("code");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@link #read} of a shared request, which refused calls leave as it was. */
    private Optional<List<String>> readShared(Fixture fixture, CallerKind who) {
        String key = fixture.id() + "|" + who;
        Optional<List<String>> offered = reads.get(key);
        if (offered == null) {
            offered = read(fixture, who);
            reads.put(key, offered);
        }
        return offered;
    }

    /** The actions offered to {@code who} (GET as that caller), or empty when the caller cannot read the request. */
    private Optional<List<String>> read(Fixture fixture, CallerKind who) {
        Response response = spec(who, fixture).get(BASE + fixture.id());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        assertEquals(200, response.statusCode(), "GET as " + who.column() + ": " + response.asString());
        List<String> actions = response.jsonPath().getList("allowedActions", String.class);
        return Optional.of(actions == null ? List.of() : actions);
    }

    // --- Requests in each status ---------------------------------------------------------------

    private World world() {
        if (world == null) {
            Setting at = Setting.create(true);
            String elsewhere = Api.createAdministration(true);
            // A request names who entered it by staff account: the operator needs a real one, whose id is his token's subject.
            String operatorId = Api.createStaff(uniqueEmail("operator"), "operator", null, "Operator-Password-1");
            world = new World(at, elsewhere, signInOwner(), UUID.fromString(operatorId));
        }
        return world;
    }

    /** Signs a citizen in with a one-time code, which creates the account that owns every request. */
    private UUID signInOwner() {
        String email = uniqueEmail("owner");
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        Outboxes.drain(relay);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertFalse(mails.isEmpty(), "a code was mailed to the owner");
        Matcher code = OTP.matcher(mails.get(mails.size() - 1).getText());
        assertTrue(code.find(), "the mail holds a 6-digit code");
        String token = anonymous().body(Map.of("email", email, "code", code.group(1)))
                .post("/api/v1/auth/otp/verify").then().statusCode(200).extract().path("accessToken");
        return UUID.fromString(as(token).get("/api/v1/me").then().statusCode(200).extract().path("id"));
    }

    /** The request that refused cells of this status share for this caller, created on first use. */
    private Fixture shared(String status, CallerKind who) {
        Entry entry = entry(who);
        return shared.computeIfAbsent(status + "|" + entry, key -> create(status, entry));
    }

    /** A refused call went through anyway: the shared request may have moved, so the next cell gets a new one. */
    private void spoil(String status, CallerKind who) {
        Fixture spoiled = shared.remove(status + "|" + entry(who));
        if (spoiled != null) {
            reads.keySet().removeIf(key -> key.startsWith(spoiled.id()));
        }
    }

    /**
     * A new complaint, submitted by the owner or entered by the operator from a phone call, moved
     * to {@code status} by OSEP and the agent in charge.
     */
    private Fixture create(String status, Entry entry) {
        World w = world();
        JsonPath receipt = switch (entry) {
            case BY_CITIZEN -> Requests.submit(as(token(CallerKind.OWNER)),
                    Requests.complaint(w.at().categoryCode(), uniqueEmail("matrix")));
            case BY_OPERATOR -> Requests.submit(as(token(CallerKind.OPERATOR_WHO_ENTERED)), phoneCall(w.at().categoryCode()));
        };
        String id = receipt.getString("id");
        String url = BASE + id;
        String osep = token(CallerKind.OSEP);
        String agent = token(CallerKind.AGENT_IN_CHARGE);
        String answerId = UUID.randomUUID().toString();
        List<String> path = switch (status) {
            case "RECEIVED" -> List.of();
            case "REJECTED" -> List.of("reject");
            case "ROUTED" -> List.of("route");
            case "IN_PROGRESS" -> List.of("route", "acknowledge");
            case "AWAITING_CITIZEN" -> List.of("route", "acknowledge", "ask");
            case "UNDER_REVIEW" -> List.of("route", "acknowledge", "answer");
            case "ANSWERED" -> List.of("route", "acknowledge", "answer", "approve");
            case "CLOSED" -> List.of("route", "acknowledge", "answer", "approve", "close");
            default -> fail("The matrix has a status this test cannot reach: " + status);
        };
        for (String step : path) {
            switch (step) {
                case "reject" -> as(osep).body(Map.of("decision", "REJECT", "reasonCode", "OUT_OF_SCOPE",
                        "message", "Hors du champ du service public.")).post(url + "/qualification").then().statusCode(200);
                case "route" -> as(osep).body(Map.of("administrationId", w.at().administrationId()))
                        .post(url + "/routing").then().statusCode(200);
                case "acknowledge" -> as(agent).post(url + "/acknowledgement").then().statusCode(200);
                case "ask" -> as(agent).body(Map.of("text", "Quelle mairie ?")).post(url + "/messages").then().statusCode(200);
                case "answer" -> answerId = as(agent).body(Map.of("text", "Votre extrait est prêt."))
                        .post(url + "/answers").then().statusCode(201).extract().path("id");
                case "approve" -> as(osep).body(Map.of("decision", "APPROVE"))
                        .post(url + "/answers/" + answerId + "/review").then().statusCode(200);
                case "close" -> as(osep).body(Map.of("message", "Dossier clos.")).post(url + "/closure").then().statusCode(200);
                default -> throw new IllegalStateException(step);
            }
        }
        String reached = as(osep).get(url).then().statusCode(200).extract().path("status");
        assertEquals(status, reached, "the fixture reached its status");
        return new Fixture(id, receipt.getString("accessKey"), answerId);
    }

    /** A complaint as an operator enters it from a call: channel PHONE, the caller's phone as the contact. */
    private static Map<String, Object> phoneCall(String categoryCode) {
        Map<String, Object> body = Requests.complaint(categoryCode, null);
        body.put("channel", "PHONE");
        body.put("contact", Map.of("fullName", "Yao Kouadio", "phone", "+2250701020304"));
        return body;
    }
}
