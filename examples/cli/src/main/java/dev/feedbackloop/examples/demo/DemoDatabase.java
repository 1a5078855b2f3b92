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
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The demo's database: H2 (a file under the demo directory by default, or any {@code jdbc:h2:} URL) or PostgreSQL
 * ({@code jdbc:postgresql:}). The demo keeps its tables in a schema of its own, {@value #SCHEMA}, which is dropped
 * and created afresh on every run, so running the demo again never meets old data and never touches other tables.
 *
 * <p>Design note on the default H2 file. H2's MVStore appends a chunk of changed pages to the file at every store
 * commit and reuses the space of a dead chunk only once the chunk is older than its retention time (45 s by default);
 * its background writer thread commits at most every {@code WRITE_DELAY} milliseconds and is also what rewrites
 * sparse chunks and moves them to the front of the file. {@code WRITE_DELAY=0} makes every transaction a store commit
 * and stops that thread: a run of the demo (about 12,000 small transactions) then left a 240 MB file whose live data
 * compacts to under 3 MB, and the file never shrank. The demo keeps H2's default write delay (the store ends each
 * write with {@code CHECKPOINT SYNC}, so that nothing acknowledged is lost, and the background writer compacts the
 * file as it goes), the README's {@code RETENTION_TIME=1000}, and compacts the file when it closes
 * ({@code SHUTDOWN COMPACT}), so the file stays a few megabytes after any number of runs. It also keeps response
 * bodies (a few hundred bytes of JSON in a {@code CLOB} column) inside their rows ({@code MAX_LENGTH_INPLACE_LOB}):
 * above H2's default of 256 bytes each went through H2's separate LOB storage, over a tenth of the run's time. A
 * database named with {@code --db} is the user's: it is used as given and never shut down.
 *
 * <p>Connections are pooled (H2's small pool over the driver's pooled data source). Not thread-safe to open or
 * close; the data source itself is thread-safe.
 */
final class DemoDatabase implements AutoCloseable {

    /** The schema that holds the demo's tables. */
    static final String SCHEMA = "feedbackloop_demo";

    private final JdbcConnectionPool pool;
    private final String url;
    /** The plain H2 data source of the demo's own file, which {@link #close()} compacts; otherwise null. */
    private final @Nullable JdbcDataSource ownFile;

    private DemoDatabase(JdbcConnectionPool pool, String url, @Nullable JdbcDataSource ownFile) {
        this.pool = pool;
        this.url = url;
        this.ownFile = ownFile;
    }

    /**
     * The default database: an H2 file {@code demo} in a directory, with H2's default write delay, a retention time
     * of a second and response bodies kept in their rows.
     */
    static String defaultUrl(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("demo").toAbsolutePath()
                + ";RETENTION_TIME=1000;MAX_LENGTH_INPLACE_LOB=8192";
    }

    /** The file that holds the default database. */
    static Path defaultFile(Path directory) {
        return directory.resolve("demo.mv.db");
    }

    /**
     * Opens the demo's own H2 file in a directory and resets the demo schema in it; {@link #close()} compacts the
     * file.
     *
     * @throws SQLException if the file cannot be opened or the schema not reset
     */
    static DemoDatabase openDefault(Path directory) throws SQLException {
        return open(defaultUrl(directory), true);
    }

    /**
     * Opens a database named by the user and resets the demo schema in it; {@link #close()} leaves the database
     * as it is.
     *
     * @throws IllegalArgumentException if the URL is neither H2 nor PostgreSQL
     * @throws SQLException if the database cannot be reached or the schema not reset
     */
    static DemoDatabase open(String url) throws SQLException {
        return open(url, false);
    }

    private static DemoDatabase open(String url, boolean compactOnClose) throws SQLException {
        Objects.requireNonNull(url, "url");
        ConnectionPoolDataSource pooled;
        JdbcDataSource h2Admin = null;
        if (url.startsWith("jdbc:h2:")) {
            var admin = new JdbcDataSource();
            admin.setURL(url);
            reset(admin);
            h2Admin = compactOnClose ? admin : null;
            var h2 = new JdbcDataSource();
            h2.setURL(url + ";SCHEMA=" + SCHEMA.toUpperCase(Locale.ROOT) + ";QUERY_CACHE_SIZE=256");
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
        return new DemoDatabase(pool, url, h2Admin);
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

    /** Whether closing compacts the file: only the demo's own H2 file. */
    boolean compactsOnClose() {
        return ownFile != null;
    }

    /** The URL, with any password hidden, for printing. */
    String describe() {
        return redacted(url) + " (schema " + SCHEMA + ")";
    }

    /** Hides the value of a {@code password} parameter in a JDBC URL. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * Closes the pool; for the demo's own H2 file, then shuts the database down with a full compaction, on a
     * connection of its own that keeps the database open while the pool closes.
     *
     * @throws SQLException if the compaction fails (the pool is closed all the same)
     */
    @Override
    public void close() throws SQLException {
        if (ownFile == null) {
            pool.dispose();
            return;
        }
        try (Connection connection = ownFile.getConnection()) {
            pool.dispose();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
        }
    }
}
