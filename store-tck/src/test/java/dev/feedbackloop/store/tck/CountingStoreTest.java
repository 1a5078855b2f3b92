package dev.feedbackloop.store.tck;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.ForwardingFeedbackStore;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.core.store.SubmitResult;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Nested;

/** The store test kit on a store of one's own: here the in-memory store, behind a decorator that counts writes. */
final class CountingStoreTest {

    /** Returns a new, empty store; a store over a database would create or empty its tables here. */
    static FeedbackStore newStore() {
        return new CountingStore(FeedbackStore.inMemory());
    }

    @Nested
    final class Contract extends FeedbackStoreContract {
        @Override
        protected FeedbackStore newStore() {
            return CountingStoreTest.newStore();
        }
    }

    @Nested
    final class Concurrency extends StoreConcurrencyContract {
        @Override
        protected FeedbackStore newStore() {
            return CountingStoreTest.newStore();
        }
    }

    /** Counts the responses submitted; every other call goes to the store it wraps, unchanged. */
    static final class CountingStore extends ForwardingFeedbackStore {

        final LongAdder submitted = new LongAdder();

        CountingStore(FeedbackStore delegate) {
            super(delegate);
        }

        @Override
        public SubmitResult submit(Submission submission) {
            submitted.increment();
            return super.submit(submission);
        }

        @Override
        public List<SubmitResult> submitAll(List<Submission> submissions) {
            submitted.add(submissions.size());
            return super.submitAll(submissions);
        }
    }
}
