package dev.feedbackloop.core;

/**
 * Host hook told of every response the loop refuses, for metrics and audit: the
 * {@linkplain FeedbackLoop.Builder#intakeObserver(IntakeObserver) observers} of a loop see each {@link Rejection}
 * before the refusal is thrown to the caller. Accepted responses are not reported here: they are the
 * {@link dev.feedbackloop.core.event.FeedbackEvent.ResponseAccepted} events of the {@link FeedbackListener}s, which
 * arrive once the response is stored.
 *
 * <p>What counts as a refusal: an invalid response or one to an unregistered survey version
 * ({@link InvalidResponseException}; for a batch, each bad response of an {@link InvalidBatchException}), a different
 * response under a stored id ({@link ResponseConflictException}), a limit or the host's guard
 * ({@link dev.feedbackloop.core.limit.LimitExceededException}) and a refused invitation token
 * ({@link dev.feedbackloop.core.invitation.InvitationException}). Failures are not refusals and are not reported: a
 * failing policy or guard ({@link HostCallbackException}) or store
 * ({@link dev.feedbackloop.core.store.StoreException}). The other responses of a refused batch are neither stored nor
 * reported. A resubmission of a stored response is never refused, so never reported.
 *
 * <p>Observers are called on the submitting thread, synchronously, once per refusal (there is no outbox behind
 * them: a crash loses nothing stored, and no refusal is told twice). They must be quick and thread-safe; one that
 * throws is logged at WARN and skipped, and the caller still gets the refusal. Every method has an empty default, so
 * that a new kind of report never breaks a host.
 */
public interface IntakeObserver {

    /**
     * Called when the loop refuses a response, before the refusal is thrown.
     *
     * @param rejection what was refused and why
     */
    default void onRejected(Rejection rejection) {
    }
}
