package ci.milie.common.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections of their own, outside the pool, for the long-lived helpers that talk to PostgreSQL
 * on a thread of their own ({@link ChannelListener}, {@link ChannelNotifier}): a pooled one would
 * be taken for good. Each is named {@code milie-<name>} in PostgreSQL's activity views. They reach
 * the primary at {@code milie.db.direct-url} (the pool's URL unless set): LISTEN and their session
 * settings would not survive a transaction-pooling proxy between them and PostgreSQL.
 */
@ApplicationScoped
class DirectConnections {

    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;

    DirectConnections(@ConfigProperty(name = "milie.db.direct-url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    Connection open(String name) throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "milie-" + name);
        properties.setProperty("tcpKeepAlive", "true");
        // A query on a dead connection fails within this time instead of hanging (seconds).
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("connectTimeout", "10");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        return connection;
    }
}
