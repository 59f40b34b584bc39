package ci.milie.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application with the FCM sender, pointed at {@link FcmStub} with the stub's service account. */
public class FcmStubProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("milie.push.fcm.credentials", FcmStub.serviceAccountJson(),
                "milie.push.fcm.base-url", FcmStub.baseUrl());
    }
}
