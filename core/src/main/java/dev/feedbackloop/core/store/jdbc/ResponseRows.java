package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.json.JsonLimits;
import dev.feedbackloop.survey.json.SurveyJson;
import dev.feedbackloop.survey.json.SurveyJsonException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes responses: one row in {@code fl_response} with the response as JSON text, plus a row per answer
 * ({@code fl_response_answer}: the kind and the number of ratings and yes/no answers) and per segment attribute
 * ({@code fl_response_attribute}). Stateless; every method works on the caller's connection and transaction.
 *
 * <p>Design note: the JSON body is what is read back, so a response read back equals the one submitted (its
 * {@code submittedAt} to the nanosecond included); the answer and attribute rows are there for SQL reports and never
 * read by the store.
 */
final class ResponseRows {

    /** Reads back what this store wrote; far above any response a host should accept. */
    private static final SurveyJson JSON =
            SurveyJson.withLimits(new JsonLimits(64 * 1024 * 1024, 64, 32 * 1024 * 1024, 32));

    private static final String COLUMNS = "id, body, received_at";

    private ResponseRows() {
    }

    /** Returns the JSON body of each distinct response of submissions, by response id. */
    static Map<String, String> bodies(List<Submission> submissions) {
        if (submissions.size() == 1) {
            Response response = submissions.get(0).response().response();
            return Map.of(response.id(), JSON.write(response));
        }
        var bodies = new HashMap<String, String>();
        for (Submission submission : submissions) {
            bodies.computeIfAbsent(submission.response().id(), id -> JSON.write(submission.response().response()));
        }
        return bodies;
    }

    /**
     * Inserts the responses of submissions with their answer and attribute rows, in the given order.
     *
     * @param bodies the JSON body of every response, by id, from {@link #bodies(List)}
     */
    static void insert(Connection connection, Collection<Submission> submissions, Map<String, String> bodies)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fl_response (id, survey_id,"
                + " survey_version, customer_id, channel, submitted_at, received_at, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Submission submission : submissions) {
                StoredResponse stored = submission.response();
                Response response = stored.response();
                insert.setString(1, response.id());
                insert.setString(2, response.surveyId());
                insert.setInt(3, response.surveyVersion());
                Sql.setText(insert, 4, response.respondent().customerId());
                insert.setString(5, response.channel());
                Sql.setInstant(insert, 6, response.submittedAt());
                Sql.setInstant(insert, 7, stored.receivedAt());
                insert.setString(8, bodies.get(response.id()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        insertAnswersAndAttributes(connection, submissions);
    }

    private static void insertAnswersAndAttributes(Connection connection, Collection<Submission> submissions)
            throws SQLException {
        try (PreparedStatement answers = connection.prepareStatement("INSERT INTO fl_response_answer"
                + " (response_id, question_id, kind, number_value) VALUES (?, ?, ?, ?)");
             PreparedStatement attributes = connection.prepareStatement("INSERT INTO fl_response_attribute"
                     + " (response_id, attr_name, attr_value) VALUES (?, ?, ?)")) {
            int answerRows = 0;
            int attributeRows = 0;
            for (Submission submission : submissions) {
                Response response = submission.response().response();
                for (var entry : response.answers().entrySet()) {
                    answers.setString(1, response.id());
                    answers.setString(2, entry.getKey());
                    answers.setString(3, AnswerKind.of(entry.getValue()).name());
                    Integer number = AnswerKind.number(entry.getValue());
                    if (number == null) {
                        answers.setNull(4, Types.INTEGER);
                    } else {
                        answers.setInt(4, number);
                    }
                    answers.addBatch();
                    answerRows++;
                }
                for (var entry : response.respondent().attributes().entrySet()) {
                    attributes.setString(1, response.id());
                    attributes.setString(2, entry.getKey());
                    attributes.setString(3, entry.getValue());
                    attributes.addBatch();
                    attributeRows++;
                }
            }
            if (answerRows > 0) {
                answers.executeBatch();
            }
            if (attributeRows > 0) {
                attributes.executeBatch();
            }
        }
    }

    /** Looks up a response by id. */
    static Optional<StoredResponse> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM fl_response WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Looks up responses by id with one statement, whatever their number; ids not stored are absent. */
    static Map<String, StoredResponse> findAll(Connection connection, List<String> ids) throws SQLException {
        var found = new HashMap<String, StoredResponse>();
        // one statement text whatever the number of ids, so the database parses it once per connection
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM fl_response WHERE id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("VARCHAR", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredResponse response = read(rows);
                    found.put(response.id(), response);
                }
            }
        }
        return found;
    }

    /** Streams the responses of a survey in order of receipt, then id, fetching rows in pages. */
    static void forEachOfSurvey(Connection connection, String surveyId, Consumer<StoredResponse> action)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM fl_response WHERE survey_id = ? ORDER BY received_at, id")) {
            select.setFetchSize(Sql.FETCH_SIZE);
            select.setString(1, surveyId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    action.accept(read(rows));
                }
            }
        }
    }

    /**
     * The query of {@link #forEachSubmittedBetween}: a range on {@code fl_response_submitted_idx}, in its order.
     * Parameters: the survey, the earliest submitted time (truncated to the microsecond), the latest (exclusive,
     * rounded up).
     */
    static final String SUBMITTED_BETWEEN = "SELECT " + COLUMNS + " FROM fl_response WHERE survey_id = ?"
            + " AND submitted_at >= ? AND submitted_at < ? ORDER BY submitted_at, id";

    /**
     * Streams the responses of a survey submitted in {@code [from, to)} in order of submission, then id, fetching
     * rows in pages. The column holds microseconds and the body the exact instant: the query takes the microseconds
     * around the range, and each response is checked against the exact bounds.
     */
    static void forEachSubmittedBetween(Connection connection, String surveyId, Instant from, Instant to,
                                        Consumer<StoredResponse> action) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SUBMITTED_BETWEEN)) {
            select.setFetchSize(Sql.FETCH_SIZE);
            select.setString(1, surveyId);
            Sql.setInstant(select, 2, from);
            Sql.setBound(select, 3, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredResponse response = read(rows);
                    Instant submitted = response.response().submittedAt();
                    if (!submitted.isBefore(from) && submitted.isBefore(to)) {
                        action.accept(response);
                    }
                }
            }
        }
    }

    /** Returns a customer's responses in order of submission, then id. */
    static List<StoredResponse> ofCustomer(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM fl_response WHERE customer_id = ? ORDER BY submitted_at, id")) {
            select.setString(1, customerId);
            var result = new ArrayList<StoredResponse>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(read(rows));
                }
            }
            return result;
        }
    }

    /** Counts a customer's responses received after an instant, as the transaction sees them. */
    static long countReceivedAfter(PreparedStatement count, String customerId, Instant since) throws SQLException {
        count.setString(1, customerId);
        Sql.setInstant(count, 2, since);
        try (ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The statement that {@link #countReceivedAfter} runs, prepared once for several customers. */
    static PreparedStatement prepareCount(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "SELECT COUNT(*) FROM fl_response WHERE customer_id = ? AND received_at > ?");
    }

    /**
     * Replaces a customer's responses by their {@linkplain StoredResponse#anonymised() anonymised} form and deletes
     * their text answer rows.
     *
     * @return the number of responses anonymised
     */
    static int anonymise(Connection connection, String customerId) throws SQLException {
        var erased = new ArrayList<StoredResponse>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM fl_response WHERE customer_id = ? ORDER BY id")) {
            select.setString(1, customerId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    erased.add(read(rows).anonymised());
                }
            }
        }
        if (erased.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE fl_response SET customer_id = NULL, body = ? WHERE id = ?");
             PreparedStatement deleteText = connection.prepareStatement(
                     "DELETE FROM fl_response_answer WHERE response_id = ? AND kind = ?")) {
            for (StoredResponse response : erased) {
                update.setString(1, JSON.write(response.response()));
                update.setString(2, response.id());
                update.addBatch();
                deleteText.setString(1, response.id());
                deleteText.setString(2, AnswerKind.TEXT.name());
                deleteText.addBatch();
            }
            update.executeBatch();
            deleteText.executeBatch();
        }
        return erased.size();
    }

    private static StoredResponse read(ResultSet row) throws SQLException {
        String id = row.getString("id");
        try {
            return new StoredResponse(JSON.readResponse(row.getString("body")), Sql.requiredInstant(row,
                    "received_at"));
        } catch (SurveyJsonException e) {
            throw new JdbcStoreException("response '" + id + "': the stored body cannot be read at '" + e.path()
                    + "' (line " + e.line() + ", column " + e.column() + "); expected JSON written by this store", e);
        }
    }

    /** The kind of an answer as stored in {@code fl_response_answer.kind}. */
    enum AnswerKind {
        RATING, CHOICE, TEXT, YES_NO;

        static AnswerKind of(Answer answer) {
            if (answer instanceof Answer.Rating) {
                return RATING;
            } else if (answer instanceof Answer.Choice) {
                return CHOICE;
            } else if (answer instanceof Answer.Text) {
                return TEXT;
            } else if (answer instanceof Answer.YesNo) {
                return YES_NO;
            }
            throw new AssertionError("unknown answer type " + answer.getClass());
        }

        /** Returns the number stored for an answer: the rating, 1 or 0 for yes or no, else {@code null}. */
        static @Nullable Integer number(Answer answer) {
            if (answer instanceof Answer.Rating rating) {
                return rating.value();
            }
            if (answer instanceof Answer.YesNo yesNo) {
                return yesNo.value() ? 1 : 0;
            }
            return null;
        }
    }
}
