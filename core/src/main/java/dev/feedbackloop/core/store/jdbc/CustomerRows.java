package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerActivity;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * Reads and writes customers ({@code fl_customer}: the id and the attributes in one column) and their touches
 * ({@code fl_touch}). Stateless; every method works on the caller's connection and transaction.
 */
final class CustomerRows {

    private CustomerRows() {
    }

    /**
     * Registers the customers whose ids are not stored yet; keeps the stored ones as they are. PostgreSQL: one
     * batched {@code INSERT ... ON CONFLICT DO NOTHING}. H2 parses {@code MERGE} on every execution (it caches
     * only {@code INSERT} and {@code SELECT} per session), so there the stored ids are looked up with one
     * {@code = ANY(?)} query and the others inserted in one batch; a concurrent transaction that registers one of
     * them first makes the insert fail on the primary key, and then the lookup and insert run once more.
     */
    static void insertIfAbsent(Connection connection, JdbcDialect dialect, Collection<Customer> customers)
            throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        if (dialect == JdbcDialect.POSTGRESQL) {
            insert(connection, customers, dialect.insertCustomerIfAbsent());
            return;
        }
        for (int attempt = 1; ; attempt++) {
            var absent = new LinkedHashMap<String, Customer>();
            customers.forEach(customer -> absent.put(customer.id(), customer));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM fl_customer WHERE id = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("VARCHAR", absent.keySet().toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        absent.remove(rows.getString(1));
                    }
                }
            }
            if (absent.isEmpty()) {
                return;
            }
            try {
                insert(connection, absent.values(), "INSERT INTO fl_customer (id, attributes) VALUES (?, ?)");
                return;
            } catch (SQLException e) {
                if (attempt == 2 || !Sql.isUniqueViolation(e)) {
                    throw e;
                }
                // a concurrent transaction registered one of them first; keep theirs and insert the rest (H2 undoes
                // a failed statement and runs the other rows of a batch, so the transaction needs no savepoint)
            }
        }
    }

    private static void insert(Connection connection, Collection<Customer> customers, String sql)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Customer customer : customers) {
                insert.setString(1, customer.id());
                insert.setString(2, Attributes.encode(customer.attributes()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Registers a customer or replaces its attributes; a concurrent insert of the same id that wins the race (H2's
     * {@code MERGE}) is followed by an update of the row it wrote.
     */
    static void put(Connection connection, JdbcDialect dialect, Customer customer) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            upsert(connection, dialect, customer);
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            upsert(connection, dialect, customer);
        }
    }

    private static void upsert(Connection connection, JdbcDialect dialect, Customer customer) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(dialect.upsertCustomer())) {
            upsert.setString(1, customer.id());
            upsert.setString(2, Attributes.encode(customer.attributes()));
            upsert.executeUpdate();
        }
    }

    /** Locks the rows of customers, in id order, until the transaction ends. */
    static void lock(Connection connection, SortedSet<String> customerIds) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM fl_customer WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            lock.setArray(1, connection.createArrayOf("VARCHAR", customerIds.toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    // reading the rows takes the locks
                }
            }
        }
    }

    static Optional<Customer> find(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, attributes FROM fl_customer WHERE id = ?")) {
            select.setString(1, customerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /**
     * Streams every customer with their last contact and last answered survey, ordered by id, fetching rows in
     * pages.
     */
    static void forEachActivity(Connection connection, Consumer<CustomerActivity> action) throws SQLException {
        var contactKinds = new ArrayList<String>();
        for (TouchKind kind : TouchKind.values()) {
            if (kind.isContact()) {
                contactKinds.add(kind.name());
            }
        }
        String select = "SELECT c.id, c.attributes,"
                + " MAX(CASE WHEN t.kind IN (" + Sql.placeholders(contactKinds.size()) + ") THEN t.happened_at END)"
                + " AS last_contact,"
                + " MAX(CASE WHEN t.kind = ? THEN t.happened_at END) AS last_answered"
                + " FROM fl_customer c LEFT JOIN fl_touch t ON t.customer_id = c.id"
                + " GROUP BY c.id, c.attributes ORDER BY c.id";
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setFetchSize(Sql.FETCH_SIZE);
            Sql.bindAll(statement, 1, contactKinds);
            statement.setString(contactKinds.size() + 1, TouchKind.SURVEY_ANSWERED.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    action.accept(new CustomerActivity(read(rows), Sql.instant(rows, "last_contact"),
                            Sql.instant(rows, "last_answered")));
                }
            }
        }
    }

    /** Deletes a customer and their touches; returns the number of touches deleted and whether the row existed. */
    static Deleted delete(Connection connection, String customerId) throws SQLException {
        int touches = Sql.delete(connection, "DELETE FROM fl_touch WHERE customer_id = ?", customerId);
        boolean customer = Sql.delete(connection, "DELETE FROM fl_customer WHERE id = ?", customerId) > 0;
        return new Deleted(touches, customer);
    }

    /** What {@link #delete} removed. */
    record Deleted(int touches, boolean customer) {
    }

    private static Customer read(ResultSet row) throws SQLException {
        try {
            return Customer.of(row.getString("id"), Attributes.decode(row.getString("attributes")));
        } catch (IllegalArgumentException e) {
            // neither the customer id nor the attributes belong in a message
            throw new JdbcStoreException("a stored customer cannot be read; expected the id and attributes written by"
                    + " this store", e);
        }
    }

    // ---- touches --------------------------------------------------------------------------------------------

    static void insertTouches(Connection connection, List<Touch> touches) throws SQLException {
        if (touches.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fl_touch (customer_id, kind,"
                + " happened_at, survey_id, actor, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Touch touch : touches) {
                insert.setString(1, touch.customerId());
                insert.setString(2, touch.kind().name());
                Sql.setInstant(insert, 3, touch.at());
                Sql.setText(insert, 4, touch.surveyId());
                insert.setString(5, touch.actor());
                Sql.setText(insert, 6, touch.note());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Returns a customer's touches, oldest first, in the order they were recorded at the same instant. */
    static List<Touch> touches(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT kind, happened_at, survey_id,"
                + " actor, note FROM fl_touch WHERE customer_id = ? ORDER BY happened_at, seq")) {
            select.setString(1, customerId);
            var result = new ArrayList<Touch>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new Touch(customerId, TouchKind.valueOf(rows.getString("kind")),
                            Sql.requiredInstant(rows, "happened_at"), rows.getString("survey_id"),
                            rows.getString("actor"), rows.getString("note")));
                }
            }
            return result;
        }
    }
}
