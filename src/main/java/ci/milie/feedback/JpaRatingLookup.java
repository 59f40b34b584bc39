package ci.milie.feedback;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.request.RatingLookup;

/** The request module's view of ratings. */
@ApplicationScoped
class JpaRatingLookup implements RatingLookup {

    private final FeedbackRepository feedback;

    JpaRatingLookup(FeedbackRepository feedback) {
        this.feedback = feedback;
    }

    @Override
    public boolean rated(UUID answerId) {
        return feedback.existsFor(answerId);
    }
}
