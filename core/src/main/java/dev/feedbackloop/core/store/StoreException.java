package dev.feedbackloop.core.store;

import dev.feedbackloop.FeedbackLoopException;

/**
 * Thrown when a store, or the invitation ledger kept beside it, cannot do what it was asked: its database cannot be
 * reached or refuses a statement, or stored data cannot be read back. Nothing of the failed operation was written.
 * Every store of the library throws it (the JDBC store as {@link dev.feedbackloop.core.store.jdbc.JdbcStoreException},
 * which adds the SQLState), and so should a host's own {@link FeedbackStore}, so that hosts catch one type for "the
 * storage failed" whichever store they run on.
 *
 * <p>Expected outcomes of the store SPI are not reported this way: a duplicate response is a result of
 * {@link FeedbackStore#submit(Submission)}, a stale version a
 * {@link dev.feedbackloop.core.followup.VersionConflictException}, a follow-up id that is taken a
 * {@link dev.feedbackloop.core.followup.FollowUpConflictException}. Messages name the operation, never customers or
 * free text. Designed for extension by the exceptions of particular stores; immutable once thrown.
 */
public class StoreException extends FeedbackLoopException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which operation failed and how; it must name no customer and quote no text
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message which operation failed and how; it must name no customer and quote no text
     * @param cause the underlying failure; its message must not quote personal data either
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
