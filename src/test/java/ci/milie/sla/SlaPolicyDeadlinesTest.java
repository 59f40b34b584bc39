package ci.milie.sla;

import static ci.milie.sla.SlaPolicyResourceTest.POLICIES;
import static ci.milie.sla.SlaPolicyResourceTest.policy;
import static ci.milie.support.Api.asSysadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ci.milie.directory.DirectoryQueries;
import ci.milie.directory.RequestType;
import ci.milie.request.Stage;
import ci.milie.support.Api;
import io.quarkus.test.junit.QuarkusTest;

/** DeadlinePolicy as the request aggregate calls it: policies and holidays from the database. */
@QuarkusTest
class SlaPolicyDeadlinesTest {

    /** Thursday 31 December 2026; Friday 1 January 2027 is a holiday. */
    private static final Instant NEW_YEARS_EVE = Instant.parse("2026-12-31T10:00:00Z");

    @Inject
    DeadlinePolicy deadlines;

    @Inject
    DirectoryQueries directory;

    private UUID newCategory() {
        String code = Api.createCategory(Api.createAdministration(true));
        return directory.activeCategory(code).orElseThrow().id();
    }

    @Test
    void aCategoryPolicyWinsOverTheTypeDefault() {
        UUID refined = newCategory();
        UUID plain = newCategory();
        // triage 4 working hours, acknowledgement 1 working day, answer 5 working days
        String id = asSysadmin().body(policy("COMPLAINT", refined)).post(POLICIES).then().statusCode(201)
                .extract().path("id");

        assertEquals(Instant.parse("2026-12-31T14:00:00Z"), deadlines.dueAt(Stage.TRIAGE, RequestType.COMPLAINT, refined, NEW_YEARS_EVE));
        assertEquals(Instant.parse("2027-01-04T10:00:00Z"), deadlines.dueAt(Stage.ACKNOWLEDGEMENT, RequestType.COMPLAINT, refined, NEW_YEARS_EVE));
        assertEquals(Instant.parse("2027-01-08T10:00:00Z"), deadlines.dueAt(Stage.ANSWER, RequestType.COMPLAINT, refined, NEW_YEARS_EVE));

        // The type default: 3 working days for a complaint, 10 for a suggestion (none for it in this category).
        Instant defaultAnswer = Instant.parse("2027-01-06T10:00:00Z");
        assertEquals(defaultAnswer, deadlines.dueAt(Stage.ANSWER, RequestType.COMPLAINT, plain, NEW_YEARS_EVE));
        assertEquals(defaultAnswer, deadlines.dueAt(Stage.ANSWER, RequestType.COMPLAINT, null, NEW_YEARS_EVE));
        assertEquals(defaultAnswer, deadlines.dueAt(Stage.ANSWER, RequestType.COMPLAINT, NEW_YEARS_EVE));
        assertEquals(Instant.parse("2027-01-15T10:00:00Z"), deadlines.dueAt(Stage.ANSWER, RequestType.SUGGESTION, refined, NEW_YEARS_EVE));
        assertEquals(Instant.parse("2027-01-04T10:00:00Z"), deadlines.dueAt(Stage.TRIAGE, RequestType.COMPLAINT, plain, NEW_YEARS_EVE));

        // Without its policy, the category falls back on the default.
        asSysadmin().delete(POLICIES + "/" + id).then().statusCode(204);
        assertEquals(defaultAnswer, deadlines.dueAt(Stage.ANSWER, RequestType.COMPLAINT, refined, NEW_YEARS_EVE));
    }

    @Test
    void theClockStopsAndResumesWithTheWorkingTimeLeft() {
        Instant due = deadlines.dueAt(Stage.TRIAGE, RequestType.COMPLAINT, NEW_YEARS_EVE);
        assertEquals(Instant.parse("2027-01-04T10:00:00Z"), due);

        // Paused at 16:00 on New Year's Eve: 8 h left that day, 10 on Monday.
        Duration left = deadlines.remaining(due, Instant.parse("2026-12-31T16:00:00Z"));
        assertEquals(Duration.ofHours(18), left);
        // Resumed on New Year's Day (a holiday): the clock restarts on Monday 00:00.
        assertEquals(Instant.parse("2027-01-04T18:00:00Z"), deadlines.resume(left, Instant.parse("2027-01-01T09:00:00Z")));

        assertEquals(Duration.ZERO, deadlines.remaining(due, due.plusSeconds(1)));
        assertEquals(Instant.parse("2027-01-05T09:00:00Z"), deadlines.resume(Duration.ZERO, Instant.parse("2027-01-05T09:00:00Z")));
    }

    @Test
    void theStandaloneRulesAgreeWithTheSeededDatabase() {
        DeadlinePolicy standalone = new DeadlinePolicy();
        for (RequestType type : RequestType.values()) {
            for (Stage stage : Stage.values()) {
                for (Instant since = Instant.parse("2026-12-20T07:00:00Z"); since.isBefore(Instant.parse("2027-01-10T00:00:00Z"));
                        since = since.plus(Duration.ofHours(13))) {
                    assertEquals(deadlines.dueAt(stage, type, since), standalone.dueAt(stage, type, since),
                            stage + " " + type + " from " + since);
                }
            }
        }
    }
}
