package ci.milie.request;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The data of one event on a live stream: the event as the stream's caller reads it in the
 * request's timeline, and where the request now stands.
 */
@Schema(name = "LiveEvent", description = "The data of an event on a live stream (its SSE event name is the event type)")
public record LiveEvent(
        @Schema(description = "The request the event belongs to") UUID requestId,
        @Schema(examples = "MIL-7KQ2-9XD3") String trackingCode,
        @Schema(description = "The request's status now") RequestStatus status,
        @Schema(description = "The event, exactly as GET /requests/{id}/events shows it to this caller") Views.EventView event) {
}
