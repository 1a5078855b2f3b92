package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
import dev.feedbackloop.survey.json.JsonLimits;
import dev.feedbackloop.survey.json.SurveyJson;
import dev.feedbackloop.survey.json.SurveyJsonException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes survey versions: one row in {@code fl_survey} per id and version, with the definition as JSON
 * text ({@link SurveyJson}) and the database's time of the first registration. Stateless; every method works on the
 * caller's connection and transaction.
 *
 * <p>Design note: the primary key (id, version) decides between concurrent registrations, in this process or
 * another. The insert runs under a savepoint; when the key is taken, the savepoint is rolled back and the stored
 * definition read and compared as a {@link Survey} value, not as text, so that a definition written by an earlier
 * release of the library, in JSON formatted otherwise, still equals its survey. The caller's transaction runs at READ
 * COMMITTED, so that the read sees the row of the transaction that took the key.
 */
final class SurveyRows {

    /** Reads back what this store wrote; far above any survey a host should define. */
    private static final SurveyJson JSON =
            SurveyJson.withLimits(new JsonLimits(64 * 1024 * 1024, 64, 32 * 1024 * 1024, 32));

    /** How often the key can be taken by a transaction that then rolls back before this one gives up. */
    private static final int ATTEMPTS = 5;

    private SurveyRows() {
    }

    /** Returns the JSON text stored for a survey. */
    static String definition(Survey survey) {
        return SurveyJson.standard().write(survey);
    }

    /**
     * Stores a survey version unless its id and version are stored; then checks that the stored definition equals
     * it.
     *
     * @param definition the survey's JSON text, from {@link #definition(Survey)}
     * @return whether a row was inserted
     * @throws SurveyConflictException if another definition is stored under the id and version
     */
    static boolean put(Connection connection, Survey survey, String definition) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fl_survey"
                    + " (id, version, definition, registered_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setString(1, survey.id());
                insert.setInt(2, survey.version());
                insert.setString(3, definition);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                // stored before, or by a concurrent transaction that committed first: compare with what it stored
                connection.rollback(savepoint);
            }
            Optional<Survey> stored = find(connection, survey.id(), survey.version());
            if (stored.isPresent()) {
                if (!stored.get().equals(survey)) {
                    throw new SurveyConflictException(survey.id(), survey.version());
                }
                return false;
            }
            if (attempt == ATTEMPTS) {
                throw new JdbcStoreException("JDBC store could not store survey " + survey.id() + " v"
                        + survey.version() + ": its key was taken " + attempt + " times but no survey is stored under"
                        + " it; expected the one that took it");
            }
        }
    }

    /** Looks up a survey version. */
    static Optional<Survey> find(Connection connection, String id, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, version, definition FROM fl_survey WHERE id = ? AND version = ?")) {
            select.setString(1, id);
            select.setInt(2, version);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Returns every survey version, ordered by id, then version. */
    static List<Survey> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, version, definition FROM fl_survey ORDER BY id, version")) {
            var surveys = new ArrayList<Survey>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    surveys.add(read(rows));
                }
            }
            return surveys;
        }
    }

    private static Survey read(ResultSet row) throws SQLException {
        String id = row.getString("id");
        int version = row.getInt("version");
        Survey survey;
        try {
            survey = JSON.readSurvey(row.getString("definition"));
        } catch (SurveyJsonException e) {
            throw new JdbcStoreException("survey " + id + " v" + version + ": the stored definition cannot be read at '"
                    + e.path() + "' (line " + e.line() + ", column " + e.column() + "); expected JSON written by this"
                    + " store", e);
        }
        if (!survey.id().equals(id) || survey.version() != version) {
            throw new JdbcStoreException("survey " + id + " v" + version + ": the stored definition is survey "
                    + survey.id() + " v" + survey.version() + "; expected the row's id and version");
        }
        return survey;
    }
}
