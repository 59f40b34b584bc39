package ci.milie.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A key rotation completed: the previous key has left the set, which holds the current key alone. */
public class PreviousKeyRemovedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return SigningKeys.config(SigningKeys.CURRENT);
    }
}
