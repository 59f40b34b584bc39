package ci.milie.stats;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.as;
import static ci.milie.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ci.milie.sla.WorkingCalendar;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import ci.milie.support.TestClock;
import io.restassured.path.json.JsonPath;

/**
 * A small known data set, built once through the API on a future fortnight without holidays.
 * Complaints (acknowledge within 2 working days, answer within 3 after that), all submitted on
 * Monday 08:00 (T0) at trusted administrations, so answers are delivered at once:
 *
 * <pre>
 * A: r1 r2 r3 acknowledged Tue (1 wd, met), answered Wed (2 wd, met), rated 5 ✓, 4 ✓, 2 ✗ (r3 then reopened)
 *    r4 acknowledged Thu (3 wd, late), answered Fri (4 wd, met), rated 5 ✓
 *    r5 acknowledged Thu (3 wd, late), answered next Wed (7 wd, late), rated 4 ✓
 *    r6 acknowledged Tue (1 wd, met), never answered: overdue at the end
 *    r7 routed to A, handed back by A; r8 routed to A, re-routed to B
 * B: b1 b2 acknowledged Tue, answered Wed; b1 rated 5 ✓; plus r8 (routed) → every public figure withheld
 * B's category also holds one request OSEP rejected at triage as OUT_OF_SCOPE (no administration)
 * </pre>
 *
 * The clock ends on the second Wednesday, 08:00 (T0 + 9 days); {@link #atEnd} puts it back there.
 */
final class StatsFixture {

    static final String CONTACT_NAME = "Kouadio Privé-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    static final String CONTACT_EMAIL = uniqueEmail("stats-private");
    static final String CONTACT_PHONE = "+22507" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
    static final String SUBJECT = "Sujet confidentiel " + java.util.UUID.randomUUID().toString().substring(0, 8);
    static final String DESCRIPTION = "Texte de la demande à ne jamais publier " + java.util.UUID.randomUUID();

    private static StatsFixture instance;

    final Setting a;
    final Setting b;
    final LocalDate monday;
    final Duration endOffset;

    private StatsFixture(Setting a, Setting b, LocalDate monday, Duration endOffset) {
        this.a = a;
        this.b = b;
        this.monday = monday;
        this.endOffset = endOffset;
    }

    /** The query parameters of the fortnight: from T0's Monday to the second Wednesday, inclusive. */
    Map<String, String> period() {
        return Map.of("from", monday.toString(), "to", monday.plusDays(9).toString());
    }

    void atEnd(TestClock clock) {
        clock.reset();
        clock.advance(endOffset);
    }

    static synchronized StatsFixture get(TestClock clock, WorkingCalendar calendar) {
        if (instance == null) {
            try {
                instance = build(clock, calendar);
            } finally {
                clock.reset();
            }
        }
        return instance;
    }

    private static StatsFixture build(TestClock clock, WorkingCalendar calendar) {
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (!fullWorkingFortnight(monday, calendar)) {
            monday = monday.plusWeeks(2);
        }
        Instant t0 = monday.atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC);
        clock.reset();
        clock.advance(Duration.between(Instant.now(), t0));

        Setting a = Setting.create(false);
        Setting b = Setting.create(false);
        List<String[]> r = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            r.add(submit(a.categoryCode(), i == 0));
        }
        String[] b1 = submit(b.categoryCode(), false);
        String[] b2 = submit(b.categoryCode(), false);
        String[] rejected = submit(b.categoryCode(), false);
        as(b.osepToken()).body(Map.of("decision", "REJECT", "reasonCode", "OUT_OF_SCOPE", "message", "Hors champ."))
                .post("/api/v1/requests/" + rejected[0] + "/qualification").then().statusCode(200);
        for (int i = 0; i < 8; i++) {
            route(a, r.get(i)[0], a.administrationId(), null);
        }
        route(b, b1[0], b.administrationId(), null);
        route(b, b2[0], b.administrationId(), null);
        as(a.agentToken()).body(Map.of("reason", "Pas de notre ressort."))
                .post("/api/v1/requests/" + r.get(6)[0] + "/handback").then().statusCode(200);
        route(a, r.get(7)[0], b.administrationId(), "Relève de B.");

        clock.advance(Duration.ofDays(1)); // Tuesday
        for (int i : new int[] { 0, 1, 2, 5 }) {
            acknowledge(a, r.get(i)[0]);
        }
        acknowledge(b, b1[0]);
        acknowledge(b, b2[0]);
        clock.advance(Duration.ofDays(1)); // Wednesday
        for (int i : new int[] { 0, 1, 2 }) {
            answer(a, r.get(i)[0]);
        }
        answer(b, b1[0]);
        answer(b, b2[0]);
        clock.advance(Duration.ofDays(1)); // Thursday
        acknowledge(a, r.get(3)[0]);
        acknowledge(a, r.get(4)[0]);
        clock.advance(Duration.ofDays(1)); // Friday
        answer(a, r.get(3)[0]);
        clock.advance(Duration.ofDays(5)); // next Wednesday
        answer(a, r.get(4)[0]);

        rate(r.get(0), 5, true);
        rate(r.get(1), 4, true);
        rate(r.get(2), 2, false);
        rate(r.get(3), 5, true);
        rate(r.get(4), 4, true);
        rate(b1, 5, true);
        anonymous().header("X-Access-Key", r.get(2)[1]).body(Map.of("reason", "Toujours rien reçu."))
                .post("/api/v1/requests/" + r.get(2)[0] + "/reopen").then().statusCode(200);

        Duration endOffset = Duration.between(Instant.now(), t0.plus(Duration.ofDays(9)));
        return new StatsFixture(a, b, monday, endOffset);
    }

    private static boolean fullWorkingFortnight(LocalDate monday, WorkingCalendar calendar) {
        for (int i = 0; i < 14; i++) {
            LocalDate day = monday.plusDays(i);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !calendar.isWorkingDay(day)) {
                return false;
            }
        }
        return true;
    }

    /** [id, accessKey]; the first one carries the private contact details the open data must not show. */
    static String[] submit(String category, boolean privateDetails) {
        Map<String, Object> body = Requests.complaint(category, uniqueEmail("stats"));
        if (privateDetails) {
            @SuppressWarnings("unchecked")
            Map<String, Object> contact = (Map<String, Object>) body.get("contact");
            contact.put("fullName", CONTACT_NAME);
            contact.put("email", CONTACT_EMAIL);
            contact.put("phone", CONTACT_PHONE);
            body.put("subject", SUBJECT);
            body.put("description", DESCRIPTION);
        }
        JsonPath receipt = Requests.submitAnonymously(body);
        return new String[] { receipt.getString("id"), receipt.getString("accessKey") };
    }

    static void route(Setting by, String id, String administrationId, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("administrationId", administrationId));
        if (reason != null) {
            body.put("reason", reason);
        }
        as(by.osepToken()).body(body).post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
    }

    static void acknowledge(Setting at, String id) {
        as(at.agentToken()).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
    }

    static void answer(Setting at, String id) {
        as(at.agentToken()).body(Map.of("text", "Votre dossier est traité.")).post("/api/v1/requests/" + id + "/answers")
                .then().statusCode(201).body("requestStatus", equalTo("ANSWERED"));
    }

    static void rate(String[] request, int rating, boolean satisfied) {
        anonymous().header("X-Access-Key", request[1]).body(Map.of("rating", rating, "satisfied", satisfied))
                .post("/api/v1/requests/" + request[0] + "/feedback").then().statusCode(201);
    }
}
