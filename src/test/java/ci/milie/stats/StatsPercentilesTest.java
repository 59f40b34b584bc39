package ci.milie.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Percentiles interpolate between ranks as PostgreSQL's percentile_cont does. */
class StatsPercentilesTest {

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Percentiles.of(List.of(4.0, 1.0, 3.0, 2.0), 0.5));
    }

    @Test
    void ninetiethPercentileInterpolates() {
        assertEquals(5.8, Percentiles.of(List.of(2.0, 7.0, 2.0, 4.0, 2.0), 0.9));
        assertEquals(3.0, Percentiles.of(List.of(1.0, 1.0, 1.0, 1.0, 3.0, 3.0), 0.9));
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertEquals(1.25, Percentiles.of(List.of(1.25), 0.5));
        assertEquals(1.25, Percentiles.of(List.of(1.25), 0.9));
    }

    @Test
    void nothingToMeasureIsNull() {
        assertNull(Percentiles.of(List.of(), 0.5));
        assertNull(Percentiles.share(3, 0));
    }

    @Test
    void sharesHaveFourDecimals() {
        assertEquals(0.6667, Percentiles.share(4, 6));
        assertEquals(1.0, Percentiles.share(5, 5));
    }

    @Test
    void quartersFollowTheCalendar() {
        Quarter q1 = Quarter.parse("2027-Q1", "quarter");
        assertEquals("2026-Q4", q1.previous().toString());
        assertEquals(java.time.Instant.parse("2027-01-01T00:00:00Z"), q1.start());
        assertEquals(java.time.Instant.parse("2027-04-01T00:00:00Z"), q1.end());
        assertEquals("2026-Q2", Quarter.of(java.time.Instant.parse("2026-06-30T23:59:59Z")).toString());
    }
}
