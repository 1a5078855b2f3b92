package dev.feedbackloop.core.store;

import dev.feedbackloop.core.store.jdbc.Databases;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Every store of the library, the one list of them for tests: the store test kit runs on each, and the tests that
 * must hold on every store ({@link StoreTest}) run once per store.
 */
public enum TestStores {
    /** {@link FeedbackStore#inMemory()}. */
    IN_MEMORY,
    /** {@link JdbcStore} on an H2 database in memory. */
    H2_MEMORY,
    /** {@link JdbcStore} on an H2 database file with the README's options, open until the test ends. */
    H2_FILE,
    /** {@link JdbcStore} on PostgreSQL, in a schema of its own; needs {@value Databases#POSTGRES_URL}. */
    POSTGRES;

    /** An opened store and, for the JDBC stores, its data source. */
    public record Opened(TestStores kind, FeedbackStore store, @Nullable DataSource dataSource) {
    }

    /**
     * Opens a new, empty store of this kind whose database lives in {@code databases}. On PostgreSQL it is the
     * schema of {@code databases} ({@link Databases#postgres()}), emptied; without a PostgreSQL server this aborts the
     * calling test, or fails it when {@code CI=true}.
     *
     * @param databases where the databases live
     * @return the store
     */
    public Opened open(Databases databases) {
        return switch (this) {
            case IN_MEMORY -> new Opened(this, FeedbackStore.inMemory(), null);
            case H2_MEMORY -> h2(databases.h2Memory());
            case H2_FILE -> h2(databases.h2File());
            case POSTGRES -> {
                DataSource dataSource = databases.postgres();
                yield new Opened(this, Databases.freshPostgresStore(dataSource), dataSource);
            }
        };
    }

    private Opened h2(DataSource dataSource) {
        return new Opened(this, JdbcStore.of(dataSource).createSchema(), dataSource);
    }
}
