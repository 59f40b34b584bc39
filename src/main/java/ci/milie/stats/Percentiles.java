package ci.milie.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Shares and rounding of the statistics. Medians and 90th percentiles are exact (PostgreSQL's
 * {@code percentile_cont}, ranked by the roll-up) for complete calendar periods, read from the
 * roll-up's histograms otherwise (Histogram).
 */
final class Percentiles {

    /** How exact a median or 90th percentile is: the API's descriptions and docs/STATISTICS.md say the same. */
    static final String PRECISION = "To 2 decimals. Exact (PostgreSQL's percentile_cont) for a complete calendar "
            + "month, quarter or year without a type, channel or region filter; for any other period read from "
            + "histograms, within 0.005 working day plus 1/256 of the figure of the exact value (before rounding)";

    private Percentiles() {
    }

    /** {@code part / whole} to 4 decimals, or null when {@code whole} is 0. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    static Double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
