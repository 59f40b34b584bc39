package ci.milie.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure to reach the database, anywhere in a cause chain: the pool gave up waiting
 * for a connection (Agroal's acquisition timeout), the driver could not connect or lost the
 * connection (SQLState class 08), or Hibernate says so. Such a request is answered 503 with
 * Retry-After rather than 500: the client did nothing wrong and may try again.
 */
final class DatabaseUnavailable {

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
            // Agroal's "Sorry, acquisition timeout!" carries no SQLState.
            return (state != null && state.startsWith("08"))
                    || (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout"));
        }
        return false;
    }
}
