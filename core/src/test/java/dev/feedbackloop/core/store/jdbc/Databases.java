package dev.feedbackloop.core.store.jdbc;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Test databases: unique H2 databases in memory or in a directory, and private schemas on the PostgreSQL server
 * named by {@value #POSTGRES_URL}, all removed on {@link #close()}. Not thread-safe; one per test class or test.
 */
public final class Databases implements AutoCloseable {

    /** The environment variable with the JDBC URL of a PostgreSQL database for tests. */
    public static final String POSTGRES_URL = "FEEDBACKLOOP_TEST_POSTGRES_URL";

    private static final String TABLES = "fl_survey, fl_outbox, fl_touch, fl_customer, fl_follow_up_escalation,"
            + " fl_follow_up_history, fl_follow_up_segment, fl_follow_up, fl_response_attribute, fl_response_answer,"
            + " fl_response, fl_invitation_redemption";

    private static final String HOW = "set " + POSTGRES_URL + " to a JDBC URL of an empty test database, for"
            + " example jdbc:postgresql://localhost:5432/feedbackloop_test?user=postgres";

    private final List<JdbcDataSource> h2 = new ArrayList<>();
    private final List<Runnable> cleanups = new ArrayList<>();
    private @Nullable Path directory;
    private @Nullable DataSource postgres;

    /** Creates an empty set of test databases. */
    public Databases() {
    }

    /**
     * Returns a new, empty H2 in-memory database that lives until {@link #shutdownH2()} or {@link #close()}.
     *
     * @return the data source
     */
    public DataSource h2Memory() {
        return h2("jdbc:h2:mem:fl-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * Returns a new, empty H2 file database in a temporary directory that {@link #close()} deletes.
     *
     * @return the data source
     */
    public DataSource h2File() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("feedbackloop-h2-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return h2File(directory, "store-" + UUID.randomUUID());
    }

    /**
     * Returns an H2 file database under a directory; the same name opens the same database again after a
     * {@linkplain #shutdown(DataSource) shutdown}. With the README's options (H2's default write delay, so that the
     * store ends its writes with {@code CHECKPOINT SYNC}, and {@code RETENTION_TIME=1000}), and open until shut down
     * ({@code DB_CLOSE_DELAY=-1}), as a host's connection pool keeps it: a database that every operation closes and
     * reopens lost committed rows in these tests, once a transaction's follow-up rows (with H2's default write delay)
     * and once a customer's touches (with {@code WRITE_DELAY=0}).
     *
     * @param directory where the file goes
     * @param name the database name
     * @return the data source
     */
    public DataSource h2File(Path directory, String name) {
        return h2("jdbc:h2:file:" + directory.resolve(name).toAbsolutePath()
                + ";RETENTION_TIME=1000;QUERY_CACHE_SIZE=32;DB_CLOSE_DELAY=-1");
    }

    private DataSource h2(String url) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        h2.add(dataSource);
        return dataSource;
    }

    /**
     * Closes an H2 database now, as a process exit would.
     *
     * @param h2 the database
     */
    public static void shutdown(DataSource h2) {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot shut down H2", e);
        }
    }

    /** Shuts down every H2 database returned so far, in memory (which removes it) and in files. */
    public void shutdownH2() {
        for (JdbcDataSource dataSource : h2) {
            shutdown(dataSource);
        }
        h2.clear();
    }

    /**
     * Returns the PostgreSQL URL for tests, or {@code null} when it is not set: then the PostgreSQL tests are
     * skipped ({@link #freshPostgresStore(DataSource)} aborts each one with the reason), unless the environment
     * variable {@code CI} is {@code true}: then this fails, so that CI always runs the PostgreSQL suite.
     *
     * @return the URL, or {@code null}
     */
    public static @Nullable String postgresUrl() {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + POSTGRES_URL + " is not set: the PostgreSQL store tests must run in CI; "
                        + HOW);
            }
            System.err.println("[PostgreSQL store tests SKIPPED] " + HOW);
            return null;
        }
        return url;
    }

    /**
     * Returns the PostgreSQL schema of these databases, creating it on the first call (see
     * {@link #postgresSchema(String)}); {@code null} when there is no server to use.
     *
     * @return the pooled data source, or {@code null}
     */
    public @Nullable DataSource postgres() {
        if (postgres == null) {
            postgres = postgresSchema("stores");
        }
        return postgres;
    }

    /**
     * Creates a new schema on the PostgreSQL test server and returns a pooled data source whose connections use
     * it; the schema is dropped on {@link #close()}. Returns {@code null} when there is no server to use.
     *
     * @param purpose a word for the schema's name
     * @return the pooled data source, or {@code null}
     */
    public @Nullable DataSource postgresSchema(String purpose) {
        String url = postgresUrl();
        if (url == null) {
            return null;
        }
        String schema = ("fl_test_" + purpose + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1))
                .toLowerCase(Locale.ROOT);
        execute(url, "CREATE SCHEMA " + schema);
        var pooled = new PGConnectionPoolDataSource();
        pooled.setURL(url);
        pooled.setCurrentSchema(schema);
        JdbcConnectionPool pool = JdbcConnectionPool.create(pooled);
        pool.setMaxConnections(20);
        cleanups.add(() -> {
            pool.dispose();
            execute(url, "DROP SCHEMA " + schema + " CASCADE");
        });
        return pool;
    }

    /**
     * Creates the schema if needed and empties every table of the store, restarting the sequences; skips the
     * calling test when there is no PostgreSQL server ({@code dataSource} is {@code null}).
     *
     * @param dataSource a schema from {@link #postgresSchema(String)} or {@link #postgres()}
     * @return the store over it
     */
    public static JdbcStore freshPostgresStore(@Nullable DataSource dataSource) {
        assumeTrue(dataSource != null, "PostgreSQL store tests skipped: " + HOW);
        JdbcStore store = JdbcStore.of(dataSource).createSchema();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + TABLES + " RESTART IDENTITY");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test schema", e);
        }
        return store;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test setup failed on: " + sql, e);
        }
    }

    /** Shuts down the H2 databases, drops the PostgreSQL schemas and deletes the temporary directory. */
    @Override
    public void close() {
        shutdownH2();
        cleanups.forEach(Runnable::run);
        cleanups.clear();
        postgres = null;
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            directory = null;
        }
    }
}
