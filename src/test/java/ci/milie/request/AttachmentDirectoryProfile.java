package ci.milie.request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application storing attachments in a directory of its own, created once per JVM. */
public class AttachmentDirectoryProfile implements QuarkusTestProfile {

    private static final String DIRECTORY_PROPERTY = "milie.test.attachments-directory";

    /** Kept in a system property: the profile and the tests may be loaded by different class loaders. */
    static synchronized Path directory() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("milie-attachments").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(DIRECTORY_PROPERTY, directory);
        }
        return Path.of(directory);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("milie.attachments.directory", directory().toString());
    }
}
