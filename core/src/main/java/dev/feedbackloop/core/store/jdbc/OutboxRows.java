package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.store.OutboxEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the event outbox, {@code fl_outbox}: one row per event, its text form and the customer it is
 * about (so that erasure finds it), under a sequence the database generates. Stateless; every method works on the
 * caller's connection and transaction.
 */
final class OutboxRows {

    private OutboxRows() {
    }

    /** Appends events; returns them as entries, with the sequences the database assigned, in order. */
    static List<OutboxEntry> append(Connection connection, JdbcDialect dialect, List<FeedbackEvent> events)
            throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        var appended = new ArrayList<OutboxEntry>(events.size());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fl_outbox (customer_id, event) VALUES (?, ?)", new String[] {dialect.outboxKey()})) {
            for (FeedbackEvent event : events) {
                Sql.setText(insert, 1, event.customerId());
                insert.setString(2, EventCodec.encode(event));
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (FeedbackEvent event : events) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned " + appended.size() + " outbox sequence(s) for "
                                + events.size() + " event(s); expected one per event");
                    }
                    appended.add(new OutboxEntry(keys.getLong(1), event));
                }
            }
        }
        return appended;
    }

    /** Returns the oldest entries, in sequence order. */
    static List<OutboxEntry> oldest(Connection connection, int max) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, event FROM fl_outbox ORDER BY seq LIMIT ?")) {
            select.setInt(1, max);
            var result = new ArrayList<OutboxEntry>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new OutboxEntry(rows.getLong("seq"), EventCodec.decode(rows.getString("event"))));
                }
            }
            return result;
        }
    }

    /** Deletes entries by sequence with one statement, whatever their number. */
    static void delete(Connection connection, List<Long> sequences) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM fl_outbox WHERE seq = ANY(?)")) {
            delete.setArray(1, connection.createArrayOf("BIGINT", sequences.toArray()));
            delete.executeUpdate();
        }
    }

    /** Deletes the entries about a customer; returns how many. */
    static int deleteOfCustomer(Connection connection, String customerId) throws SQLException {
        return Sql.delete(connection, "DELETE FROM fl_outbox WHERE customer_id = ?", customerId);
    }
}
