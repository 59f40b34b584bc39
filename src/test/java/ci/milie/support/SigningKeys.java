package ci.milie.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Three RSA key pairs for the key-rotation tests, generated on first use under target/ (never
 * committed): the previous signing key, the current one, and a stranger's, in no set. Files rather
 * than fields: test profiles and tests may run in different class loaders, and all must see the
 * same keys.
 */
public final class SigningKeys {

    public static final String PREVIOUS = "2026-05";
    public static final String CURRENT = "2026-11";
    public static final String STRANGER = "elsewhere";

    private static final Path DIRECTORY = Path.of("target", "test-keys", "rotation").toAbsolutePath();

    private SigningKeys() {
    }

    public static PrivateKey privateKey(String kid) {
        try {
            Path file = DIRECTORY.resolve(kid + ".pem");
            if (!Files.exists(file)) {
                generate(file);
            }
            String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Configuration signing with the current key and verifying with the set of these kids' public keys. */
    public static Map<String, String> config(String... verifyingKids) {
        privateKey(CURRENT);
        return Map.of("smallrye.jwt.sign.key.location", "file:" + DIRECTORY.resolve(CURRENT + ".pem"),
                "smallrye.jwt.sign.key.id", CURRENT,
                "mp.jwt.verify.publickey.location", "file:" + keySet(verifyingKids));
    }

    private static Path keySet(String... kids) {
        try {
            List<JsonWebKey> keys = new java.util.ArrayList<>();
            for (String kid : kids) {
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) privateKey(kid);
                RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())));
                jwk.setKeyId(kid);
                jwk.setAlgorithm("RS256");
                jwk.setUse("sig");
                keys.add(jwk);
            }
            Path file = DIRECTORY.resolve("jwks-" + String.join("+", kids) + ".json");
            Files.writeString(file, new JsonWebKeySet(keys).toJson());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void generate(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), "key", ".tmp");
        Files.writeString(partial, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(encoded)
                + "\n-----END PRIVATE KEY-----\n");
        try {
            Files.move(partial, file);
        } catch (java.nio.file.FileAlreadyExistsException alreadyThere) {
            Files.delete(partial);
        }
    }
}
