package dev.feedbackloop.examples.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The demo's database: H2 (a file under the demo directory by default, or any {@code jdbc:h2:} URL) or PostgreSQL
 * ({@code jdbc:postgresql:}). The demo keeps its tables in a schema of its own, {@value #SCHEMA}, which is dropped
 * and created afresh on every run, so running the demo again never meets old data and never touches other tables.
 *
 * <p>Connections are pooled (H2's small pool over the driver's pooled data source). Not thread-safe to open or
 * close; the data source itself is thread-safe.
 */
final class DemoDatabase implements AutoCloseable {

    /** The schema that holds the demo's tables. */
    static final String SCHEMA = "feedbackloop_demo";

    private final JdbcConnectionPool pool;
    private final String url;

    private DemoDatabase(JdbcConnectionPool pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /**
     * The default database: an H2 file {@code demo} in a directory, written through on every commit
     * ({@code WRITE_DELAY=0}) so that an acknowledged response survives a crash.
     */
    static String defaultUrl(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("demo").toAbsolutePath() + ";WRITE_DELAY=0";
    }

    /**
     * Opens a database and resets the demo schema in it.
     *
     * @throws IllegalArgumentException if the URL is neither H2 nor PostgreSQL
     * @throws SQLException if the database cannot be reached or the schema not reset
     */
    static DemoDatabase open(String url) throws SQLException {
        Objects.requireNonNull(url, "url");
        ConnectionPoolDataSource pooled;
        if (url.startsWith("jdbc:h2:")) {
            var admin = new JdbcDataSource();
            admin.setURL(url);
            reset(admin);
            var h2 = new JdbcDataSource();
            h2.setURL(url + ";SCHEMA=" + SCHEMA.toUpperCase(Locale.ROOT) + ";QUERY_CACHE_SIZE=64");
            pooled = h2;
        } else if (url.startsWith("jdbc:postgresql:")) {
            var admin = new PGSimpleDataSource();
            admin.setURL(url);
            reset(admin);
            var postgres = new PGConnectionPoolDataSource();
            postgres.setURL(url);
            postgres.setCurrentSchema(SCHEMA);
            pooled = postgres;
        } else {
            throw new IllegalArgumentException("--db: '" + redacted(url)
                    + "' is not supported; expected a jdbc:h2: or jdbc:postgresql: URL");
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(pooled);
        pool.setMaxConnections(4);
        return new DemoDatabase(pool, url);
    }

    /** Drops the demo schema with everything in it and creates it empty. */
    private static void reset(DataSource admin) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /** The pooled data source over the demo schema. */
    DataSource dataSource() {
        return pool;
    }

    /** The URL, with any password hidden, for printing. */
    String describe() {
        return redacted(url) + " (schema " + SCHEMA + ")";
    }

    /** Hides the value of a {@code password} parameter in a JDBC URL. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
