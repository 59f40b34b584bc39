package ci.milie.feedback;

/** The detailed ratings a citizen may give besides the overall one: the components of FeedbackCriteria. */
public enum SatisfactionCriterion {
    CLARITY, SPEED, COURTESY
}
