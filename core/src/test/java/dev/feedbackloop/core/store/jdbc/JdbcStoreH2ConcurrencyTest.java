package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoreConcurrencyContract;
import org.junit.jupiter.api.AfterEach;

/** The start-gate concurrency contract on H2 in memory. */
final class JdbcStoreH2ConcurrencyTest extends StoreConcurrencyContract {

    private final Databases databases = new Databases();

    @Override
    protected FeedbackStore newStore() {
        return JdbcStore.of(databases.h2Memory()).createSchema();
    }

    @AfterEach
    void closeDatabases() {
        databases.close();
    }
}
