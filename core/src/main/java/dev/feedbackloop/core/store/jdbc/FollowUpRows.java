package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.Escalation;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpAction;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.FollowUpCursor;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.followup.HistoryEntry;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Resolution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes follow-ups: one row in {@code fl_follow_up} plus rows for segment attributes, history and
 * escalations. Stateless; every method works on the caller's connection and transaction.
 *
 * <p>Design note: the pending deadline of each kind is denormalised into its own column
 * ({@code first_contact_pending_due}, {@code resolution_pending_due}; null when not pending) so "overdue now" and
 * "due soon" are index range scans. Lists are read in two steps: the ids in order (where criteria, order and limit
 * apply), then the follow-ups by id with their child rows, four queries per chunk of ids.
 */
final class FollowUpRows {

    /** Every column but {@code id}, in binding order. */
    private static final List<String> COLUMNS = List.of("version", "response_id", "survey_id", "rule_id", "reason",
            "priority", "owner", "customer_id", "opened_at", "first_contact_due", "resolution_due", "state",
            "paused_at", "contact_channel", "contact_by", "contact_at", "contact_note", "resolution_code",
            "resolution_root_cause", "resolution_by", "resolution_at", "resolution_note", "close_reason",
            "first_contact_pending_due", "resolution_pending_due");

    private static final String INSERT = "INSERT INTO fl_follow_up (" + String.join(", ", COLUMNS) + ", id) VALUES ("
            + Sql.placeholders(COLUMNS.size() + 1) + ")";

    private static final String UPDATE = "UPDATE fl_follow_up SET " + String.join(" = ?, ", COLUMNS)
            + " = ? WHERE id = ?";

    /** The names of the states that are not done, as the {@code state} column holds them. */
    private static final List<String> OPEN_STATES = Arrays.stream(FollowUpState.values())
            .filter(state -> !state.isDone()).map(FollowUpState::name).toList();

    /**
     * The keyset condition "after the cursor" over a deadline column ({@code $}) and the id ({@code #}): the first
     * conjunct is a range on the index that starts at the cursor, the second drops the rows at its instant up to its
     * id. Parameters: the cursor's instant twice, then its id.
     */
    private static final String AFTER = "$ >= ? AND ($ > ? OR # > ?)";

    /** Follow-ups loaded per step of {@link #forEach}. */
    private static final int PAGE = 200;

    private FollowUpRows() {
    }

    /** Inserts new follow-ups with their child rows. */
    static void insert(Connection connection, List<FollowUp> followUps) throws SQLException {
        if (followUps.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (FollowUp followUp : followUps) {
                bind(insert, followUp);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        insertChildren(connection, followUps);
    }

    /**
     * Replaces a stored follow-up if its version is {@code expectedVersion}.
     *
     * @return {@code true} if it was replaced, {@code false} if no row had that id and version
     */
    static boolean replace(Connection connection, FollowUp followUp, long expectedVersion) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE + " AND version = ?")) {
            bind(update, followUp);
            update.setLong(COLUMNS.size() + 2, expectedVersion);
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        for (String table : List.of("fl_follow_up_segment", "fl_follow_up_history", "fl_follow_up_escalation")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE follow_up_id = ?")) {
                delete.setString(1, followUp.id());
                delete.executeUpdate();
            }
        }
        insertChildren(connection, List.of(followUp));
        return true;
    }

    /** Returns the follow-ups a response opened, ordered by id. */
    static List<FollowUp> ofResponse(Connection connection, String responseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM fl_follow_up WHERE response_id = ? ORDER BY id")) {
            select.setString(1, responseId);
            return byIds(connection, select);
        }
    }

    /**
     * Returns the follow-ups that match a query and lie after a cursor (if any), ordered by first-contact deadline
     * then id, up to its limit.
     */
    static List<FollowUp> matching(Connection connection, FollowUpQuery query, @Nullable FollowUpCursor after)
            throws SQLException {
        var where = new StringBuilder();
        var values = new ArrayList<String>();
        criterion(where, values, "f.state = ?", query.state() == null ? null : query.state().name());
        criterion(where, values, "f.owner = ?", query.owner());
        criterion(where, values, "f.priority = ?", query.priority() == null ? null : query.priority().name());
        criterion(where, values, "f.customer_id = ?", query.customerId());
        criterion(where, values, "f.survey_id = ?", query.surveyId());
        if (query.segmentName() != null && query.segmentValue() != null) {
            criterion(where, values, "EXISTS (SELECT 1 FROM fl_follow_up_segment s WHERE s.follow_up_id = f.id"
                    + " AND s.attr_name = ? AND s.attr_value = ?)", query.segmentName());
            values.add(query.segmentValue());
        }
        if (after != null) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(AFTER.replace("$", "f.first_contact_due")
                    .replace("#", "f.id"));
        }
        String select = "SELECT f.id FROM fl_follow_up f" + where + " ORDER BY f.first_contact_due, f.id LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            Sql.bindAll(statement, 1, values);
            int next = values.size() + 1;
            if (after != null) {
                next = bindAfter(statement, next, after);
            }
            statement.setInt(next, query.limit());
            return byIds(connection, statement);
        }
    }

    private static void criterion(StringBuilder where, List<String> values, String condition,
                                  @Nullable String value) {
        if (value != null) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
            values.add(value);
        }
    }

    /**
     * Returns the follow-ups whose deadline of a kind is pending, in {@code [from, to)} and after a cursor (if any),
     * ordered by it then id, from the index on its pending column.
     */
    static List<FollowUp> pendingDue(Connection connection, DeadlineKind kind, @Nullable Instant from,
                                     @Nullable FollowUpCursor after, Instant to, int limit) throws SQLException {
        String column = pendingColumn(kind);
        String select = "SELECT id FROM fl_follow_up WHERE " + column + " < ?"
                + (from == null ? "" : " AND " + column + " >= ?")
                + (after == null ? "" : " AND " + AFTER.replace("$", column).replace("#", "id"))
                + " ORDER BY " + column + ", id LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            int i = 1;
            Sql.setBound(statement, i++, to);
            if (from != null) {
                Sql.setBound(statement, i++, from);
            }
            if (after != null) {
                i = bindAfter(statement, i, after);
            }
            statement.setInt(i, limit);
            return byIds(connection, statement);
        }
    }

    /**
     * Binds a cursor's key to the three parameters of {@link #AFTER}; returns the next parameter index. The columns
     * hold whole microseconds, so {@code >= } takes the instant rounded up and {@code >} the instant truncated.
     */
    private static int bindAfter(PreparedStatement statement, int index, FollowUpCursor after) throws SQLException {
        Sql.setBound(statement, index, after.due());
        Sql.setInstant(statement, index + 1, after.due());
        statement.setString(index + 2, after.id());
        return index + 3;
    }

    /** Streams every follow-up in order of opening then id, loading them {@value #PAGE} at a time. */
    static void forEach(Connection connection, Consumer<FollowUp> action) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM fl_follow_up ORDER BY opened_at, id")) {
            forEachPage(connection, select, action);
        }
    }

    /**
     * The query of {@link #forEachOpenedBetween}: a range on {@code fl_follow_up_opened_idx}, in its order.
     * Parameters: the earliest opening and the latest (exclusive), each rounded up to the microsecond.
     */
    static final String OPENED_BETWEEN = "SELECT id FROM fl_follow_up WHERE opened_at >= ? AND opened_at < ?"
            + " ORDER BY opened_at, id";

    /**
     * Streams the follow-ups opened in {@code [from, to)} in order of opening then id, loading them {@value #PAGE} at
     * a time. The column holds whole microseconds, as the follow-ups read back do: bounds rounded up to the
     * microsecond select exactly the follow-ups whose opening lies in the unrounded range.
     */
    static void forEachOpenedBetween(Connection connection, Instant from, Instant to, Consumer<FollowUp> action)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OPENED_BETWEEN)) {
            Sql.setBound(select, 1, from);
            Sql.setBound(select, 2, to);
            forEachPage(connection, select, action);
        }
    }

    /** Runs a query of follow-up ids and streams their follow-ups in its order, {@value #PAGE} at a time. */
    private static void forEachPage(Connection connection, PreparedStatement select, Consumer<FollowUp> action)
            throws SQLException {
        select.setFetchSize(Sql.FETCH_SIZE);
        var page = new ArrayList<String>(PAGE);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                page.add(rows.getString(1));
                if (page.size() == PAGE) {
                    load(connection, page).forEach(action);
                    page.clear();
                }
            }
        }
        load(connection, page).forEach(action);
    }

    /**
     * Counts the follow-ups by state, the open ones by owner and policy and the overdue ones by policy, with
     * {@code GROUP BY} queries that load no follow-up; run it in one snapshot so that the counts agree.
     */
    static FollowUpCounts counts(Connection connection, Instant asOf) throws SQLException {
        var byState = new EnumMap<FollowUpState, Long>(FollowUpState.class);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state, COUNT(*) FROM fl_follow_up GROUP BY state");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byState.put(FollowUpState.valueOf(rows.getString(1)), rows.getLong(2));
            }
        }
        var openByOwner = new HashMap<String, Long>();
        var openByPolicy = new HashMap<String, Long>();
        try (PreparedStatement select = connection.prepareStatement("SELECT owner, rule_id, COUNT(*) FROM fl_follow_up"
                + " WHERE state IN (" + Sql.placeholders(OPEN_STATES.size()) + ") GROUP BY owner, rule_id")) {
            Sql.bindAll(select, 1, OPEN_STATES);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long count = rows.getLong(3);
                    openByOwner.merge(rows.getString(1), count, Long::sum);
                    openByPolicy.merge(rows.getString(2), count, Long::sum);
                }
            }
        }
        var overdue = new EnumMap<DeadlineKind, Map<String, Long>>(DeadlineKind.class);
        for (DeadlineKind kind : DeadlineKind.values()) {
            var byPolicy = new HashMap<String, Long>();
            try (PreparedStatement select = connection.prepareStatement("SELECT rule_id, COUNT(*) FROM fl_follow_up"
                    + " WHERE " + pendingColumn(kind) + " < ? GROUP BY rule_id")) {
                Sql.setBound(select, 1, asOf);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        byPolicy.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            overdue.put(kind, byPolicy);
        }
        return new FollowUpCounts(asOf, byState, openByOwner, openByPolicy, overdue);
    }

    /** Locks the rows of a customer's follow-ups until the transaction ends; returns their ids in order. */
    static List<String> lockOfCustomer(Connection connection, String customerId) throws SQLException {
        var ids = new ArrayList<String>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM fl_follow_up WHERE customer_id = ? ORDER BY id FOR UPDATE")) {
            select.setString(1, customerId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** Returns the stored version of a follow-up, or empty if there is none. */
    static Optional<Long> version(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version FROM fl_follow_up WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Returns the ids, among some, that are stored. */
    static List<String> existing(Connection connection, Collection<String> ids) throws SQLException {
        var found = new ArrayList<String>();
        for (List<String> chunk : chunks(List.copyOf(ids))) {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM fl_follow_up WHERE id IN ("
                    + Sql.placeholders(chunk.size()) + ")")) {
                Sql.bindAll(select, 1, chunk);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Runs a query whose first column is a follow-up id and returns those follow-ups in the query's order.
     *
     * @param select the prepared query, parameters bound
     */
    static List<FollowUp> byIds(Connection connection, PreparedStatement select) throws SQLException {
        var ids = new ArrayList<String>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return load(connection, ids);
    }

    /** Loads follow-ups by id, in the order of the ids; ids that are not stored are skipped. */
    static List<FollowUp> load(Connection connection, List<String> ids) throws SQLException {
        var result = new ArrayList<FollowUp>(ids.size());
        for (List<String> chunk : chunks(ids)) {
            Map<String, FollowUp> loaded = loadChunk(connection, chunk);
            for (String id : chunk) {
                FollowUp followUp = loaded.get(id);
                if (followUp != null) {
                    result.add(followUp);
                }
            }
        }
        return result;
    }

    private static List<List<String>> chunks(List<String> ids) {
        var chunks = new ArrayList<List<String>>();
        for (int from = 0; from < ids.size(); from += Sql.IN_CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + Sql.IN_CHUNK)));
        }
        return chunks;
    }

    private static Map<String, FollowUp> loadChunk(Connection connection, List<String> ids) throws SQLException {
        String in = " WHERE follow_up_id IN (" + Sql.placeholders(ids.size()) + ")";
        var segments = new HashMap<String, Map<String, String>>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT follow_up_id, attr_name, attr_value FROM fl_follow_up_segment" + in)) {
            Sql.bindAll(select, 1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    segments.computeIfAbsent(rows.getString(1), k -> new HashMap<>())
                            .put(rows.getString(2), rows.getString(3));
                }
            }
        }
        var histories = new HashMap<String, List<HistoryEntry>>();
        try (PreparedStatement select = connection.prepareStatement("SELECT follow_up_id, action, state, actor,"
                + " happened_at, note FROM fl_follow_up_history" + in + " ORDER BY follow_up_id, ordinal")) {
            Sql.bindAll(select, 1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    histories.computeIfAbsent(rows.getString("follow_up_id"), k -> new ArrayList<>())
                            .add(new HistoryEntry(FollowUpAction.valueOf(rows.getString("action")),
                                    FollowUpState.valueOf(rows.getString("state")), rows.getString("actor"),
                                    Sql.requiredInstant(rows, "happened_at"), rows.getString("note")));
                }
            }
        }
        var escalations = new HashMap<String, List<Escalation>>();
        try (PreparedStatement select = connection.prepareStatement("SELECT follow_up_id, deadline, due, step,"
                + " escalated_to, happened_at FROM fl_follow_up_escalation" + in + " ORDER BY follow_up_id, ordinal")) {
            Sql.bindAll(select, 1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    escalations.computeIfAbsent(rows.getString("follow_up_id"), k -> new ArrayList<>())
                            .add(new Escalation(DeadlineKind.valueOf(rows.getString("deadline")),
                                    Sql.requiredInstant(rows, "due"), rows.getInt("step"),
                                    rows.getString("escalated_to"), Sql.requiredInstant(rows, "happened_at")));
                }
            }
        }
        var result = new LinkedHashMap<String, FollowUp>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, " + String.join(", ", COLUMNS)
                + " FROM fl_follow_up WHERE id IN (" + Sql.placeholders(ids.size()) + ")")) {
            Sql.bindAll(select, 1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString("id");
                    result.put(id, read(rows, segments.getOrDefault(id, Map.of()),
                            escalations.getOrDefault(id, List.of()), histories.getOrDefault(id, List.of())));
                }
            }
        }
        return result;
    }

    private static FollowUp read(ResultSet row, Map<String, String> segment, List<Escalation> escalations,
                                 List<HistoryEntry> history) throws SQLException {
        String id = row.getString("id");
        try {
            Instant contactAt = Sql.instant(row, "contact_at");
            Contact contact = contactAt == null ? null : new Contact(row.getString("contact_channel"),
                    row.getString("contact_by"), contactAt, row.getString("contact_note"));
            Instant resolutionAt = Sql.instant(row, "resolution_at");
            Resolution resolution = resolutionAt == null ? null : new Resolution(row.getString("resolution_code"),
                    row.getString("resolution_root_cause"), row.getString("resolution_by"), resolutionAt,
                    row.getString("resolution_note"));
            return new FollowUp(id, row.getLong("version"), row.getString("response_id"),
                    row.getString("survey_id"), row.getString("rule_id"), row.getString("reason"),
                    Priority.valueOf(row.getString("priority")), row.getString("owner"),
                    row.getString("customer_id"), segment, Sql.requiredInstant(row, "opened_at"),
                    Sql.requiredInstant(row, "first_contact_due"), Sql.instant(row, "resolution_due"),
                    FollowUpState.valueOf(row.getString("state")), Sql.instant(row, "paused_at"), contact,
                    resolution, row.getString("close_reason"), escalations, history);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new JdbcStoreException("follow-up '" + id + "': the stored row is not a valid follow-up: "
                    + e.getMessage() + "; expected rows written by this store", e);
        }
    }

    private static void bind(PreparedStatement statement, FollowUp f) throws SQLException {
        int i = 1;
        statement.setLong(i++, f.version());
        statement.setString(i++, f.responseId());
        statement.setString(i++, f.surveyId());
        statement.setString(i++, f.policyId());
        statement.setString(i++, f.reason());
        statement.setString(i++, f.priority().name());
        statement.setString(i++, f.owner());
        Sql.setText(statement, i++, f.customerId());
        Sql.setInstant(statement, i++, f.openedAt());
        Sql.setInstant(statement, i++, f.firstContactDue());
        Sql.setInstant(statement, i++, f.resolutionDue());
        statement.setString(i++, f.state().name());
        Sql.setInstant(statement, i++, f.pausedAt());
        Contact contact = f.firstContact();
        Sql.setText(statement, i++, contact == null ? null : contact.channel());
        Sql.setText(statement, i++, contact == null ? null : contact.by());
        Sql.setInstant(statement, i++, contact == null ? null : contact.at());
        Sql.setText(statement, i++, contact == null ? null : contact.note());
        Resolution resolution = f.resolution();
        Sql.setText(statement, i++, resolution == null ? null : resolution.code());
        Sql.setText(statement, i++, resolution == null ? null : resolution.rootCause());
        Sql.setText(statement, i++, resolution == null ? null : resolution.by());
        Sql.setInstant(statement, i++, resolution == null ? null : resolution.at());
        Sql.setText(statement, i++, resolution == null ? null : resolution.note());
        Sql.setText(statement, i++, f.closeReason());
        Sql.setInstant(statement, i++, pendingDue(f, DeadlineKind.FIRST_CONTACT));
        Sql.setInstant(statement, i++, pendingDue(f, DeadlineKind.RESOLUTION));
        statement.setString(i, f.id());
    }

    private static @Nullable Instant pendingDue(FollowUp followUp, DeadlineKind kind) {
        return followUp.isPending(kind) ? followUp.findDue(kind).orElse(null) : null;
    }

    /** Returns the column holding the pending deadline of a kind. */
    private static String pendingColumn(DeadlineKind kind) {
        return switch (kind) {
            case FIRST_CONTACT -> "first_contact_pending_due";
            case RESOLUTION -> "resolution_pending_due";
        };
    }

    /**
     * Inserts the child rows of follow-ups, one batch per table that gets rows; a statement with nothing to insert
     * is not even prepared (on H2 it would take a slot of the session's small statement cache).
     */
    private static void insertChildren(Connection connection, List<FollowUp> followUps) throws SQLException {
        int segments = 0;
        int entries = 0;
        int escalations = 0;
        for (FollowUp followUp : followUps) {
            segments += followUp.segment().size();
            entries += followUp.history().size();
            escalations += followUp.escalations().size();
        }
        if (segments > 0) {
            try (PreparedStatement segment = connection.prepareStatement(
                    "INSERT INTO fl_follow_up_segment (follow_up_id, attr_name, attr_value) VALUES (?, ?, ?)")) {
                for (FollowUp followUp : followUps) {
                    for (var attribute : followUp.segment().entrySet()) {
                        segment.setString(1, followUp.id());
                        segment.setString(2, attribute.getKey());
                        segment.setString(3, attribute.getValue());
                        segment.addBatch();
                    }
                }
                segment.executeBatch();
            }
        }
        if (entries > 0) {
            try (PreparedStatement history = connection.prepareStatement("INSERT INTO fl_follow_up_history"
                    + " (follow_up_id, ordinal, action, state, actor, happened_at, note)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (FollowUp followUp : followUps) {
                    int ordinal = 0;
                    for (HistoryEntry entry : followUp.history()) {
                        history.setString(1, followUp.id());
                        history.setInt(2, ordinal++);
                        history.setString(3, entry.action().name());
                        history.setString(4, entry.state().name());
                        history.setString(5, entry.actor());
                        Sql.setInstant(history, 6, entry.at());
                        Sql.setText(history, 7, entry.note());
                        history.addBatch();
                    }
                }
                history.executeBatch();
            }
        }
        if (escalations > 0) {
            try (PreparedStatement escalation = connection.prepareStatement("INSERT INTO fl_follow_up_escalation"
                    + " (follow_up_id, ordinal, deadline, due, step, escalated_to, happened_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (FollowUp followUp : followUps) {
                    int ordinal = 0;
                    for (Escalation e : followUp.escalations()) {
                        escalation.setString(1, followUp.id());
                        escalation.setInt(2, ordinal++);
                        escalation.setString(3, e.deadline().name());
                        Sql.setInstant(escalation, 4, e.due());
                        escalation.setInt(5, e.step());
                        escalation.setString(6, e.escalatedTo());
                        Sql.setInstant(escalation, 7, e.at());
                        escalation.addBatch();
                    }
                }
                escalation.executeBatch();
            }
        }
    }
}
