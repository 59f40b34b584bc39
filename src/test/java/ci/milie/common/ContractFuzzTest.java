package ci.milie.common;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.common.ContractOperations.Operation;
import ci.milie.common.FuzzCalls.Call;
import ci.milie.common.FuzzCalls.Mutation;
import ci.milie.common.FuzzCalls.World;
import ci.milie.notification.OutboxRelay;
import ci.milie.support.Api;
import ci.milie.support.Outboxes;
import ci.milie.support.Requests;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Thousands of generated calls across every operation of the live contract: bodies from its
 * schemas with one field made hostile, parameters, headers and tokens garbled, bodies that are
 * not JSON or not UTF-8, malformed multipart. Whatever arrives, the API answers with no 5xx,
 * every error is problem+json naming its status and code, and a refused call changes no
 * business table.
 *
 * <p>Reproducible: the seed is printed and is read from {@code -Dmilie.fuzz.seed}; the number of
 * calls from {@code -Dmilie.fuzz.calls} (at least 10,000 by default).
 */
@QuarkusTest
@TestProfile(RaisedLimitsProfile.class)
class ContractFuzzTest {

    private static final long DEFAULT_SEED = 20260611L;
    private static final int DEFAULT_CALLS = 10_500;
    private static final int EXAMPLES_PER_FAILURE = 3;
    private static final Pattern OTP = Pattern.compile("\\b(\\d{6})\\b");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Fuzz-Password-2026!";

    @Inject
    DataSource dataSource;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    /** Counts of one operation's answers. */
    static final class Tally {
        int calls;
        int success;
        int badRequest;
        int otherClientError;
        int serverError;
        final Map<Mutation, int[]> badRequestsByMutation = new TreeMap<>();
    }

    /** One broken promise: what was sent and what came back. */
    record Failure(String rule, Call call, int status, String contentType, String body, List<String> changes) {

        /** Failures of one kind: the same rule broken with the same status by the same kind of input. */
        String kind() {
            return rule + " | " + status + " | " + call.mutation();
        }

        String describe() {
            return call.describe() + "\n  -> " + status + " " + contentType + " "
                    + FuzzCalls.abbreviate(FuzzCalls.escape(body), 300) + (changes.isEmpty() ? "" : "\n  changed: " + changes);
        }
    }

    @Test
    void noGeneratedInputGetsA5xxAnErrorOutsideProblemJsonOrAChangeFromARefusedCall() throws Exception {
        long seed = Long.getLong("milie.fuzz.seed", DEFAULT_SEED);
        int totalCalls = Integer.getInteger("milie.fuzz.calls", DEFAULT_CALLS);
        System.out.println("Contract fuzz test: seed " + seed + " (-Dmilie.fuzz.seed=" + seed + " to replay), " + totalCalls + " calls");

        JsonNode live = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        ContractOperations contract = new ContractOperations(live);
        List<Operation> operations = contract.all();
        assertTrue(operations.size() >= 50, "the contract lists the API's operations: " + operations.size());

        World world = createWorld();
        // Outside its engine, jqwik's generators need a session on the thread that draws from them.
        JqwikSession.start(String.valueOf(seed));
        try {
            fuzz(operations, world, contract, seed, totalCalls);
        } finally {
            JqwikSession.finish();
        }
    }

    private void fuzz(List<Operation> operations, World world, ContractOperations contract, long seed, int totalCalls)
            throws Exception {
        HostileInputs inputs = new HostileInputs(seed);
        FuzzCalls calls = new FuzzCalls(contract, world, inputs);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String base = RestAssured.baseURI + ":" + RestAssured.port;

        Map<String, Tally> tallies = new LinkedHashMap<>();
        operations.forEach(operation -> tallies.put(operation.name(), new Tally()));
        Map<String, List<Failure>> failures = new LinkedHashMap<>();
        Map<String, Integer> failureCounts = new HashMap<>();
        Map<String, java.util.Set<String>> failingOperations = new HashMap<>();
        int perOperation = (totalCalls + operations.size() - 1) / operations.size();
        long started = System.nanoTime();

        try (BusinessTableWatch watch = BusinessTableWatch.install(dataSource)) {
            // The scheduled jobs are off in tests: between two calls nothing writes, so one
            // call's "after" is the next one's "before".
            long after = watch.fingerprint();
            for (int round = 0; round < perOperation; round++) {
                for (Operation operation : operations) {
                    Call call = calls.next(operation);
                    long before = after;
                    HttpResponse<byte[]> response = send(http, base, call);
                    after = watch.fingerprint();
                    Tally tally = tallies.get(operation.name());
                    tally.calls++;
                    int status = response == null ? -1 : response.statusCode();
                    String contentType = response == null ? "" : response.headers().firstValue("Content-Type").orElse("");
                    String body = response == null ? "(no response: the connection failed)" : new String(response.body(), StandardCharsets.UTF_8);
                    if (status >= 200 && status < 300) {
                        tally.success++;
                    } else if (status == 400) {
                        tally.badRequest++;
                        tally.badRequestsByMutation.computeIfAbsent(call.mutation(), m -> new int[1])[0]++;
                    } else if (status >= 400 && status < 500) {
                        tally.otherClientError++;
                    } else {
                        tally.serverError++;
                    }
                    List<String> rules = new ArrayList<>();
                    if (status >= 500 || status < 100) {
                        rules.add("no 5xx");
                    }
                    if (status >= 400 && status < 500 && operation.ownErrors() != null) {
                        // Its own errors, or, for what the platform refuses before the operation runs (an
                        // unknown parameter, a header, a media type), problem+json as everywhere.
                        // (and, as for every operation, the parser's empty 414 or 431 past its own limits)
                        if (!isOwnError(status, contentType, body) && !isProblem(status, contentType, body)
                                && !answeredByTheParser(status, call)) {
                            rules.add("an operation with its own errors (" + operation.ownErrors() + ") answers in them "
                                    + "or in problem+json");
                        }
                    } else if (status >= 400 && !isProblem(status, contentType, body) && !answeredByTheParser(status, call)) {
                        rules.add("errors are problem+json with their status and a code");
                    }
                    List<String> changes = List.of();
                    if (status >= 400 && after != before) {
                        changes = watch.changesSince(before);
                        rules.add("a refused call changes no business table");
                    }
                    for (String rule : rules) {
                        Failure failure = new Failure(rule, call, status, contentType, body, changes);
                        failureCounts.merge(failure.kind(), 1, Integer::sum);
                        failingOperations.computeIfAbsent(failure.kind(), k -> new java.util.TreeSet<>()).add(operation.name());
                        List<Failure> examples = failures.computeIfAbsent(failure.kind(), k -> new ArrayList<>());
                        // examples from different operations say more than three of the same one
                        if (examples.size() < EXAMPLES_PER_FAILURE
                                && examples.stream().noneMatch(e -> e.call().operation().equals(operation.name()))) {
                            examples.add(failure);
                        }
                    }
                }
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        int sent = tallies.values().stream().mapToInt(t -> t.calls).sum();
        System.out.println(report(tallies, sent, seconds, seed));

        assertTrue(sent >= totalCalls, "at least " + totalCalls + " calls were sent: " + sent);
        tallies.forEach((operation, tally) -> assertTrue(tally.calls > 0, operation + " was called"));
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(failureCounts.values().stream().mapToInt(Integer::intValue).sum()
                    + " broken promises in " + failures.size() + " kinds (seed " + seed + "):\n");
            failures.forEach((kind, examples) -> {
                message.append("\n### ").append(kind).append(" — ").append(failureCounts.get(kind)).append(" calls, in ")
                        .append(failingOperations.get(kind)).append('\n');
                examples.forEach(example -> message.append(example.describe()).append('\n'));
            });
            System.out.println(message);
            fail(message.toString());
        }
    }

    /** Whole bodies, except a stream's: it never ends, so its status and headers are what is checked. */
    private static final HttpResponse.BodyHandler<byte[]> BODY = info -> info.headers().firstValue("Content-Type")
            .filter(type -> type.startsWith("text/event-stream")).isPresent() ? new StreamHeadersOnly()
                    : HttpResponse.BodySubscribers.ofByteArray();

    /** Drops the connection of an opened stream at once and answers an empty body. */
    private static final class StreamHeadersOnly implements HttpResponse.BodySubscriber<byte[]> {

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return java.util.concurrent.CompletableFuture.completedFuture(new byte[0]);
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> item) {
            // cancelled: nothing is read
        }

        @Override
        public void onError(Throwable throwable) {
            // the dropped connection
        }

        @Override
        public void onComplete() {
            // a stream closed by the server before it was read
        }
    }

    /**
     * Sends a call; a connection that fails is tried once more (the client may have reused a
     * connection the server was closing after a 413), and null is returned if it fails again.
     */
    private static HttpResponse<byte[]> send(HttpClient http, String base, Call call) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.target())).timeout(Duration.ofSeconds(30));
        for (Map.Entry<String, String> header : call.headers()) {
            request.header(header.getKey(), header.getValue());
        }
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        for (int attempt = 1;; attempt++) {
            try {
                return http.send(request.build(), BODY);
            } catch (IOException e) {
                if (attempt == 2) {
                    System.out.println("No answer to " + call.operation() + ": " + e);
                    return null;
                }
            }
        }
    }

    /**
     * Past the HTTP parser's own limits ({@code quarkus.http.limits.*}, far above the application's
     * {@code milie.http.*}) the server answers 414 or 431 alone, before any application code, with
     * an empty body: the one exception the README documents.
     */
    private static boolean answeredByTheParser(int status, Call call) {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        if (status == 414) {
            int line = config.getValue("quarkus.http.limits.max-initial-line-length", Integer.class);
            return call.method().length() + call.target().length() + 10 > line;
        }
        if (status == 431) {
            long size = config.getValue("quarkus.http.limits.max-header-size", io.quarkus.runtime.configuration.MemorySize.class)
                    .asLongValue();
            return call.headers().stream().mapToLong(h -> h.getKey().length() + h.getValue().length() + 4).sum() > size;
        }
        return false;
    }

    /** RFC 6749 §5.2: JSON with an {@code error} code (the token endpoint's own errors). */
    /**
     * The errors of the operations with their own (x-own-errors): RFC 6749's JSON object with an
     * {@code error}, or Open311's list of {@code {code, description}} with the status as code, in
     * JSON or in XML.
     */
    private static boolean isOwnError(int status, String contentType, String body) {
        if (contentType.startsWith("text/xml")) {
            return body.startsWith("<?xml") && body.contains("<errors><error><code>" + status + "</code><description>");
        }
        if (!contentType.startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode error = JSON.readTree(body);
            if (error.isArray()) {
                return !error.isEmpty() && java.util.stream.StreamSupport.stream(error.spliterator(), false)
                        .allMatch(e -> e.path("code").asInt() == status && e.path("description").isTextual());
            }
            return error.path("error").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    /** Errors are problem+json with the HTTP status in {@code status} and a {@code code}. */
    private static boolean isProblem(int status, String contentType, String body) {
        if (!contentType.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("status").asInt() == status && problem.path("code").isTextual() && !problem.path("code").asText().isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private static String report(Map<String, Tally> tallies, int sent, long seconds, long seed) {
        StringBuilder table = new StringBuilder(String.format("%nContract fuzz test: %d calls in %d s (seed %d)%n", sent, seconds, seed));
        table.append(String.format("%-58s %6s %6s %6s %6s %6s  %s%n", "operation", "calls", "2xx", "400", "4xx", "5xx",
                "400 by mutation"));
        tallies.forEach((operation, tally) -> table.append(String.format("%-58s %6d %6d %6d %6d %6d  %s%n", operation, tally.calls,
                tally.success, tally.badRequest, tally.otherClientError, tally.serverError,
                tally.badRequestsByMutation.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[0]).toList())));
        return table.toString();
    }

    // --- the world the calls act on ------------------------------------------------------------

    /**
     * Real data and real sign-ins, so that calls pass authentication and reach validation. The
     * accounts whose tokens the calls use are never the targets of the calls (a call that
     * deactivates its own caller would turn the rest of the run into 401s); targets are their own.
     */
    private World createWorld() {
        String reviewed = Api.createAdministration(true);
        String trusted = Api.createAdministration(false);
        String reviewedCategory = Api.createCategory(reviewed);
        String trustedCategory = Api.createCategory(trusted);

        Map<String, List<String>> tokens = new HashMap<>();
        String staffEmail = Api.uniqueEmail("fuzz-sysadmin");
        tokens.put("sysadmin", List.of(signIn(staffEmail, "sysadmin", null)));
        for (String role : List.of("osep", "supervisor", "operator")) {
            tokens.put(role, List.of(signIn(Api.uniqueEmail("fuzz-" + role), role, null)));
        }
        String reviewedAgent = signIn(Api.uniqueEmail("fuzz-agent"), "agent", reviewed);
        String trustedAgent = signIn(Api.uniqueEmail("fuzz-agent"), "agent", trusted);
        tokens.put("agent", List.of(reviewedAgent, trustedAgent));
        String citizenEmail = Api.uniqueEmail("fuzz-citizen");
        String citizen = citizenSignIn(citizenEmail);
        tokens.put("citizen", List.of(citizen));
        String osep = tokens.get("osep").get(0);

        List<String> ids = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        // answers and files by request: the same index as the request, null where it has none
        List<String> answers = new ArrayList<>();
        List<String> attachments = new ArrayList<>();
        // received, from a signed-in citizen and from an anonymous one
        JsonPath owned = Requests.submit(as(citizen), Requests.complaint(trustedCategory, citizenEmail));
        JsonPath unsigned = Requests.submitAnonymously(Requests.complaint(reviewedCategory, Api.uniqueEmail("fuzz")));
        // in progress at the reviewed administration (with a file), then one with an answer under review
        JsonPath inProgress = inProgress(Requests.submitAnonymously(Requests.complaint(reviewedCategory, Api.uniqueEmail("fuzz"))),
                reviewed, osep, reviewedAgent);
        JsonPath underReview = inProgress(Requests.submitAnonymously(Requests.complaint(reviewedCategory, Api.uniqueEmail("fuzz"))),
                reviewed, osep, reviewedAgent);
        // answered (delivered at once by the trusted administration), the citizen's own, with a file
        JsonPath answered = inProgress(Requests.submit(as(citizen), Requests.complaint(trustedCategory, citizenEmail)), trusted, osep,
                trustedAgent);
        String inProgressFile = attach(inProgress.getString("id"), reviewedAgent);
        String answeredFile = attach(answered.getString("id"), trustedAgent);
        answers.addAll(java.util.Arrays.asList(null, null, null, answer(underReview.getString("id"), reviewedAgent),
                answer(answered.getString("id"), trustedAgent)));
        attachments.addAll(java.util.Arrays.asList(null, null, inProgressFile, null, answeredFile));
        for (JsonPath receipt : List.of(owned, unsigned, inProgress, underReview, answered)) {
            ids.add(receipt.getString("id"));
            codes.add(receipt.getString("trackingCode"));
            keys.add(receipt.getString("accessKey"));
        }

        List<String> administrationTargets = new ArrayList<>();
        List<String> categoryTargets = new ArrayList<>();
        List<String> staffTargets = new ArrayList<>();
        List<String> policyTargets = new ArrayList<>();
        List<String> holidayTargets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String administration = Api.createAdministration(i == 0);
            administrationTargets.add(administration);
            String category = Api.createCategory(administration);
            String categoryId = Api.categoryId(category);
            categoryTargets.add(categoryId);
            staffTargets.add(Api.createStaff(Api.uniqueEmail("fuzz-target"), "osep", null, PASSWORD));
            policyTargets.add(Api.asSysadmin().body(Map.of("requestType", "COMPLAINT", "categoryId", categoryId,
                    "triage", Map.of("amount", 4, "unit", "WORKING_HOURS"), "acknowledgement", Map.of("amount", 1, "unit", "WORKING_DAYS"),
                    "answer", Map.of("amount", 5, "unit", "WORKING_DAYS"))).post("/api/v1/sla-policies").then().statusCode(201)
                    .extract().path("id"));
            // Years the calls' own holidays (2030 to 2089) never reach.
            String day = String.format("%d-%02d-%02d", 2090 + i, 1 + i, 10 + i);
            Api.asSysadmin().body(Map.of("date", day, "nameFr", "Jour " + i, "nameEn", "Day " + i)).post("/api/v1/holidays").then()
                    .statusCode(201);
            holidayTargets.add(day);
        }
        String categoryId = categoryTargets.get(0);
        return new World(tokens, reviewed, reviewedCategory, categoryId, ids, codes, keys, answers, attachments,
                administrationTargets, categoryTargets, staffTargets, policyTargets, holidayTargets, staffEmail, PASSWORD, citizenEmail);
    }

    private static String signIn(String email, String role, String administrationId) {
        Api.createStaff(email, role, administrationId, PASSWORD);
        return Api.login(email, PASSWORD);
    }

    private String citizenSignIn(String email) {
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        Outboxes.drain(relay);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        Matcher code = OTP.matcher(mails.get(mails.size() - 1).getText());
        assertTrue(code.find(), "the sign-in mail holds a code");
        return anonymous().body(Map.of("email", email, "code", code.group(1))).post("/api/v1/auth/otp/verify").then().statusCode(200)
                .extract().path("accessToken");
    }

    private static JsonPath inProgress(JsonPath receipt, String administrationId, String osep, String agent) {
        String id = receipt.getString("id");
        as(osep).body(Map.of("administrationId", administrationId)).post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
        as(agent).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
        return receipt;
    }

    private static String answer(String requestId, String agent) {
        return as(agent).body(Map.of("text", "Votre extrait est disponible au guichet 3."))
                .post("/api/v1/requests/" + requestId + "/answers").then().statusCode(201).extract().path("id");
    }

    private static String attach(String requestId, String agent) {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        String id = given().header("Authorization", "Bearer " + agent).multiPart("file", "guichet.png", png, "image/png")
                .post("/api/v1/requests/" + requestId + "/attachments").then().statusCode(201).extract().path("items[0].id");
        assertEquals(36, id.length(), "the file has an id");
        return id;
    }
}
