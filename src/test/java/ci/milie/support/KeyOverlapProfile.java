package ci.milie.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A key rotation's overlap: the current key signs; the set verifies with the current and the previous key. */
public class KeyOverlapProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return SigningKeys.config(SigningKeys.CURRENT, SigningKeys.PREVIOUS);
    }
}
