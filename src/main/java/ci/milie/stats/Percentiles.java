package ci.milie.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Order statistics as PostgreSQL's {@code percentile_cont}: linear interpolation between ranks. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code fraction} percentile of {@code values}, or null when there are none. */
    static Double of(List<Double> values, double fraction) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double position = fraction * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        double value = sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
        return round(value, 2);
    }

    /** {@code part / whole} to 4 decimals, or null when {@code whole} is 0. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    static Double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
