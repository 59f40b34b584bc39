package ci.milie.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The few reads revocation makes, in plain JDBC: they run on the listener's own connection (or,
 * rarely, on a pooled one), never inside a request's transaction.
 */
final class RevocationQueries {

    /**
     * Staff accounts and integration clients alike: both have a security version and an active
     * flag, and their ids (random UUIDs) never collide, so one map in memory serves both.
     */
    private static final String ACCOUNTS = "select id, security_version, active from staff_account"
            + " union all select id, security_version, active from integration_client";

    private RevocationQueries() {
    }

    static Map<UUID, SessionState.Staff> allStaff(Connection connection) throws SQLException {
        Map<UUID, SessionState.Staff> accounts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                ACCOUNTS);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                accounts.put(rows.getObject(1, UUID.class), new SessionState.Staff(rows.getLong(2), rows.getBoolean(3)));
            }
        }
        return accounts;
    }

    static Optional<SessionState.Staff> staff(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select security_version, active from (" + ACCOUNTS + ") accounts where id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new SessionState.Staff(rows.getLong(1), rows.getBoolean(2)))
                        : Optional.empty();
            }
        }
    }

    /** Sessions with a token revoked since {@code since}, with the latest revocation time of each. */
    static Map<UUID, Instant> sessionsRevokedSince(Connection connection, Instant since) throws SQLException {
        Map<UUID, Instant> sessions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select family_id, max(revoked_at) from refresh_token where revoked_at >= ? group by family_id")) {
            statement.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sessions.put(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return sessions;
    }

    static boolean sessionRevoked(Connection connection, UUID session) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select exists (select 1 from refresh_token where family_id = ? and revoked_at is not null)")) {
            statement.setObject(1, session);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** NOTIFY is transactional: listeners hear it when (and only if) this transaction commits. */
    static void notify(Connection connection, String payload) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, Revocations.CHANNEL);
            statement.setString(2, payload);
            statement.execute();
        }
    }
}
