package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.FeedbackStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The store contract on H2 in memory, a new database per test. */
final class JdbcStoreH2Test extends FeedbackStoreContract {

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
