package ci.milie.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure to reach the database, anywhere in a cause chain: the pool gave up waiting
 * for a connection (Agroal's acquisition timeout), the driver could not connect or lost the
 * connection (SQLState class 08), the server is shutting down, restarting or recovering (57P01
 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now: what every pooled connection
 * hears when PostgreSQL is stopped or fails over), or Hibernate says so. Such a request is answered 503 with
 * Retry-After rather than 500: the client did nothing wrong and may try again.
 */
final class DatabaseUnavailable {

    private static final java.util.Set<String> SERVER_GOING_AWAY = java.util.Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    static boolean causedBy(Throwable e) {
        Throwable current = e;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (isConnectionFailure(current)) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable e) {
        if (e instanceof org.hibernate.exception.JDBCConnectionException
                || e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (e instanceof SQLException sql) {
            String state = sql.getSQLState();
            // Agroal's timeouts carry no SQLState: "Sorry, acquisition timeout!" when every connection
            // is busy, "Acquisition timeout while waiting for new connection" when opening one is slow.
            return (state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state)))
                    || (sql.getMessage() != null
                            && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout"));
        }
        return false;
    }
}
