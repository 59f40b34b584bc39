package ci.milie.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Tells whether a call changed a business table. A trigger on each table logs every insert, delete
 * and real update (one that changes a column other than the ignored ones) into a log table, so
 * the fingerprint is one read of that log's last id: exact, and as cheap on a large table as on a
 * small one (a count or a sum over the requests would not be). Installed for the fuzz test and
 * removed after it. Changes in a transaction that rolls back leave no trace, as they should.
 */
final class BusinessTableWatch implements AutoCloseable {

    /**
     * The tables watched, each with the columns a refused call may legitimately change. A wrong
     * password counts a failure on the account (and the account's version moves with it); a
     * sign-in stamps the last login. Not watched at all: refresh tokens and OTP challenges (a
     * refused refresh revokes its family, a wrong code counts an attempt), and limit counters.
     */
    static final Map<String, List<String>> TABLES = Map.ofEntries(
            Map.entry("citizen_request", List.of()),
            Map.entry("request_event", List.of()),
            Map.entry("request_event_text", List.of()),
            Map.entry("privacy_act", List.of()),
            Map.entry("answer", List.of()),
            Map.entry("attachment", List.of()),
            Map.entry("feedback", List.of()),
            Map.entry("outbox_message", List.of()),
            Map.entry("idempotency_record", List.of()),
            Map.entry("staff_account", List.of("failed_logins", "locked_until", "last_login_at", "version", "updated_at")),
            Map.entry("citizen", List.of("last_login_at", "version")),
            Map.entry("administration", List.of()),
            Map.entry("category", List.of()),
            Map.entry("sla_policy", List.of()),
            Map.entry("public_holiday", List.of()));

    private static final String LOG = "fuzz_business_change";

    private final Connection connection;

    private BusinessTableWatch(Connection connection) {
        this.connection = connection;
    }

    static BusinessTableWatch install(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists " + LOG
                    + " (id bigint generated always as identity primary key, table_name text not null, operation text not null)");
            statement.execute("""
                    create or replace function fuzz_log_business_change() returns trigger language plpgsql as $$
                    begin
                        if tg_op = 'UPDATE' and (to_jsonb(new) - coalesce(tg_argv, '{}')) = (to_jsonb(old) - coalesce(tg_argv, '{}')) then
                            return null;
                        end if;
                        insert into fuzz_business_change (table_name, operation) values (tg_table_name, tg_op);
                        return null;
                    end;
                    $$""");
            for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
                String ignored = String.join(", ", table.getValue().stream().map(c -> "'" + c + "'").toList());
                statement.execute("drop trigger if exists fuzz_watch on " + table.getKey());
                statement.execute("create trigger fuzz_watch after insert or update or delete on " + table.getKey()
                        + " for each row execute function fuzz_log_business_change(" + ignored + ")");
            }
        }
        return new BusinessTableWatch(connection);
    }

    /** The position of the change log: equal before and after a call that changed nothing. */
    long fingerprint() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select coalesce(max(id), 0) from " + LOG)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** What changed after the given fingerprint, e.g. "INSERT outbox_message". */
    List<String> changesSince(long fingerprint) throws SQLException {
        List<String> changes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select operation, table_name from " + LOG + " where id > "
                        + fingerprint + " order by id limit 20")) {
            while (rows.next()) {
                changes.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return changes;
    }

    @Override
    public void close() throws SQLException {
        try (connection; Statement statement = connection.createStatement()) {
            for (String table : TABLES.keySet()) {
                statement.execute("drop trigger if exists fuzz_watch on " + table);
            }
            statement.execute("drop function if exists fuzz_log_business_change()");
            statement.execute("drop table if exists " + LOG);
        }
    }
}
