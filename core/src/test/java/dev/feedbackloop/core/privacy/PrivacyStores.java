package dev.feedbackloop.core.privacy;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/** Every store kind (in memory, H2 in memory and in a file, PostgreSQL when configured) for cross-store tests. */
public enum PrivacyStores {
    IN_MEMORY, H2_MEMORY, H2_FILE, POSTGRES;

    static final String POSTGRES_URL = "FEEDBACKLOOP_TEST_POSTGRES_URL";

    /** An opened store and, for JDBC, its data source and a cleanup. */
    public record Opened(FeedbackStore store, @Nullable DataSource dataSource, Runnable cleanup) {
    }

    /** Opens a fresh store; returns {@code null} when PostgreSQL is not configured (and CI is not set). */
    public @Nullable Opened open(Path directory) throws SQLException {
        return switch (this) {
            case IN_MEMORY -> new Opened(FeedbackStore.inMemory(), null, () -> { });
            case H2_MEMORY -> h2("jdbc:h2:mem:privacy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            case H2_FILE -> h2("jdbc:h2:file:" + directory.resolve("privacy-" + UUID.randomUUID()).toAbsolutePath()
                    + ";DB_CLOSE_DELAY=-1");
            case POSTGRES -> postgres();
        };
    }

    private static Opened h2(String url) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return new Opened(JdbcStore.of(dataSource).createSchema(), dataSource, () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static @Nullable Opened postgres() throws SQLException {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + POSTGRES_URL + " is not set");
            }
            System.err.println("[privacy tests on PostgreSQL SKIPPED] set " + POSTGRES_URL);
            return null;
        }
        String schema = ("fl_privacy_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1))
                .toLowerCase(Locale.ROOT);
        execute(url, "CREATE SCHEMA " + schema);
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setCurrentSchema(schema);
        return new Opened(JdbcStore.of(dataSource).createSchema(), dataSource, () -> {
            try {
                execute(url, "DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Returns every cell of every {@code fl_} table of the connection's schema as text, prefixed by its table. */
    static List<String> everyCell(DataSource dataSource) throws SQLException {
        var cells = new ArrayList<String>();
        try (Connection connection = dataSource.getConnection()) {
            var tables = new ArrayList<String>();
            try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME");
                    if (table.toLowerCase(Locale.ROOT).startsWith("fl_")) {
                        tables.add(table);
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no fl_ tables found to scan");
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            cells.add(table + ": " + rows.getString(c));
                        }
                    }
                }
            }
        }
        return cells;
    }
}
