package dev.feedbackloop.store.tck;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.TestStores;
import dev.feedbackloop.core.store.jdbc.Databases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The kit on one of the library's stores, as a host runs it on its own: both contracts, each test on a new, empty
 * store of {@link #kind()}. H2 databases are shut down after each test; the PostgreSQL schema is shared by the tests
 * of a class (emptied before each) and dropped after them.
 */
abstract class StoreKitRun {

    private static final Databases DATABASES = new Databases();

    /** The store this run tests. */
    abstract TestStores kind();

    FeedbackStore newStore() {
        return kind().open(DATABASES).store();
    }

    @AfterEach
    void shutDownH2() {
        DATABASES.shutdownH2();
    }

    @AfterAll
    static void removeDatabases() {
        DATABASES.close();
    }

    @Nested
    final class Contract extends FeedbackStoreContract {

        @Override
        protected FeedbackStore newStore() {
            return StoreKitRun.this.newStore();
        }
    }

    @Nested
    final class Concurrency extends StoreConcurrencyContract {

        @Override
        protected FeedbackStore newStore() {
            return StoreKitRun.this.newStore();
        }
    }
}
