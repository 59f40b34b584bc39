package ci.milie.stats;

import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ci.milie.support.Requests.Setting;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Handbacks and re-routings are credited by administration id: a name is only a label. */
@QuarkusTest
class AdministrationRenamingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    StatsRollup rollup;

    @AfterEach
    void forgetTheRollupAndTheClock() {
        // Other test classes read live figures: leave no rolled-up day behind.
        rollup.clear();
        clock.reset();
    }

    @Test
    void renamingAnAdministrationOrGivingItAnotherOnesNameChangesNoFigure() {
        // A Monday far from the other tests' data, so that the period holds only these requests.
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusWeeks(30).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant t0 = monday.atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC);
        clock.reset();
        clock.advance(Duration.between(clock.instant(), t0));
        Setting a = Setting.create(false);
        Setting b = Setting.create(false);
        Setting c = Setting.create(false);
        String[] r1 = StatsFixture.submit(a.categoryCode(), false);
        String[] r2 = StatsFixture.submit(a.categoryCode(), false);
        String[] r3 = StatsFixture.submit(a.categoryCode(), false);
        String[] r4 = StatsFixture.submit(a.categoryCode(), false);
        String[] r5 = StatsFixture.submit(a.categoryCode(), false);
        // r1: A hands it back, OSEP routes it to B. r2: re-routed from A to B. r3: B hands it back.
        // r4: A answers it. r5: re-routed from A to C, which hands it back.
        StatsFixture.route(a, r1[0], a.administrationId(), null);
        StatsFixture.route(a, r2[0], a.administrationId(), null);
        StatsFixture.route(a, r3[0], b.administrationId(), null);
        StatsFixture.route(a, r4[0], a.administrationId(), null);
        StatsFixture.route(a, r5[0], a.administrationId(), null);
        clock.advance(Duration.ofDays(1)); // Tuesday
        handBack(a, r1[0]);
        StatsFixture.route(a, r1[0], b.administrationId(), null);
        StatsFixture.route(a, r2[0], b.administrationId(), "Relève de B.");
        handBack(b, r3[0]);
        StatsFixture.acknowledge(a, r4[0]);
        StatsFixture.answer(a, r4[0]);
        StatsFixture.rate(r4, 5, true);
        StatsFixture.route(a, r5[0], c.administrationId(), "Relève de C.");
        handBack(c, r5[0]);
        clock.advance(Duration.ofDays(1)); // Wednesday: Monday and Tuesday are past days
        Map<String, String> period = Map.of("from", monday.toString(), "to", monday.plusDays(1).toString());
        String quarter = monday.getYear() + "-Q" + ((monday.getMonthValue() - 1) / 3 + 1);

        Map<String, String> before = everyStatistic(period, a.administrationId(), quarter);
        assertMoves(before, a, b, c);

        rename(a.administrationId(), "Administration renommée " + java.util.UUID.randomUUID());
        Map<String, String> renamed = everyStatistic(period, a.administrationId(), quarter);
        String nameOfB = asSysadmin().get("/api/v1/administrations/" + b.administrationId()).then().statusCode(200)
                .extract().path("name");
        rename(a.administrationId(), nameOfB);
        Map<String, String> sameNameAsB = everyStatistic(period, a.administrationId(), quarter);
        rollup.refresh();
        Map<String, String> rolledUp = everyStatistic(period, a.administrationId(), quarter);

        assertSameFigures(before, renamed, "after renaming A");
        assertSameFigures(before, sameNameAsB, "after giving A the name of B");
        assertSameFigures(before, rolledUp, "read from the roll-up, A and B sharing a name");
        assertMoves(sameNameAsB, a, b, c);
        assertMoves(rolledUp, a, b, c);
    }

    private static void handBack(Setting by, String id) {
        as(by.agentToken()).body(Map.of("reason", "Pas de notre ressort."))
                .post("/api/v1/requests/" + id + "/handback").then().statusCode(200);
    }

    /** PUT of the administration as it is, but for its name. */
    private static void rename(String id, String name) {
        JsonPath current = asSysadmin().get("/api/v1/administrations/" + id).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new HashMap<>();
        for (String field : new String[] { "code", "acronym", "kind", "parentId", "contactEmail", "answerReviewRequired",
                "active", "version" }) {
            body.put(field, current.get(field));
        }
        body.put("name", name);
        asSysadmin().body(body).put("/api/v1/administrations/" + id).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo(name));
    }

    /** A: one handback (r1), two re-routings (r2, r5); B: one handback (r3); C: one handback (r5). */
    private static void assertMoves(Map<String, String> bodies, Setting a, Setting b, Setting c) {
        JsonPath administrations = JsonPath.from(bodies.get("/api/v1/stats/administrations"));
        Map<String, List<Integer>> moves = new HashMap<>();
        for (Map<String, Object> row : administrations.<Map<String, Object>>getList("administrations")) {
            moves.put((String) row.get("administrationId"),
                    List.of((Integer) row.get("handbacks"), (Integer) row.get("reroutes")));
        }
        assertEquals(Map.of(a.administrationId(), List.of(1, 2), b.administrationId(), List.of(1, 0),
                c.administrationId(), List.of(1, 0)), moves);
        JsonPath quarterly = JsonPath.from(bodies.get("quarterly of A"));
        assertEquals(1, quarterly.getInt("current.performance.handbacks"));
        assertEquals(2, quarterly.getInt("current.performance.reroutes"));
    }

    /** The JSON of every statistics endpoint over the period: all administrations, then A's own. */
    private static Map<String, String> everyStatistic(Map<String, String> period, String administrationId,
            String quarter) {
        Map<String, String> bodies = new LinkedHashMap<>();
        String[] paths = { "/api/v1/stats/overview", "/api/v1/stats/administrations", "/api/v1/stats/categories",
                "/api/v1/stats/timeseries?interval=day", "/api/v1/stats/timeseries?interval=week",
                "/api/v1/stats/timeseries?interval=month" };
        for (String path : paths) {
            bodies.put(path, as(TestTokens.of("supervisor")).queryParams(period).get(path).then().statusCode(200)
                    .extract().asString());
            bodies.put(path + " of A", as(TestTokens.of("supervisor")).queryParams(period)
                    .queryParam("administrationId", administrationId).get(path).then().statusCode(200)
                    .extract().asString());
        }
        bodies.put("quarterly of A", as(TestTokens.of("supervisor")).queryParam("quarter", quarter)
                .get("/api/v1/stats/administrations/" + administrationId + "/quarterly").then().statusCode(200)
                .extract().asString());
        bodies.put("/api/v1/public/stats", RestAssured.given().queryParams(period).get("/api/v1/public/stats").then()
                .statusCode(200).extract().asString());
        return bodies;
    }

    private static void assertSameFigures(Map<String, String> expected, Map<String, String> actual, String when) {
        Map<String, JsonNode> expectedFigures = figures(expected);
        Map<String, JsonNode> actualFigures = figures(actual);
        expectedFigures.forEach((path, figures) -> assertEquals(figures, actualFigures.get(path), path + " " + when));
    }

    /**
     * The same bodies without the names of administrations and categories, and with the rows of each
     * list in a fixed order: lists are sorted by name, which is a label, not a figure.
     */
    private static Map<String, JsonNode> figures(Map<String, String> bodies) {
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        bodies.forEach((path, body) -> {
            try {
                figures.put(path, withoutNames(JSON.readTree(body)));
            } catch (IOException e) {
                throw new IllegalStateException(path + " answered no JSON: " + body, e);
            }
        });
        return figures;
    }

    private static JsonNode withoutNames(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("name");
            for (Iterator<JsonNode> values = object.elements(); values.hasNext();) {
                withoutNames(values.next());
            }
        } else if (node instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(item -> items.add(withoutNames(item)));
            items.sort(Comparator.comparing(JsonNode::toString));
            array.removeAll();
            items.forEach(array::add);
        }
        return node;
    }
}
