package ci.milie.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares and rounding of the statistics; medians and percentiles come from PostgreSQL's {@code percentile_cont}. */
final class Percentiles {

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
