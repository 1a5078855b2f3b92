package dev.feedbackloop.store.tck;

import dev.feedbackloop.core.store.TestStores;

/**
 * The store test kit on the JDBC store on PostgreSQL. Needs {@code FEEDBACKLOOP_TEST_POSTGRES_URL}; skipped without
 * it, failed without it when {@code CI=true}.
 */
final class PostgresStoreTest extends StoreKitRun {

    @Override
    TestStores kind() {
        return TestStores.POSTGRES;
    }
}
