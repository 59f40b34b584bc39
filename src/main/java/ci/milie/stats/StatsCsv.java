package ci.milie.stats;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CSV form of each statistics view: one header row, then values; dates ISO-8601; nulls empty. */
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
                        printer.printRecord(report.from(), report.to(), a.administrationId(), a.code(), a.name(),
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
                        printer.printRecord(report.from(), report.to(), c.categoryId(), c.code(), c.label(),
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
                        printer.printRecord(series.from(), series.to(), series.administrationId(), series.interval(),
                                p.start(), p.received(), p.answered(), p.ratings(), p.averageRating());
                    }
                });
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
        printer.printRecord(stats.from(), stats.to(), scope, f.id(), f.code(), f.name(), f.received(), f.answered(),
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
        printer.printRecord(head[0], head[1], head[2], figure, key, value);
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
