package dev.feedbackloop.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import javax.sql.DataSource;

/** Reads the database's plan of one of the store's queries, as {@code EXPLAIN} prints it. */
final class QueryPlans {

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private QueryPlans() {
    }

    /** Returns the lines of {@code EXPLAIN <sql>} with the parameters bound, joined by newlines. */
    static String explain(DataSource dataSource, String sql, Binder binder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            binder.bind(explain);
            var lines = new ArrayList<String>();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return String.join("\n", lines);
        }
    }
}
