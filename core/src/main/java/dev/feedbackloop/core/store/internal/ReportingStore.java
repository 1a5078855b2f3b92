package dev.feedbackloop.core.store.internal;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.SubmitResult;
import dev.feedbackloop.core.store.Submission;
import java.util.List;
import java.util.Objects;

/**
 * Not API. A store that reports the outbox entries each stored submission appended, so that the feedback loop
 * delivers them to listeners straight away, without polling the outbox (a round trip to the database), and that
 * acknowledges delivered entries in the transaction of a later submission instead of one of their own. The feedback
 * loop polls any other store and acknowledges on its own; implementing this changes nothing else. Implementations
 * are thread-safe.
 */
public interface ReportingStore extends FeedbackStore {

    /**
     * Stores a batch as {@link FeedbackStore#submitAll(List)} does and reports, with each result, the entries its
     * submission appended; in the same atomic step, acknowledges delivered outbox entries as
     * {@link FeedbackStore#acknowledge(java.util.Collection)} does. When it throws, nothing is written and nothing
     * acknowledged.
     *
     * @param submissions what to store; may be empty
     * @param acknowledge the sequences of delivered entries to acknowledge with it; may be empty
     * @return one report per submission, in order
     */
    List<Submitted> submitAndReport(List<Submission> submissions, List<Long> acknowledge);

    /**
     * One submission's result and the outbox entries it appended. Immutable.
     *
     * @param result what {@link FeedbackStore#submit} returns for it
     * @param appended the entries it appended, in sequence order, one per event; empty when it stored nothing; copied
     */
    record Submitted(SubmitResult result, List<OutboxEntry> appended) {

        public Submitted {
            Objects.requireNonNull(result, "result");
            appended = List.copyOf(appended);
            if (!result.stored() && !appended.isEmpty()) {
                throw new IllegalArgumentException("appended: " + appended.size() + " outbox entries for response '"
                        + result.response().id() + "', which was not stored; expected none");
            }
        }

        /**
         * Returns the report of a submission that appended nothing it can name: a store that does not report.
         *
         * @param result the result
         * @return the report, without entries
         */
        public static Submitted unreported(SubmitResult result) {
            return new Submitted(result, List.of());
        }
    }
}
