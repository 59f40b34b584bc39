package ci.milie.request;

import java.time.Instant;
import java.util.UUID;

/**
 * One request in a few fields, for systems that list many (Open311): what the public tracking page
 * shows, and, only when {@link #detailed} (the reader may see the request), its description, place
 * and first file of the citizen.
 */
public record RequestDigest(
        UUID id,
        String trackingCode,
        RequestStatus status,
        String categoryCode,
        String categoryLabelFr,
        String categoryLabelEn,
        String administrationName,
        Instant submittedAt,
        Instant updatedAt,
        Instant dueAt,
        /** The latest event of the public timeline: what "status notes" say. */
        EventType latestPublicEvent,
        boolean detailed,
        String description,
        String region,
        String locality,
        Double latitude,
        Double longitude,
        UUID firstCitizenFileId) {

    /** The latest public step's label in this language ({@code fr}, {@code en}); null before any. */
    public String latestPublicStep(String language) {
        return latestPublicEvent == null ? null : EventTexts.label(latestPublicEvent, language);
    }

    /** Someone still has to act on it. */
    public boolean open() {
        return RequestStatus.OPEN.contains(status);
    }
}
