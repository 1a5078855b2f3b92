package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.FeedbackLoopException;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the database behind a {@link JdbcStore} fails: the connection cannot be opened, a statement fails, or
 * stored data cannot be read back. The message says which store operation failed and carries the driver's message
 * and SQLState, with anything that looks like a password or user name masked; the {@link SQLException} is the
 * cause. Nothing of the failed operation was written (its transaction was rolled back).
 *
 * <p>Expected outcomes are not reported this way: a duplicate response is a normal result of
 * {@link JdbcStore#submit(dev.feedbackloop.core.store.Submission)}, and a stale follow-up version is a
 * {@link dev.feedbackloop.core.followup.VersionConflictException}. Immutable.
 */
public final class JdbcStoreException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    private static final Pattern SECRETS =
            Pattern.compile("(?i)\\b(password|passwd|pwd|user|username)\\s*=\\s*[^;&\\s,)]*");

    private final @Nullable String sqlState;

    /** Creates the exception for a failed SQL operation, for example {@code "submit response 'r1'"}. */
    JdbcStoreException(String operation, SQLException cause) {
        super("JDBC store could not " + operation + ": " + mask(cause.getMessage())
                + (cause.getSQLState() == null ? "" : " [SQLState " + cause.getSQLState() + "]"), cause);
        this.sqlState = cause.getSQLState();
    }

    /** Creates the exception for stored data that cannot be used. */
    JdbcStoreException(String message, RuntimeException cause) {
        super(message, cause);
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

    static String mask(@Nullable String message) {
        return message == null ? "(no message)" : SECRETS.matcher(message).replaceAll("$1=***");
    }
}
