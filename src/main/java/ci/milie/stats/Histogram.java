package ci.milie.stats;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Working days merged from the roll-up's histograms (entries {@code bucket << 32 | count}, built by
 * stats_time_bucket and stats_histogram in R__stats_functions), and their percentiles read as
 * {@code percentile_cont} reads the values: the fraction p of n values interpolates between the
 * values ranked floor and ceil of p × (n − 1), each taken inside its bucket, the k-th (from 0) of a
 * bucket's c values at lower + width × k / c.
 *
 * <p>
 * Merged here rather than in SQL: a rolling year per administration sums about 680,000 entries,
 * which PostgreSQL hashed in 400 ms at 5M requests, and a dense array of counts in 50 ms, transfer
 * included.
 */
final class Histogram {

    private long[] counts = new long[1024];
    private long total;

    /**
     * Adds the entries of one histogram: a {@code bigint[]} as JDBC or Hibernate returns it, its
     * binary form (bytes of {@code array_send}), or null.
     */
    void add(Object entries) {
        if (entries == null) {
            return;
        }
        if (entries instanceof java.sql.Array array) {
            try {
                add(array.getArray());
            } catch (SQLException e) {
                throw new IllegalStateException("unreadable histogram", e);
            }
        } else if (entries instanceof byte[] sent) {
            addSent(ByteBuffer.wrap(sent));
        } else if (entries instanceof long[] values) {
            for (long entry : values) {
                add(entry);
            }
        } else {
            for (Object entry : (Object[]) entries) {
                add(((Number) entry).longValue());
            }
        }
    }

    /**
     * A {@code bigint[]} in PostgreSQL's binary form ({@code array_send}): the dimensions, the flags
     * and the element type, each dimension's length and lower bound, then each element's length and
     * value. Read so because a rolling year brings 680,000 entries, which as boxed Longs were most of
     * the call's garbage.
     */
    private void addSent(ByteBuffer sent) {
        int dimensions = sent.getInt();
        sent.getInt(); // whether it holds nulls: a histogram never does
        sent.getInt(); // the element type, int8
        if (dimensions == 0) {
            return;
        }
        int length = sent.getInt();
        sent.getInt(); // lower bound
        for (int i = 0; i < length; i++) {
            if (sent.getInt() == 8) {
                add(sent.getLong());
            }
        }
    }

    private void add(long entry) {
        int bucket = (int) (entry >>> 32);
        long count = entry & 0xFFFF_FFFFL;
        if (bucket >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(bucket + 1, counts.length * 2));
        }
        counts[bucket] += count;
        total += count;
    }

    /** How many working times were merged. */
    long total() {
        return total;
    }

    /** The percentiles (fractions from 0 to 1) of the merged times, in working days; null when none. */
    double[] percentiles(double... fractions) {
        if (total == 0) {
            return null;
        }
        double[] result = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            double f = fractions[i] * (total - 1);
            double below = ranked((long) Math.floor(f));
            double above = ranked((long) Math.ceil(f));
            result[i] = below + (f - Math.floor(f)) * (above - below);
        }
        return result;
    }

    /** The value ranked {@code rank} (from 0), inside its bucket. */
    private double ranked(long rank) {
        long before = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            long n = counts[bucket];
            if (rank < before + n) {
                // The bounds stats_time_bucket gives the bucket: units of 0.005 working day, one
                // unit wide below bucket 512, then 256 buckets per doubling, each 2^s units wide
                int s = Math.max(0, bucket / 256 - 1);
                double lower = ((long) (bucket - s * 256) << s) / 200.0;
                double width = (1L << s) / 200.0;
                return lower + width * (rank - before) / n;
            }
            before += n;
        }
        throw new IllegalArgumentException("rank " + rank + " beyond " + total);
    }
}
