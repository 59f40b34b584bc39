package ci.milie.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class SatisfactionCriterionTest {

    @Test
    void theCriteriaListedAreTheDetailedRatingsAFeedbackTakes() {
        List<String> ratings = Arrays.stream(FeedbackCommands.Criteria.class.getRecordComponents())
                .map(c -> c.getName().toUpperCase(Locale.ROOT)).toList();
        assertEquals(ratings, Arrays.stream(SatisfactionCriterion.values()).map(Enum::name).toList());
    }
}
