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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions and value binding over a data source. Thread-safe: every call borrows its own connection.
 *
 * <p>Design note: each unit of work runs on one connection with auto-commit off and commits at the end, so a write
 * and its outbox events are one transaction, multi-statement reads see one snapshot, and reads can stream with a
 * fetch size (PostgreSQL only uses a cursor outside auto-commit). Any failure rolls back. A deadlock or
 * serialization failure (SQLState {@value #DEADLOCK} or {@value #SERIALIZATION_FAILURE}) ends one transaction that
 * another one needed; the whole unit of work then runs again, up to {@value #ATTEMPTS} times in all, unless it
 * streams rows to a caller's action, which must not see a row twice. An {@link SQLException} that remains becomes a
 * {@link JdbcStoreException} that names the operation and the SQLState but not the driver's message, which can
 * quote the statement's parameters; the driver's exception itself is logged at DEBUG. Other exceptions pass through
 * unchanged. The connection's auto-commit flag and isolation level are restored before it goes back to the host's
 * pool.
 */
final class Sql {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    /** SQLState of a unique or primary key violation, the same in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    /** SQLState of a serialization failure (H2 also reports a deadlock with it). */
    static final String SERIALIZATION_FAILURE = "40001";

    /** SQLState of a deadlock detected by PostgreSQL. */
    static final String DEADLOCK = "40P01";

    /** How many times a unit of work runs at most when deadlocks or serialization failures end it. */
    static final int ATTEMPTS = 5;

    /** Rows fetched per round trip by streaming reads. */
    static final int FETCH_SIZE = 500;

    /** Most parameters of one {@code IN (...)} list. */
    static final int IN_CHUNK = 500;

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A unit of work on one connection that returns nothing. */
    @FunctionalInterface
    interface Step {
        void run(Connection connection) throws SQLException;
    }

    /** How a unit of work runs. */
    private enum Mode {
        /** A writing transaction at the data source's isolation level; run again after a deadlock. */
        TRANSACTION(true, true),
        /** A writing transaction at READ COMMITTED whatever the data source's level; run again after a deadlock. */
        READ_COMMITTED(true, true),
        /** A reading transaction at the data source's isolation level; run again after a deadlock. */
        READ(true, false),
        /** A transaction that streams rows to a caller's action: never run twice. */
        STREAM(false, false),
        /** A read-only REPEATABLE READ transaction, which may stream to a caller's action: never run twice. */
        SNAPSHOT(false, false);

        final boolean repeatable;
        final boolean writes;

        Mode(boolean repeatable, boolean writes) {
            this.repeatable = repeatable;
            this.writes = writes;
        }
    }

    private final DataSource dataSource;
    private final JdbcDialect dialect;
    /**
     * Whether a write ends with {@code CHECKPOINT}: unknown (null) until the first write, then true on an H2 file
     * database whose write delay is positive, false otherwise.
     */
    private volatile @Nullable Boolean checkpoint;

    Sql(DataSource dataSource, JdbcDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Runs work in one transaction at the data source's isolation level (READ COMMITTED is enough for writes:
     * they rely on keys, row locks and versioned updates, not on snapshots). The work may run more than once.
     *
     * @param operation what the work does, for error messages, for example {@code "submit response 'r1'"}; names no
     *     customer and quotes no text
     * @param work the work
     * @return its result
     */
    <T> T transaction(String operation, Work<T> work) {
        return run(operation, Mode.TRANSACTION, work);
    }

    /**
     * Runs work in one transaction at READ COMMITTED, whatever the data source's level: each statement sees what
     * other transactions committed before it started, so that a count taken after waiting for a row lock includes
     * the rows the lock holder wrote. The work may run more than once.
     *
     * @param operation what the work does, for error messages
     * @param work the work
     * @return its result
     */
    <T> T readCommitted(String operation, Work<T> work) {
        return run(operation, Mode.READ_COMMITTED, work);
    }

    /**
     * Runs reading work in one transaction at the data source's isolation level; it may run more than once. Unlike
     * {@link #transaction(String, Work)}, it does not make the transaction durable on H2, as it writes nothing.
     *
     * @param operation what the work does, for error messages
     * @param work the work
     * @return its result
     */
    <T> T read(String operation, Work<T> work) {
        return run(operation, Mode.READ, work);
    }

    /**
     * Runs work that streams rows to a caller's action in one transaction, exactly once.
     *
     * @param operation what the work does, for error messages
     * @param work the work
     */
    void stream(String operation, Step work) {
        run(operation, Mode.STREAM, done(work));
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
        return run(operation, Mode.SNAPSHOT, work);
    }

    /**
     * Runs work that returns nothing in one transaction, as {@link #transaction(String, Work)} does.
     *
     * @param operation what the work does, for error messages
     * @param work the work
     */
    void inTransaction(String operation, Step work) {
        run(operation, Mode.TRANSACTION, done(work));
    }

    /**
     * Runs reading work that returns nothing (it hands rows to an action) on one snapshot, as
     * {@link #snapshot(String, Work)} does.
     *
     * @param operation what the work does, for error messages
     * @param work the work
     */
    void inSnapshot(String operation, Step work) {
        run(operation, Mode.SNAPSHOT, done(work));
    }

    private static Work<Boolean> done(Step work) {
        return connection -> {
            work.run(connection);
            return Boolean.TRUE;
        };
    }

    private <T> T run(String operation, Mode mode, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(mode, work);
            } catch (SQLException e) {
                if (mode.repeatable && attempt < ATTEMPTS && isTransient(e)) {
                    LOG.debug("{}: SQLState {} on attempt {}; running it again", operation, e.getSQLState(), attempt);
                    // a short random pause, so that two transactions that collided do not collide again in step
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(attempt * 2_000_000L));
                    continue;
                }
                // the driver's message may quote parameters (personal data): it goes to DEBUG only, and the caller
                // gets an exception without it
                LOG.debug("JDBC store could not {}", operation, e);
                throw new JdbcStoreException(operation, e);
            }
        }
    }

    private <T> T once(Mode mode, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = -1;
            if (dialect == JdbcDialect.H2 && (mode == Mode.SNAPSHOT || mode == Mode.READ_COMMITTED)) {
                int wanted = mode == Mode.SNAPSHOT ? Connection.TRANSACTION_REPEATABLE_READ
                        : Connection.TRANSACTION_READ_COMMITTED;
                int current = connection.getTransactionIsolation();
                if (current != wanted) {
                    isolation = current;
                    connection.setTransactionIsolation(wanted);
                }
            }
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                if (dialect == JdbcDialect.POSTGRESQL && (mode == Mode.SNAPSHOT || mode == Mode.READ_COMMITTED)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(mode == Mode.SNAPSHOT
                                ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                                : "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                    }
                }
                T result = work.run(connection);
                connection.commit();
                if (mode.writes && dialect == JdbcDialect.H2 && checkpoint(connection)) {
                    makeDurable(connection);
                }
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
        }
    }

    /**
     * Whether writes on this H2 database must end with {@code CHECKPOINT} to be durable when they return: on a file
     * database whose write delay is positive, H2 writes a commit to the file up to that delay later. Asked once.
     */
    private boolean checkpoint(Connection connection) {
        Boolean known = checkpoint;
        if (known == null) {
            known = Boolean.FALSE;
            // the write committed: a database that cannot say is left to its own settings, not failed
            try (Statement statement = connection.createStatement();
                 // a delay given in the URL is listed twice; the larger one decides, in favour of durability
                 ResultSet rows = statement.executeQuery("SELECT DATABASE_PATH(), (SELECT MAX(CAST(SETTING_VALUE AS"
                         + " INTEGER)) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY')")) {
                rows.next();
                known = rows.getString(1) != null && rows.getInt(2) > 0;
                connection.commit();
            } catch (SQLException e) {
                LOG.debug("could not read H2's database path and write delay; writes do not end with CHECKPOINT", e);
            }
            checkpoint = known;
            LOG.debug("H2 {}: writes end with CHECKPOINT", known ? "file database with a write delay"
                    : "database whose writes need no CHECKPOINT");
        }
        return known;
    }

    /**
     * Writes what H2 committed to its file and syncs the file to the disk before the write returns, with
     * {@code CHECKPOINT SYNC}: a write that returned survives a crash of the process and a loss of power, while the
     * write delay's background writer stays on, and with it the compaction of the file. The transaction committed, so
     * a failure here does not fail the write: it is logged at WARN, once, and the store stops trying (a user without
     * H2's admin rights cannot run {@code CHECKPOINT}); commits then reach the file after H2's write delay, as
     * without this.
     */
    private void makeDurable(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            checkpoint = false;
            LOG.warn("JDBC store cannot write commits to the H2 file with CHECKPOINT SYNC (SQLState {}; it needs a user"
                    + " with admin rights): a crash may lose the commits of H2's write delay; add ;WRITE_DELAY=0 to"
                    + " the URL or use an admin user", e.getSQLState());
            LOG.debug("CHECKPOINT failed", e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Whether a failure ended the transaction only because of another one: a deadlock or serialization failure. */
    static boolean isTransient(SQLException e) {
        return hasState(e, DEADLOCK) || hasState(e, SERIALIZATION_FAILURE);
    }

    static boolean isUniqueViolation(SQLException e) {
        return hasState(e, UNIQUE_VIOLATION);
    }

    /** Whether an exception, or one chained to it as next exception or cause, has a SQLState. */
    private static boolean hasState(SQLException e, String state) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            for (Throwable t = next; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                    return true;
                }
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

    /**
     * Binds an instant as the bound of a range over instant columns, rounded up to the microsecond: the columns hold
     * whole microseconds, so {@code column < bound} and {@code column >= bound} then hold exactly when they hold for
     * the unrounded bound.
     */
    static void setBound(PreparedStatement statement, int index, Instant bound) throws SQLException {
        Instant micros = bound.truncatedTo(ChronoUnit.MICROS);
        setInstant(statement, index, micros.equals(bound) ? bound : micros.plus(1, ChronoUnit.MICROS));
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

    /** Runs a {@code DELETE} with one string parameter; returns the number of rows deleted. */
    static int delete(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, value);
            return delete.executeUpdate();
        }
    }

    /** Binds strings from a parameter index on. */
    static void bindAll(PreparedStatement statement, int from, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(from + i, values.get(i));
        }
    }
}
