package ci.milie.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What FCM needs of a Google service account's JSON key: who signs ({@code client_email}), with
 * which key ({@code private_key}, PKCS#8 PEM, and its {@code private_key_id}), for which project,
 * and where to exchange the signed assertion for an access token. Configuration overrides the
 * project and the token endpoint (tests point them at a stub).
 */
record FcmCredentials(String clientEmail, PrivateKey privateKey, String privateKeyId, String projectId, String tokenUri) {

    static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";

    static FcmCredentials load(PushConfig.Fcm config, ObjectMapper json) {
        String text = config.credentials().filter(value -> !value.isBlank()).orElseGet(() -> {
            try {
                return Files.readString(Path.of(config.credentialsFile().orElseThrow()));
            } catch (IOException e) {
                throw new IllegalStateException("milie.push.fcm.credentials-file cannot be read", e);
            }
        });
        try {
            JsonNode key = json.readTree(text);
            String projectId = config.projectId().filter(value -> !value.isBlank()).orElse(key.path("project_id").asText(null));
            String tokenUri = config.tokenUri().filter(value -> !value.isBlank())
                    .orElse(key.path("token_uri").asText(GOOGLE_TOKEN_URI));
            if (projectId == null || key.path("client_email").isMissingNode() || key.path("private_key").isMissingNode()) {
                throw new IllegalStateException("The FCM service account needs client_email, private_key and a project id");
            }
            return new FcmCredentials(key.get("client_email").asText(), privateKey(key.get("private_key").asText()),
                    key.path("private_key_id").asText(null), projectId, tokenUri);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // never the message: it could quote the key
            throw new IllegalStateException("The FCM service account key is not a readable service-account JSON ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    @Override
    public String toString() {
        return "FcmCredentials[" + clientEmail + ", project " + projectId + "]";
    }
}
