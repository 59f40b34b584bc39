package ci.milie.privacy;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** An export as a download: a dated file name, and never kept by a cache. */
final class ExportResponses {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    static final String DISPOSITION_DOC = "attachment; filename=\"milie-export-<yyyy-MM-dd>.json\" (Cache-Control: no-store)";

    private ExportResponses() {
    }

    static Response download(DataExport export) {
        return Response.ok(export)
                .header("Content-Disposition", "attachment; filename=\"milie-export-" + DAY.format(export.exportedAt()) + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
