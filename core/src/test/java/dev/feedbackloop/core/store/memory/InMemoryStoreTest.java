package dev.feedbackloop.core.store.memory;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.FeedbackStoreContract;

final class InMemoryStoreTest extends FeedbackStoreContract {

    @Override
    protected FeedbackStore newStore() {
        return FeedbackStore.inMemory();
    }
}
