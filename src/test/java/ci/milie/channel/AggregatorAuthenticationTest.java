package ci.milie.channel;

import static ci.milie.support.Problems.assertProblem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ChannelsClosedProfile.class)
class AggregatorAuthenticationTest {

    @Test
    void withoutAnAggregatorConfiguredTheChannelsAreClosedEvenToTheRightSecret() {
        assertProblem(Ussd.form(Ussd.callback(Ussd.AGGREGATOR, Ussd.SECRET), "ATUid_closed", "+2250701020304", "")
                .post("/api/v1/channels/ussd").then(), 403, "FORBIDDEN")
                .body("detail", org.hamcrest.Matchers.containsString("USSD"));
    }
}
