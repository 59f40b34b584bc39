package ci.milie.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The SQL twin of the working-time rule (V10, for older rows and the benchmark's generator) gives
 * what {@link WorkingTime} gives, holidays of the database included.
 */
@QuarkusTest
class WorkingSecondsSqlTest {

    @Inject
    EntityManager em;

    @Inject
    WorkingCalendar calendar;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-11-26T01:00:00Z, 2026-11-26T03:30:00Z", // within a Thursday
            "2026-11-27T12:00:00Z, 2026-11-30T06:00:00Z", // Friday noon to Monday morning
            "2026-11-28T01:00:00Z, 2026-11-29T23:00:00Z", // a weekend only
            "2026-11-28T10:00:00Z, 2026-12-01T10:00:00Z", // from a Saturday
            "2026-12-24T08:00:00Z, 2026-12-28T08:00:00Z", // over Christmas Day (a Friday holiday)
            "2026-12-31T23:00:00Z, 2027-01-04T01:00:00Z", // over New Year's Day
            "2026-11-02T00:00:00Z, 2026-11-23T00:00:00Z", // three whole weeks
            "2026-03-02T09:15:00Z, 2026-06-30T17:45:00Z", // a season, Easter Monday and Ascension within
            "2026-11-02T10:00:00Z, 2026-11-01T00:00:00Z", // backwards: none
    })
    void sqlAndJavaAgree(Instant from, Instant to) {
        Number sql = (Number) em.createNativeQuery("select working_seconds_between(?1, ?2)")
                .setParameter(1, Timestamp.from(from)).setParameter(2, Timestamp.from(to)).getSingleResult();
        Duration java = to.isAfter(from) ? calendar.workingTimeBetween(from, to) : Duration.ZERO;

        assertEquals(java.toSeconds(), sql.longValue());
    }
}
