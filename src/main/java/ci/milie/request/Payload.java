package ci.milie.request;

import java.util.UUID;

import ci.milie.directory.RequestType;

/** What an action carries besides who and when; validated at the edge before it reaches the door. */
public sealed interface Payload {

    /** Nothing: acknowledge, and Miliê's jobs. */
    record None() implements Payload {
    }

    /** OSEP accepts, possibly correcting the type and the category. */
    record Qualification(RequestType correctedType, UUID correctedCategoryId) implements Payload {
    }

    record Rejection(String reasonCode, UUID duplicateOf, String message) implements Payload {
    }

    /** Route or re-route; a re-routing needs a reason. */
    record Routing(UUID administrationId, String administrationName, String reason) implements Payload {
    }

    /** A question, a reply, a handback reason, a note, a closing message or a dispute reason. */
    record Text(String text) implements Payload {
    }

    /** An answer of the answer module: submitted, approved or returned with remarks. */
    record AnswerStep(UUID answerId, String remarks) implements Payload {
    }

    /** The citizen's rating of a delivered answer. */
    record Rating(UUID answerId, int rating, boolean satisfied) implements Payload {
    }

    /** A file joined to the request, under the name it is shown with. */
    record File(UUID attachmentId, String fileName) implements Payload {
    }

    Payload NONE = new None();
}
