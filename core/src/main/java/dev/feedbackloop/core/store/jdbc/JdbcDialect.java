package dev.feedbackloop.core.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A database that {@link JdbcStore} supports, with its schema script. Immutable.
 *
 * <p>The schema scripts are shipped as resources next to this class, one per dialect
 * ({@code schema-h2.sql}, {@code schema-postgresql.sql}); every statement is idempotent
 * ({@code CREATE ... IF NOT EXISTS}), so hosts may run them on every start, or copy them into their own migration
 * tool (Flyway, Liquibase) instead of calling {@link JdbcStore#createSchema()}.
 */
public enum JdbcDialect {

    /** H2 2.x, embedded or in memory. */
    H2,

    /** PostgreSQL 10 or later. */
    POSTGRESQL;

    /**
     * Returns the dialect of a database from its JDBC product name.
     *
     * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}, for example {@code "H2"}
     * @return the dialect
     * @throws JdbcStoreException if the database is not supported
     */
    public static JdbcDialect fromProductName(String productName) {
        Objects.requireNonNull(productName, "productName");
        String name = productName.trim().toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.equals("postgresql")) {
            return POSTGRESQL;
        }
        throw new JdbcStoreException("database product '" + productName + "' is not supported by the JDBC store;"
                + " expected H2 or PostgreSQL");
    }

    /**
     * Detects the dialect of a data source by opening one connection and reading its metadata.
     *
     * @param dataSource the data source
     * @return the dialect
     * @throws JdbcStoreException if no connection can be opened or the database is not supported
     */
    public static JdbcDialect detect(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            return fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new JdbcStoreException("detect the database product", e);
        }
    }

    /**
     * Returns the class-path resource name of this dialect's schema script.
     *
     * @return for example {@code "dev/feedbackloop/core/store/jdbc/schema-postgresql.sql"}
     */
    public String schemaResource() {
        String file = switch (this) {
            case H2 -> "schema-h2.sql";
            case POSTGRESQL -> "schema-postgresql.sql";
        };
        return "dev/feedbackloop/core/store/jdbc/" + file;
    }

    /**
     * Returns this dialect's schema script: idempotent {@code CREATE TABLE/INDEX IF NOT EXISTS} statements,
     * separated by semicolons, with {@code --} comments.
     *
     * @return the script text
     */
    public String schemaScript() {
        try (InputStream in = JdbcDialect.class.getClassLoader().getResourceAsStream(schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + schemaResource() + " is missing from the"
                        + " class path; expected it in the feedbackloop-core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + schemaResource(), e);
        }
    }

    /** Returns the statements of the schema script, without comments and terminating semicolons. */
    List<String> schemaStatements() {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        for (String line : schemaScript().split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("schema resource " + schemaResource()
                    + " ends with an unterminated statement; expected ';' after every statement");
        }
        return statements;
    }

    /** Returns the SQL that inserts a customer (id, attributes) unless one with its id exists. */
    String insertCustomerIfAbsent() {
        return switch (this) {
            case H2 -> "MERGE INTO fl_customer t USING (SELECT CAST(? AS VARCHAR) AS id, CAST(? AS VARCHAR) AS a) s"
                    + " ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, attributes) VALUES (s.id, s.a)";
            case POSTGRESQL -> "INSERT INTO fl_customer (id, attributes) VALUES (?, ?) ON CONFLICT (id) DO NOTHING";
        };
    }

    /** Returns the name of {@code fl_outbox}'s generated key column as the driver expects it for generated keys. */
    String outboxKey() {
        return switch (this) {
            case H2 -> "SEQ";
            case POSTGRESQL -> "seq";
        };
    }

    /** Returns the SQL that inserts a customer (id, attributes) or replaces the attributes of an existing one. */
    String upsertCustomer() {
        return switch (this) {
            case H2 -> "MERGE INTO fl_customer (id, attributes) KEY (id) VALUES (?, ?)";
            case POSTGRESQL -> "INSERT INTO fl_customer (id, attributes) VALUES (?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET attributes = EXCLUDED.attributes";
        };
    }
}
