package dev.feedbackloop.core.store.memory;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoreConcurrencyContract;

final class InMemoryStoreConcurrencyTest extends StoreConcurrencyContract {

    @Override
    protected FeedbackStore newStore() {
        return FeedbackStore.inMemory();
    }
}
