package ci.milie.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aLostConnectionIsAnOutage() {
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(new SQLException("I/O error", "08006"))));
    }

    @Test
    void aServerShuttingDownOrRestartingIsAnOutage() {
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("crash shutdown", "57P02")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void eitherOfThePoolsTimeoutsIsAnOutage() {
        // as Hibernate wraps them: every connection busy, or a new one slow to open
        assertTrue(DatabaseUnavailable.causedBy(new org.hibernate.exception.GenericJDBCException("could not prepare",
                new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseUnavailable.causedBy(new org.hibernate.exception.GenericJDBCException("could not prepare",
                new SQLException("Acquisition timeout while waiting for new connection",
                        new java.util.concurrent.TimeoutException()))));
    }

    @Test
    void aStatementTheServerRefusesIsNoOutage() {
        assertFalse(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("canceling statement due to user request", "57014")));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("no database here")));
    }
}
