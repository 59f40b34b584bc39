package ci.milie.stats;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV form of each statistics view: one header row, then values; dates ISO-8601; nulls empty.
 * Every row goes through {@link #record}: text that a spreadsheet would read as a formula is
 * neutralised there (names, labels and keys come from people, and OSEP opens these files in Excel).
 */
final class StatsCsv {

    static final String MEDIA_TYPE = "text/csv";

    private StatsCsv() {
    }

    /** A CSV body as a download, UTF-8. */
    static jakarta.ws.rs.core.Response response(String body, String name) {
        return jakarta.ws.rs.core.Response.ok(body, MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"milie-" + name + ".csv\"").build();
    }

    /** Long format: one row per figure. */
    static String overview(StatsOverview o) {
        return write(List.of("from", "to", "administrationId", "figure", "key", "value"), printer -> {
            Object[] head = { o.from(), o.to(), o.administrationId() };
            row(printer, head, "received", null, o.received());
            breakdown(printer, head, "receivedByType", o.receivedByType());
            breakdown(printer, head, "receivedByChannel", o.receivedByChannel());
            breakdown(printer, head, "receivedByCategory", o.receivedByCategory());
            breakdown(printer, head, "receivedByRegion", o.receivedByRegion());
            row(printer, head, "answered", null, o.answered());
            row(printer, head, "closed", null, o.closed());
            row(printer, head, "rejected", null, o.rejected());
            breakdown(printer, head, "rejectedByReason", o.rejectedByReason());
            breakdown(printer, head, "backlogByStatus", o.backlogByStatus());
            row(printer, head, "overdueNow", null, o.overdueNow());
        });
    }

    static String administrations(AdministrationStatsReport report) {
        return write(List.of("from", "to", "administrationId", "code", "name", "received", "answered",
                "medianDaysToAcknowledge", "p90DaysToAcknowledge", "medianDaysToAnswer", "p90DaysToAnswer",
                "acknowledgementMetShare", "answerMetShare", "handbacks", "reroutes", "answersDelivered", "ratings",
                "averageRating", "shareRated4or5", "shareSatisfied", "feedbackResponseRate", "reopenRate"), printer -> {
                    for (AdministrationStats a : report.administrations()) {
                        record(printer, report.from(), report.to(), a.administrationId(), a.code(), a.name(),
                                a.received(), a.answered(), a.medianDaysToAcknowledge(), a.p90DaysToAcknowledge(),
                                a.medianDaysToAnswer(), a.p90DaysToAnswer(), a.acknowledgementMetShare(),
                                a.answerMetShare(), a.handbacks(), a.reroutes(), a.answersDelivered(), a.ratings(),
                                a.averageRating(), a.shareRated4or5(), a.shareSatisfied(), a.feedbackResponseRate(),
                                a.reopenRate());
                    }
                });
    }

    static String categories(CategoryStatsReport report) {
        return write(List.of("from", "to", "categoryId", "code", "label", "received", "answered",
                "medianDaysToAcknowledge", "p90DaysToAcknowledge", "medianDaysToAnswer", "p90DaysToAnswer",
                "acknowledgementMetShare", "answerMetShare", "answersDelivered", "ratings", "averageRating",
                "shareRated4or5", "shareSatisfied", "feedbackResponseRate", "reopenRate"), printer -> {
                    for (CategoryStats c : report.categories()) {
                        record(printer, report.from(), report.to(), c.categoryId(), c.code(), c.label(),
                                c.received(), c.answered(), c.medianDaysToAcknowledge(), c.p90DaysToAcknowledge(),
                                c.medianDaysToAnswer(), c.p90DaysToAnswer(), c.acknowledgementMetShare(),
                                c.answerMetShare(), c.answersDelivered(), c.ratings(), c.averageRating(),
                                c.shareRated4or5(), c.shareSatisfied(), c.feedbackResponseRate(), c.reopenRate());
                    }
                });
    }

    static String series(TimeSeries series) {
        return write(List.of("from", "to", "administrationId", "interval", "start", "received", "answered",
                "ratings", "averageRating"), printer -> {
                    for (TimeSeries.Point p : series.points()) {
                        record(printer, series.from(), series.to(), series.administrationId(), series.interval(),
                                p.start(), p.received(), p.answered(), p.ratings(), p.averageRating());
                    }
                });
    }

    /** Long format: one row per figure, the quarter and the previous one side by side. */
    static String quarterly(QuarterlyReport report) {
        return write(List.of("administrationId", "figure", "key", report.quarter(), report.previousQuarter()), printer -> {
            StatsOverview c = report.current().overview();
            StatsOverview p = report.previous().overview();
            Object id = report.administrationId();
            record(printer, id, "from", null, report.current().from(), report.previous().from());
            record(printer, id, "to", null, report.current().to(), report.previous().to());
            record(printer, id, "received", null, c.received(), p.received());
            pairs(printer, id, "receivedByType", c.receivedByType(), p.receivedByType());
            pairs(printer, id, "receivedByChannel", c.receivedByChannel(), p.receivedByChannel());
            pairs(printer, id, "receivedByCategory", c.receivedByCategory(), p.receivedByCategory());
            pairs(printer, id, "receivedByRegion", c.receivedByRegion(), p.receivedByRegion());
            record(printer, id, "answered", null, c.answered(), p.answered());
            record(printer, id, "closed", null, c.closed(), p.closed());
            record(printer, id, "rejected", null, c.rejected(), p.rejected());
            pairs(printer, id, "rejectedByReason", c.rejectedByReason(), p.rejectedByReason());
            AdministrationStats a = report.current().performance();
            AdministrationStats b = report.previous().performance();
            record(printer, id, "medianDaysToAcknowledge", null, a.medianDaysToAcknowledge(), b.medianDaysToAcknowledge());
            record(printer, id, "p90DaysToAcknowledge", null, a.p90DaysToAcknowledge(), b.p90DaysToAcknowledge());
            record(printer, id, "medianDaysToAnswer", null, a.medianDaysToAnswer(), b.medianDaysToAnswer());
            record(printer, id, "p90DaysToAnswer", null, a.p90DaysToAnswer(), b.p90DaysToAnswer());
            record(printer, id, "acknowledgementMetShare", null, a.acknowledgementMetShare(), b.acknowledgementMetShare());
            record(printer, id, "answerMetShare", null, a.answerMetShare(), b.answerMetShare());
            record(printer, id, "handbacks", null, a.handbacks(), b.handbacks());
            record(printer, id, "reroutes", null, a.reroutes(), b.reroutes());
            record(printer, id, "answersDelivered", null, a.answersDelivered(), b.answersDelivered());
            record(printer, id, "ratings", null, a.ratings(), b.ratings());
            record(printer, id, "averageRating", null, a.averageRating(), b.averageRating());
            record(printer, id, "shareRated4or5", null, a.shareRated4or5(), b.shareRated4or5());
            record(printer, id, "shareSatisfied", null, a.shareSatisfied(), b.shareSatisfied());
            record(printer, id, "feedbackResponseRate", null, a.feedbackResponseRate(), b.feedbackResponseRate());
            record(printer, id, "reopenRate", null, a.reopenRate(), b.reopenRate());
        });
    }

    private static void pairs(CSVPrinter printer, Object id, String figure, Map<String, Long> current,
            Map<String, Long> previous) throws IOException {
        java.util.Set<String> keys = new java.util.TreeSet<>(current.keySet());
        keys.addAll(previous.keySet());
        for (String key : keys) {
            record(printer, id, figure, key, current.getOrDefault(key, 0L), previous.getOrDefault(key, 0L));
        }
    }

    /** One row per administration, then per category; ranks in their own columns. */
    static String publicStats(PublicStats stats) {
        return write(List.of("from", "to", "scope", "id", "code", "name", "received", "answered", "medianDaysToAnswer",
                "shareWithinDeadline", "averageRating", "shareSatisfied", "suppressed", "withheld",
                "responsivenessRank", "satisfactionRank"), printer -> {
                    for (PublicFigures f : stats.administrations()) {
                        publicRow(printer, stats, "ADMINISTRATION", f, rank(stats.rankingByResponsiveness(), f),
                                rank(stats.rankingBySatisfaction(), f));
                    }
                    for (PublicFigures f : stats.categories()) {
                        publicRow(printer, stats, "CATEGORY", f, null, null);
                    }
                });
    }

    private static Integer rank(List<RankEntry> ranking, PublicFigures f) {
        return ranking.stream().filter(r -> r.administrationId().equals(f.id())).map(RankEntry::rank).findFirst()
                .orElse(null);
    }

    private static void publicRow(CSVPrinter printer, PublicStats stats, String scope, PublicFigures f,
            Integer responsiveness, Integer satisfaction) throws IOException {
        record(printer, stats.from(), stats.to(), scope, f.id(), f.code(), f.name(), f.received(), f.answered(),
                f.medianDaysToAnswer(), f.shareWithinDeadline(), f.averageRating(), f.shareSatisfied(), f.suppressed(),
                String.join(" ", f.withheld()), responsiveness, satisfaction);
    }

    private static void breakdown(CSVPrinter printer, Object[] head, String figure, Map<String, Long> values)
            throws IOException {
        for (Map.Entry<String, Long> e : values.entrySet()) {
            row(printer, head, figure, e.getKey(), e.getValue());
        }
    }

    private static void row(CSVPrinter printer, Object[] head, String figure, String key, Object value)
            throws IOException {
        record(printer, head[0], head[1], head[2], figure, key, value);
    }

    /** Prints one row, its text cells {@linkplain #cell neutralised}. */
    private static void record(CSVPrinter printer, Object... values) throws IOException {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(values[i]);
        }
        printer.printRecord(cells);
    }

    /**
     * OWASP's defence against CSV injection: text starting with {@code = + - @}, a tab or a carriage
     * return is prefixed with a single quote, which spreadsheets show as text. Only text is touched:
     * numbers (a negative figure) and dates are written as they are.
     */
    static Object cell(Object value) {
        if (value instanceof CharSequence text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    private interface Body {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String write(List<String> header, Body body) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\r\n").setNullString("").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            body.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
