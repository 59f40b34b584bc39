package ci.milie.channel;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** No aggregator has a secret: the channel endpoints are closed. */
public class ChannelsClosedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("milie.channels.aggregators.primary.secret", "",
                "milie.channels.aggregators.fenced.secret", "");
    }
}
