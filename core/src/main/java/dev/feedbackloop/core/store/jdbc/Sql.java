package dev.feedbackloop.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Transactions and value binding over a data source. Thread-safe: every call borrows its own connection.
 *
 * <p>Design note: each unit of work runs on one connection with auto-commit off and commits at the end, so a write
 * and its outbox events are one transaction, multi-statement reads see one snapshot, and reads can stream with a fetch size (PostgreSQL only uses a cursor
 * outside auto-commit). Any failure rolls back; an {@link SQLException} becomes a {@link JdbcStoreException} that
 * names the operation, other exceptions pass through unchanged. The connection's auto-commit flag is restored before
 * it goes back to the host's pool.
 */
final class Sql {

    /** SQLState of a unique or primary key violation, the same in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    /** Rows fetched per round trip by streaming reads. */
    static final int FETCH_SIZE = 500;

    /** Most parameters of one {@code IN (...)} list. */
    static final int IN_CHUNK = 500;

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final JdbcDialect dialect;

    Sql(DataSource dataSource, JdbcDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Runs work in one transaction at the data source's isolation level (READ COMMITTED is enough for writes:
     * they rely on keys, row locks and versioned updates, not on snapshots).
     *
     * @param operation what the work does, for error messages, for example {@code "submit response 'r1'"}
     * @param work the work
     * @return its result
     */
    <T> T transaction(String operation, Work<T> work) {
        return run(operation, false, work);
    }

    /**
     * Runs reading work in one read-only REPEATABLE READ transaction, so that its statements see one snapshot: a
     * follow-up read from four tables is never half old, half new.
     *
     * @param operation what the work does, for error messages
     * @param work the work
     * @return its result
     */
    <T> T snapshot(String operation, Work<T> work) {
        return run(operation, true, work);
    }

    private <T> T run(String operation, boolean snapshot, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = -1;
            if (snapshot && dialect == JdbcDialect.H2) {
                isolation = connection.getTransactionIsolation();
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                if (snapshot && dialect == JdbcDialect.POSTGRESQL) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    }
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
                if (isolation >= 0) {
                    connection.setTransactionIsolation(isolation);
                }
            }
        } catch (SQLException e) {
            throw new JdbcStoreException(operation, e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static void setInstant(PreparedStatement statement, int index, @Nullable Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            // PostgreSQL would round nanoseconds to the nearest microsecond; truncate on every database instead
            statement.setObject(index, OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    static void setText(PreparedStatement statement, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant requiredInstant(ResultSet row, String column) throws SQLException {
        Instant value = instant(row, column);
        if (value == null) {
            throw new SQLException("column " + column + " is null; expected an instant");
        }
        return value;
    }

    /** Returns {@code "?, ?, ?"} with {@code count} placeholders. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds strings from a parameter index on. */
    static void bindAll(PreparedStatement statement, int from, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(from + i, values.get(i));
        }
    }
}
