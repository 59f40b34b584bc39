package ci.milie.feedback;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.ProblemException;
import ci.milie.common.UniqueConflicts;

/** Two concurrent ratings of the same answer: the loser gets the sequential 409. */
@ApplicationScoped
class FeedbackUniqueConflicts implements UniqueConflicts {

    @Override
    public ProblemException conflict(String constraint) {
        return constraint.equals("feedback_one_per_answer")
                ? ProblemException.conflict("FEEDBACK_ALREADY_GIVEN", "FEEDBACK_ALREADY_GIVEN.rated")
                : null;
    }
}
