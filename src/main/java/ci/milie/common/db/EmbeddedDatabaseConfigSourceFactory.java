package ci.milie.common.db;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Gives dev mode and tests a real PostgreSQL without Docker or an installed server: when no
 * datasource URL is configured and the profile is {@code dev} or {@code test}, an embedded
 * PostgreSQL is started once per JVM and its URL is published as configuration.
 *
 * <p>The production profile never starts one (and the embedded binaries are not even packaged);
 * {@link DatabaseConfigurationCheck} stops a production start without a configured URL.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean devOrTest = profiles.contains("dev") || profiles.contains("test");
        if (!devOrTest || isSet(context.getValue(URL)) || !isEnabled(context)) {
            return List.of();
        }
        if (!EmbeddedDatabase.available()) {
            return List.of();
        }
        Map<String, String> properties = EmbeddedDatabase.startOnce(profiles.contains("test"));
        return List.of(new MapBackedConfigSource("milie-embedded-postgresql", properties, 50) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static boolean isEnabled(ConfigSourceContext context) {
        ConfigValue enabled = context.getValue("milie.embedded-database.enabled");
        return enabled == null || enabled.getValue() == null || Boolean.parseBoolean(enabled.getValue());
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
