package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.store.StoreException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link StoreException} of a {@link JdbcStore} and its invitation ledger: the database behind them fails (the
 * connection cannot be opened, a statement fails) or stored data cannot be read back. Nothing of the failed operation
 * was written (its transaction was rolled back). It adds the SQLState of the driver's exception, the one thing of the
 * driver a host may act on (retry on a connection failure, alert on a full disk); catch {@link StoreException} to
 * handle the failures of any store.
 *
 * <p>The message says which store operation failed, the kind of failure and the SQLState, for example
 * {@code JDBC store could not submit response 'r1': integrity constraint violation [SQLState 23514]}. It never
 * carries the driver's message, and neither does anything reachable from this exception: drivers quote the failed
 * statement with its parameters (customer ids, attribute values, free-text answers, notes). The cause is a copy of
 * the driver's exception chain (its causes, next and suppressed exceptions) with the same types of SQL exceptions,
 * SQLStates, vendor codes and stack traces, and messages that name only the original class and SQLState. The
 * driver's own exception is logged at DEBUG by the logger {@code dev.feedbackloop.core.store.jdbc.JdbcStore}, for
 * hosts whose DEBUG logs may hold personal data.
 *
 * <p>Expected outcomes are not reported this way: a duplicate response is a normal result of
 * {@link JdbcStore#submit(dev.feedbackloop.core.store.Submission)}, and a stale follow-up version is a
 * {@link dev.feedbackloop.core.followup.VersionConflictException}. Immutable.
 */
public final class JdbcStoreException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String sqlState;

    /** Creates the exception for a failed SQL operation, for example {@code "submit response 'r1'"}. */
    JdbcStoreException(String operation, SQLException cause) {
        super("JDBC store could not " + operation + ": " + kind(cause.getSQLState())
                + (cause.getSQLState() == null ? "" : " [SQLState " + cause.getSQLState() + "]"), scrubbed(cause));
        this.sqlState = cause.getSQLState();
    }

    /** Creates the exception for stored data that cannot be used; the cause's message is not kept either. */
    JdbcStoreException(String message, RuntimeException cause) {
        super(message, scrubbed(cause));
        this.sqlState = null;
    }

    /** Creates the exception for a database that is not supported or a store that cannot go on. */
    JdbcStoreException(String message) {
        super(message);
        this.sqlState = null;
    }

    /**
     * Returns the SQLState of the driver's exception, for example {@code "08001"} when no connection could be
     * opened.
     *
     * @return the SQLState, or {@code null} when the failure did not come from the driver or it gave none
     */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /** Names the class of a SQLState in words, from the SQL standard's classes that H2 and PostgreSQL use. */
    static String kind(@Nullable String sqlState) {
        if (sqlState == null || sqlState.length() < 2) {
            return "database error";
        }
        if (sqlState.equals(Sql.DEADLOCK)) {
            return "deadlock";
        }
        if (sqlState.equals(Sql.SERIALIZATION_FAILURE)) {
            return "serialization failure or deadlock";
        }
        if (sqlState.equals("42S02") || sqlState.equals("42S04") || sqlState.equals("42P01")) {
            return "table not found (call createSchema() or apply the schema script)";
        }
        return switch (sqlState.substring(0, 2)) {
            case "08" -> "connection failure";
            case "0A" -> "feature not supported";
            case "22" -> "data exception";
            case "23" -> "integrity constraint violation";
            case "25" -> "invalid transaction state";
            case "28" -> "invalid authorization";
            case "40" -> "transaction rolled back";
            case "42" -> "syntax error or access rule violation";
            case "53" -> "insufficient resources";
            case "54" -> "program limit exceeded";
            case "57" -> "operator intervention";
            case "58" -> "system error";
            case "HY" -> "driver error";
            default -> "database error";
        };
    }

    /**
     * Returns a copy of an exception chain without messages: each throwable becomes an {@link SQLException} (for SQL
     * exceptions, with the same SQLState and vendor code) or a {@link RuntimeException} whose message names only
     * the original class and SQLState; stack traces, causes, next and suppressed exceptions are copied alike.
     */
    static Throwable scrubbed(Throwable original) {
        return scrubbed(original, new IdentityHashMap<>());
    }

    private static Throwable scrubbed(Throwable original, Map<Throwable, Throwable> copies) {
        Throwable known = copies.get(original);
        if (known != null) {
            return known;
        }
        String withheld = original.getClass().getName() + ": message withheld, it may quote personal data";
        Throwable copy;
        if (original instanceof SQLException sql) {
            copy = new SQLException(withheld + (sql.getSQLState() == null ? "" : " [SQLState " + sql.getSQLState()
                    + "]"), sql.getSQLState(), sql.getErrorCode());
        } else {
            copy = new RuntimeException(withheld);
        }
        copy.setStackTrace(original.getStackTrace());
        copies.put(original, copy);
        Throwable cause = original.getCause();
        if (cause != null && cause != original) {
            copy.initCause(scrubbed(cause, copies));
        }
        if (original instanceof SQLException sql && copy instanceof SQLException sqlCopy) {
            SQLException next = sql.getNextException();
            if (next != null && next != cause) {
                sqlCopy.setNextException((SQLException) scrubbed(next, copies));
            }
        }
        for (Throwable suppressed : original.getSuppressed()) {
            copy.addSuppressed(scrubbed(suppressed, copies));
        }
        return copy;
    }
}
