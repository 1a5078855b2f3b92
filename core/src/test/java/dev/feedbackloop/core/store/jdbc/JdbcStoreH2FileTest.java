package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.FeedbackStoreContract;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2 database files in a temporary directory, a new file per test. */
final class JdbcStoreH2FileTest extends FeedbackStoreContract {

    @TempDir
    static Path directory;

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Databases databases = new Databases();
    private @Nullable DataSource current;

    @Override
    protected FeedbackStore newStore() {
        current = databases.h2File(directory, "store-" + COUNT.incrementAndGet());
        return JdbcStore.of(current, JdbcDialect.H2).createSchema();
    }

    @AfterEach
    void closeDatabase() {
        if (current != null) {
            Databases.shutdown(current);
        }
        databases.close();
    }
}
