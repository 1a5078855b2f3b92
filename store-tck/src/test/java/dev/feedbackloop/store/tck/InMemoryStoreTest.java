package dev.feedbackloop.store.tck;

import dev.feedbackloop.core.store.TestStores;

/** The store test kit on the in-memory store. */
final class InMemoryStoreTest extends StoreKitRun {

    @Override
    TestStores kind() {
        return TestStores.IN_MEMORY;
    }
}
