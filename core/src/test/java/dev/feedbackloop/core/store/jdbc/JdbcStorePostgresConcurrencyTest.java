package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoreConcurrencyContract;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The start-gate concurrency contract on PostgreSQL, in a schema of its own. Needs
 * {@value Databases#POSTGRES_URL}; skipped without it, failed without it when {@code CI=true}.
 */
final class JdbcStorePostgresConcurrencyTest extends StoreConcurrencyContract {

    private static final Databases DATABASES = new Databases();
    private static @Nullable DataSource dataSource;

    @BeforeAll
    static void createSchema() {
        dataSource = DATABASES.postgresSchema("concurrency");
    }

    @AfterAll
    static void dropSchema() {
        DATABASES.close();
    }

    @Override
    protected FeedbackStore newStore() {
        return Databases.freshPostgresStore(dataSource);
    }
}
