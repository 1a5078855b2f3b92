package dev.feedbackloop.store.tck;

import dev.feedbackloop.core.store.TestStores;

/** The store test kit on the JDBC store on H2 in memory. */
final class H2MemoryStoreTest extends StoreKitRun {

    @Override
    TestStores kind() {
        return TestStores.H2_MEMORY;
    }
}
