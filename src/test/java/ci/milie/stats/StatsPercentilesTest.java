package ci.milie.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Shares and quarters: the arithmetic behind the statistics (percentiles: StatsHistogramTest, StatsResourceTest). */
class StatsPercentilesTest {

    @Test
    void nothingToShareIsNull() {
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
