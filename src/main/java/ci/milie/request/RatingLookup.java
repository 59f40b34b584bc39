package ci.milie.request;

import java.util.UUID;

/** Whether the citizen rated an answer (implemented by the feedback module): the rating rule reads it. */
public interface RatingLookup {

    boolean rated(UUID answerId);
}
