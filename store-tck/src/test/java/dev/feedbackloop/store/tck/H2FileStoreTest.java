package dev.feedbackloop.store.tck;

import dev.feedbackloop.core.store.TestStores;

/** The store test kit on the JDBC store on H2 database files. */
final class H2FileStoreTest extends StoreKitRun {

    @Override
    TestStores kind() {
        return TestStores.H2_FILE;
    }
}
