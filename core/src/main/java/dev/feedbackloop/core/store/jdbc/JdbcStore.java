package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerActivity;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.EventCodec;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.store.CustomerQuota;
import dev.feedbackloop.core.store.Erasure;
import dev.feedbackloop.core.store.ErasureReport;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.FollowUpChange;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.SubmitResult;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.json.JsonLimits;
import dev.feedbackloop.survey.json.SurveyJson;
import dev.feedbackloop.survey.json.SurveyJsonException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FeedbackStore} in a relational database (H2 or PostgreSQL) over plain JDBC and the host's
 * {@link DataSource}: durable responses, follow-ups, customers, touches and event outbox.
 *
 * <p>Create it once and share it: {@code JdbcStore.of(dataSource).createSchema()} detects the
 * {@linkplain JdbcDialect dialect} from the database metadata and creates the tables and indexes if they do not
 * exist (idempotent; run it at start-up, or apply {@link JdbcDialect#schemaScript()} with your migration tool).
 * Tables are named {@code fl_*} and live in the connection's current schema (on PostgreSQL, set
 * {@code currentSchema} on the data source to use another one).
 *
 * <p>Thread-safe: the store holds no mutable state; every operation borrows one connection from the data source
 * for its duration and returns it. It brings no pool of its own; give it a pooled data source in production.
 *
 * <p>Transactions: every write is one transaction on one connection (auto-commit off, the data source's isolation
 * level, READ COMMITTED is enough). {@link #submit(Submission)} stores the response, its follow-ups, touches, new
 * customer and outbox events together or not at all; a response id that is already stored (also by a concurrent
 * submission) is detected by the primary key and reported as {@code stored() == false} with what is stored. Writers
 * take their locks in one order (customers by id, then responses by id), and a transaction that a deadlock or a
 * serialization failure ends (SQLState {@code 40P01} or {@code 40001}) runs again, up to five times in all, so
 * concurrent batches never fail each other. A submission's {@linkplain Submission#quota() per-customer quota} is
 * counted at READ COMMITTED in the same transaction, after {@code SELECT ... FOR UPDATE} on the customer's row, so
 * it holds across threads and processes. {@link #update(FollowUpChange)} is an optimistic
 * {@code UPDATE ... WHERE id = ? AND version = ?}; no row means a {@link VersionConflictException} with the expected
 * and actual versions. {@link #eraseCustomer(Erasure)} locks the customer's follow-ups and moves each one version
 * on, so that an update prepared before the erasure finds no row and writes nothing back. Streaming reads
 * ({@link #forEachResponse(String, Consumer)}, {@link #forEachFollowUp(Consumer)},
 * {@link #forEachCustomer(Consumer)}) fetch rows in pages inside one read transaction, so memory does not grow with
 * the table.
 *
 * <p>Batches and round trips: {@link #submitAll(List)} stores a whole batch in one transaction with one JDBC batch
 * per table, and {@link #submit(Submission)} is a batch of one; a submission is a single transaction that reports
 * the outbox entries it appended ({@link SubmitResult#appended()}, from the generated keys), so the feedback loop
 * delivers them without polling and acknowledges them with one {@code DELETE}. Statement texts do not depend on the
 * number of rows ({@code = ANY(?)} with an array instead of {@code IN (?, ?, ...)}), so a pooled connection parses
 * each once. On H2 the per-session statement cache holds 8 statements by default ({@code QUERY_CACHE_SIZE}); a
 * submission that opens follow-ups uses about ten, so hosts on H2 should add {@code ;QUERY_CACHE_SIZE=32} to the
 * URL.
 *
 * <p>Outbox: events are appended in the transaction of the write that raised them, polled in sequence order and
 * deleted when acknowledged; unacknowledged events survive restarts, so delivery is at least once.
 *
 * <p>Failures of the database are thrown as {@link JdbcStoreException} naming the operation and the SQLState, never
 * the driver's message, which quotes the statement's parameters (customer ids, attributes, free text); nothing of
 * the failed operation is written. The driver's exception is logged at DEBUG only.
 *
 * <p>Precision: instant columns hold microseconds on every database (PostgreSQL's precision); finer digits are
 * truncated, so an instant read back equals the one written only if it had no finer digits. The feedback loop's own
 * instants (received-at, deadlines, history) are already truncated to the microsecond. Responses are stored as JSON
 * text ({@link SurveyJson}) that keeps {@code submittedAt} exactly, nanoseconds included, so a response read back
 * equals the one submitted and resubmitting it is recognised as the same response; its ratings and segment
 * attributes are also in columns of their own.
 */
public final class JdbcStore implements FeedbackStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    /** Reads back what this store wrote; far above any response a host should accept. */
    private static final SurveyJson JSON =
            SurveyJson.withLimits(new JsonLimits(64 * 1024 * 1024, 64, 32 * 1024 * 1024, 32));

    private static final int SUBMIT_ATTEMPTS = 5;
    private static final int FOLLOW_UP_PAGE = 200;

    private final Sql sql;
    private final JdbcDialect dialect;

    private JdbcStore(DataSource dataSource, JdbcDialect dialect) {
        this.sql = new Sql(dataSource, dialect);
        this.dialect = dialect;
    }

    /**
     * Returns a store over a data source, detecting the dialect from one connection's metadata. The schema is not
     * touched; call {@link #createSchema()} or create it with {@link JdbcDialect#schemaScript()}.
     *
     * @param dataSource the host's data source
     * @return the store
     * @throws JdbcStoreException if no connection can be opened or the database is neither H2 nor PostgreSQL
     */
    public static JdbcStore of(DataSource dataSource) {
        return new JdbcStore(Objects.requireNonNull(dataSource, "dataSource"), JdbcDialect.detect(dataSource));
    }

    /**
     * Returns a store over a data source of a known dialect, without opening a connection.
     *
     * @param dataSource the host's data source
     * @param dialect the database's dialect
     * @return the store
     */
    public static JdbcStore of(DataSource dataSource, JdbcDialect dialect) {
        return new JdbcStore(Objects.requireNonNull(dataSource, "dataSource"),
                Objects.requireNonNull(dialect, "dialect"));
    }

    /**
     * Returns the dialect this store speaks.
     *
     * @return the dialect
     */
    public JdbcDialect dialect() {
        return dialect;
    }

    /**
     * Creates the store's tables and indexes where they do not exist, in one transaction where the database allows
     * (PostgreSQL also takes an advisory lock, so concurrent start-ups do not collide). Idempotent.
     *
     * @return this store, for chaining
     * @throws JdbcStoreException if a statement fails, for example for lack of privileges
     */
    public JdbcStore createSchema() {
        List<String> statements = dialect.schemaStatements();
        sql.transaction("create the schema (" + dialect + ")", connection -> {
            try (Statement statement = connection.createStatement()) {
                if (dialect == JdbcDialect.POSTGRESQL) {
                    statement.execute("SELECT pg_advisory_xact_lock(7420112358)");
                }
                for (String ddl : statements) {
                    statement.execute(ddl);
                }
            }
            return null;
        });
        LOG.debug("schema ready ({} statements, {})", statements.size(), dialect);
        return this;
    }

    // ---- responses ------------------------------------------------------------------------------------------

    @Override
    public SubmitResult submit(Submission submission) {
        Objects.requireNonNull(submission, "submission");
        return submitAll(List.of(submission)).get(0);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here one transaction stores the whole batch, with one JDBC batch per table, and nothing of it when a
     * part fails. Ids are assumed new: the transaction inserts every response, and only when a primary key
     * reports one as taken (stored earlier, or by a concurrent transaction) is it rolled back, the taken ids read,
     * and the rest inserted again.
     *
     * <p>Every writer takes its locks in one order: the customers first, by id (registered if new, and locked with
     * {@code SELECT ... FOR UPDATE} when a submission has a quota), then the responses and their rows by response
     * id. Concurrent batches that share responses or customers, in whatever order they list them, wait for each
     * other instead of deadlocking. Quotas are counted after the lock, at READ COMMITTED, so that they see every
     * response committed by the transaction that held it, in this process or another.
     */
    @Override
    public List<SubmitResult> submitAll(List<Submission> submissions) {
        List<Submission> batch = List.copyOf(submissions);
        if (batch.isEmpty()) {
            return List.of();
        }
        String operation = batch.size() == 1 ? "submit response '" + batch.get(0).response().id() + "'"
                : "submit " + batch.size() + " responses";
        checkFollowUpIds(batch);
        Map<String, SubmitResult> taken = new HashMap<>();
        boolean quotas = batch.stream().anyMatch(submission -> submission.quota() != null);
        for (int futile = 0; ; ) {
            Sql.Work<Optional<List<SubmitResult>>> work = connection -> insert(connection, batch, taken);
            Optional<List<SubmitResult>> stored = quotas ? sql.readCommitted(operation, work)
                    : sql.transaction(operation, work);
            if (stored.isPresent()) {
                return stored.get();
            }
            int before = taken.size();
            List<String> ids = batch.stream().map(s -> s.response().id()).distinct()
                    .filter(id -> !taken.containsKey(id)).toList();
            sql.snapshot("read " + ids.size() + " response(s)", connection -> {
                for (StoredResponse response : findResponses(connection, ids).values()) {
                    taken.put(response.id(), new SubmitResult(false, response, followUpsOf(connection,
                            response.id())));
                }
                return null;
            });
            LOG.debug("{} of {} response id(s) were already stored", taken.size(), batch.size());
            // no new taken id: the one that clashed was rolled back by its concurrent transaction; try again
            if (taken.size() == before && ++futile == SUBMIT_ATTEMPTS) {
                throw new JdbcStoreException("JDBC store could not " + operation + ": a response id was a"
                        + " duplicate " + futile + " times but no response is stored under it; expected either");
            }
        }
    }

    /** Rejects follow-up ids that repeat across the new submissions of a batch, before anything is written. */
    private static void checkFollowUpIds(List<Submission> batch) {
        var responses = new HashSet<String>();
        var followUps = new HashMap<String, String>();
        for (Submission submission : batch) {
            String id = submission.response().id();
            if (!responses.add(id)) {
                continue;
            }
            for (FollowUp followUp : submission.followUps()) {
                String other = followUps.putIfAbsent(followUp.id(), id);
                if (other != null) {
                    throw new IllegalStateException("response '" + id + "': follow-up '" + followUp.id()
                            + "' is also opened by response '" + other + "' of the same batch; nothing was stored");
                }
            }
        }
    }

    /**
     * Writes the submissions whose ids are neither taken nor repeated in the batch; empty if a response id turns
     * out to be taken (then the transaction is rolled back and nothing is written).
     */
    private Optional<List<SubmitResult>> insert(Connection connection, List<Submission> batch,
                                                Map<String, SubmitResult> taken) throws SQLException {
        var fresh = new LinkedHashMap<String, Submission>();
        for (Submission submission : batch) {
            String id = submission.response().id();
            if (!taken.containsKey(id)) {
                fresh.putIfAbsent(id, submission);
            }
        }
        var results = new ArrayList<SubmitResult>(batch.size());
        if (fresh.isEmpty()) {
            for (Submission submission : batch) {
                results.add(taken.get(submission.response().id()));
            }
            return Optional.of(results);
        }
        var customers = new TreeMap<String, Customer>();
        for (Submission submission : fresh.values()) {
            Customer customer = submission.newCustomer();
            if (customer != null) {
                customers.putIfAbsent(customer.id(), customer);
            }
        }
        insertCustomersIfAbsent(connection, customers.values());
        if (!checkQuotas(connection, fresh.values())) {
            // a response over its quota is stored already: read the taken ids and try again without it
            connection.rollback();
            return Optional.empty();
        }
        var inIdOrder = new ArrayList<>(fresh.values());
        inIdOrder.sort(Comparator.comparing(submission -> submission.response().id()));
        try {
            insertResponses(connection, inIdOrder);
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                connection.rollback();
                return Optional.empty();
            }
            throw e;
        }
        insertAnswersAndAttributes(connection, inIdOrder);
        var followUps = new ArrayList<FollowUp>();
        var touches = new ArrayList<Touch>();
        var events = new ArrayList<FeedbackEvent>();
        for (Submission submission : fresh.values()) {
            followUps.addAll(submission.followUps());
            touches.addAll(submission.touches());
            events.addAll(submission.events());
        }
        followUps.sort(Comparator.comparing(FollowUp::id));
        try {
            FollowUpRows.insert(connection, followUps);
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            connection.rollback();
            List<String> clash = FollowUpRows.existing(connection, followUps.stream().map(FollowUp::id).toList());
            throw new IllegalStateException("follow-up(s) " + clash + " already exist for another response; nothing"
                    + " of the " + (batch.size() == 1 ? "submission" : "batch") + " was stored",
                    JdbcStoreException.scrubbed(e));
        }
        insertTouches(connection, touches);
        List<OutboxEntry> appended = appendEvents(connection, events);
        int next = 0;
        var stored = new HashMap<String, SubmitResult>();
        for (Submission submission : fresh.values()) {
            List<OutboxEntry> own = appended.subList(next, next + submission.events().size());
            next += submission.events().size();
            List<FollowUp> sorted = submission.followUps().stream().sorted(Comparator.comparing(FollowUp::id))
                    .toList();
            stored.put(submission.response().id(), new SubmitResult(true, submission.response(), sorted, own));
        }
        var reported = new HashSet<String>();
        for (Submission submission : batch) {
            String id = submission.response().id();
            SubmitResult result = taken.get(id);
            if (result == null) {
                result = stored.get(id);
                if (!reported.add(id)) {
                    // a repeat of an id earlier in the batch, even the same submission again, stored nothing
                    result = new SubmitResult(false, result.response(), result.followUps());
                }
            }
            results.add(result);
        }
        return Optional.of(results);
    }

    /**
     * Locks the customers of the submissions that have a quota, in id order, then counts each customer's responses
     * in the window and refuses the first submission that would exceed its quota; the rows were registered before,
     * so the lock holds even for a customer's first responses. A submission over its quota whose response is stored
     * already is a resubmission, which a quota never refuses: then this returns {@code false}.
     *
     * @return {@code true} if every new submission is within its quota
     * @throws dev.feedbackloop.core.limit.LimitExceededException if a new response exceeds its quota
     */
    private static boolean checkQuotas(Connection connection, Collection<Submission> fresh) throws SQLException {
        var customers = new TreeSet<String>();
        for (Submission submission : fresh) {
            if (submission.quota() != null) {
                customers.add(Objects.requireNonNull(submission.response().response().respondent().customerId()));
            }
        }
        if (customers.isEmpty()) {
            return true;
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM fl_customer WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            lock.setArray(1, connection.createArrayOf("VARCHAR", customers.toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    // reading the rows takes the locks
                }
            }
        }
        var stored = new HashMap<String, Long>();
        var earlier = new HashMap<String, Integer>();
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM fl_response WHERE customer_id = ? AND received_at > ?")) {
            for (Submission submission : fresh) {
                CustomerQuota quota = submission.quota();
                if (quota == null) {
                    continue;
                }
                String customerId = Objects.requireNonNull(submission.response().response().respondent()
                        .customerId());
                String key = customerId + "\n" + quota.since();
                Long inWindow = stored.get(key);
                if (inWindow == null) {
                    count.setString(1, customerId);
                    Sql.setInstant(count, 2, quota.since());
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        inWindow = row.getLong(1);
                    }
                    stored.put(key, inWindow);
                }
                long total = inWindow + earlier.merge(customerId, 1, Integer::sum) - 1;
                if (!quota.allows(total)) {
                    if (findResponse(connection, submission.response().id()).isPresent()) {
                        return false;
                    }
                    throw quota.exceeded(submission.response().id(), total);
                }
            }
        }
        return true;
    }

    private static void insertResponses(Connection connection, Collection<Submission> submissions)
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
                insert.setString(8, JSON.write(response));
                insert.addBatch();
            }
            insert.executeBatch();
        }
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

    @Override
    public Optional<StoredResponse> findResponse(String responseId) {
        Objects.requireNonNull(responseId, "responseId");
        return sql.transaction("read response '" + responseId + "'", c -> findResponse(c, responseId));
    }

    @Override
    public Map<String, StoredResponse> findResponses(Collection<String> responseIds) {
        List<String> ids = List.copyOf(responseIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sql.transaction("read " + ids.size() + " response(s)", connection -> findResponses(connection, ids));
    }

    private static Map<String, StoredResponse> findResponses(Connection connection, List<String> ids)
            throws SQLException {
        var found = new HashMap<String, StoredResponse>();
        // one statement text whatever the number of ids, so the database parses it once per connection
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, body, received_at FROM fl_response WHERE id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("VARCHAR", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredResponse response = response(rows);
                    found.put(response.id(), response);
                }
            }
        }
        return found;
    }

    private static Optional<StoredResponse> findResponse(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, body, received_at FROM fl_response WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(response(row)) : Optional.empty();
            }
        }
    }

    private static StoredResponse response(ResultSet row) throws SQLException {
        String id = row.getString("id");
        try {
            return new StoredResponse(JSON.readResponse(row.getString("body")), Sql.requiredInstant(row,
                    "received_at"));
        } catch (SurveyJsonException e) {
            throw new JdbcStoreException("response '" + id + "': the stored body cannot be read at '" + e.path()
                    + "' (line " + e.line() + ", column " + e.column() + "); expected JSON written by this store", e);
        }
    }

    @Override
    public void forEachResponse(String surveyId, Consumer<StoredResponse> action) {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(action, "action");
        sql.stream("stream the responses of survey '" + surveyId + "'", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, body, received_at"
                    + " FROM fl_response WHERE survey_id = ? ORDER BY received_at, id")) {
                select.setFetchSize(Sql.FETCH_SIZE);
                select.setString(1, surveyId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        action.accept(response(rows));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<StoredResponse> responsesOfCustomer(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return sql.transaction("read the responses of a customer", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, body, received_at"
                    + " FROM fl_response WHERE customer_id = ? ORDER BY submitted_at, id")) {
                select.setString(1, customerId);
                var result = new ArrayList<StoredResponse>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        result.add(response(rows));
                    }
                }
                return result;
            }
        });
    }

    // ---- follow-ups -----------------------------------------------------------------------------------------

    @Override
    public Optional<FollowUp> findFollowUp(String followUpId) {
        Objects.requireNonNull(followUpId, "followUpId");
        return sql.snapshot("read follow-up '" + followUpId + "'",
                c -> FollowUpRows.load(c, List.of(followUpId)).stream().findFirst());
    }

    @Override
    public List<FollowUp> followUpsOfResponse(String responseId) {
        Objects.requireNonNull(responseId, "responseId");
        return sql.snapshot("read the follow-ups of response '" + responseId + "'",
                c -> followUpsOf(c, responseId));
    }

    private static List<FollowUp> followUpsOf(Connection connection, String responseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM fl_follow_up WHERE response_id = ? ORDER BY id")) {
            select.setString(1, responseId);
            return FollowUpRows.byIds(connection, select);
        }
    }

    @Override
    public FollowUp update(FollowUpChange change) {
        Objects.requireNonNull(change, "change");
        FollowUp updated = change.updated();
        return sql.transaction("update follow-up '" + updated.id() + "' to version " + updated.version(),
                connection -> {
                    if (!FollowUpRows.replace(connection, updated, change.expectedVersion())) {
                        long actual = FollowUpRows.version(connection, updated.id())
                                .orElseThrow(() -> new NotFoundException("follow-up", updated.id()));
                        throw new VersionConflictException(updated.id(), change.expectedVersion(), actual);
                    }
                    insertTouches(connection, change.touches());
                    appendEvents(connection, change.events());
                    return updated;
                });
    }

    @Override
    public List<FollowUp> followUps(FollowUpQuery query) {
        Objects.requireNonNull(query, "query");
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
        String select = "SELECT f.id FROM fl_follow_up f" + where + " ORDER BY f.first_contact_due, f.id LIMIT ?";
        return sql.snapshot("query follow-ups", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                Sql.bindAll(statement, 1, values);
                statement.setInt(values.size() + 1, query.limit());
                return FollowUpRows.byIds(connection, statement);
            }
        });
    }

    private static void criterion(StringBuilder where, List<String> values, String condition,
                                  @Nullable String value) {
        if (value != null) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
            values.add(value);
        }
    }

    @Override
    public List<FollowUp> pendingDue(DeadlineKind kind, @Nullable Instant from, Instant to, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " is not positive");
        }
        String column = FollowUpRows.pendingColumn(kind);
        String select = "SELECT id FROM fl_follow_up WHERE " + column + " < ?"
                + (from == null ? "" : " AND " + column + " >= ?") + " ORDER BY " + column + ", id LIMIT ?";
        return sql.snapshot("query follow-ups pending " + kind, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                int i = 1;
                Sql.setInstant(statement, i++, to);
                if (from != null) {
                    Sql.setInstant(statement, i++, from);
                }
                statement.setInt(i, limit);
                return FollowUpRows.byIds(connection, statement);
            }
        });
    }

    @Override
    public void forEachFollowUp(Consumer<FollowUp> action) {
        Objects.requireNonNull(action, "action");
        sql.snapshot("stream the follow-ups", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM fl_follow_up ORDER BY opened_at, id")) {
                select.setFetchSize(Sql.FETCH_SIZE);
                var page = new ArrayList<String>(FOLLOW_UP_PAGE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(rows.getString(1));
                        if (page.size() == FOLLOW_UP_PAGE) {
                            FollowUpRows.load(connection, page).forEach(action);
                            page.clear();
                        }
                    }
                }
                FollowUpRows.load(connection, page).forEach(action);
            }
            return null;
        });
    }

    // ---- customers and touches ------------------------------------------------------------------------------

    @Override
    public void putCustomer(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        sql.transaction("store a customer", connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                upsertCustomer(connection, customer);
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                // a concurrent insert of the same id won the race (H2's MERGE); now the row exists: update it
                connection.rollback(savepoint);
                upsertCustomer(connection, customer);
            }
            return null;
        });
    }

    private void upsertCustomer(Connection connection, Customer customer) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(dialect.upsertCustomer())) {
            upsert.setString(1, customer.id());
            upsert.setString(2, Attributes.encode(customer.attributes()));
            upsert.executeUpdate();
        }
    }

    /**
     * Registers the customers whose ids are not stored yet; keeps the stored ones as they are. PostgreSQL: one
     * batched {@code INSERT ... ON CONFLICT DO NOTHING}. H2 parses {@code MERGE} on every execution (it caches
     * only {@code INSERT} and {@code SELECT} per session), so there the stored ids are looked up with one
     * {@code = ANY(?)} query and the others inserted in one batch; a concurrent transaction that registers one of
     * them first makes the insert fail on the primary key, and then the lookup and insert run once more.
     */
    private void insertCustomersIfAbsent(Connection connection, Collection<Customer> customers) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        if (dialect == JdbcDialect.POSTGRESQL) {
            insertCustomers(connection, customers, dialect.insertCustomerIfAbsent());
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
            Savepoint savepoint = connection.setSavepoint();
            try {
                insertCustomers(connection, absent.values(), "INSERT INTO fl_customer (id, attributes) VALUES (?, ?)");
                return;
            } catch (SQLException e) {
                if (attempt == 2 || !Sql.isUniqueViolation(e)) {
                    throw e;
                }
                // a concurrent transaction registered one of them first; keep theirs and insert the rest
                connection.rollback(savepoint);
            }
        }
    }

    private static void insertCustomers(Connection connection, Collection<Customer> customers, String sql)
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

    @Override
    public Optional<Customer> findCustomer(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return sql.transaction("read a customer", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, attributes FROM fl_customer WHERE id = ?")) {
                select.setString(1, customerId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(customer(row)) : Optional.empty();
                }
            }
        });
    }

    private static Customer customer(ResultSet row) throws SQLException {
        try {
            return Customer.of(row.getString("id"), Attributes.decode(row.getString("attributes")));
        } catch (IllegalArgumentException e) {
            // neither the customer id nor the attributes belong in a message
            throw new JdbcStoreException("a stored customer cannot be read; expected the id and attributes written by"
                    + " this store", e);
        }
    }

    @Override
    public void recordTouch(Touch touch, List<FeedbackEvent> events) {
        Objects.requireNonNull(touch, "touch");
        List<FeedbackEvent> copy = List.copyOf(events);
        sql.transaction("record a " + touch.kind() + " touch", connection -> {
            insertTouches(connection, List.of(touch));
            appendEvents(connection, copy);
            return null;
        });
    }

    private static void insertTouches(Connection connection, List<Touch> touches) throws SQLException {
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

    @Override
    public List<Touch> touches(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return sql.transaction("read the touches of a customer", connection -> {
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
        });
    }

    @Override
    public void forEachCustomer(Consumer<CustomerActivity> action) {
        Objects.requireNonNull(action, "action");
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
        sql.stream("stream the customers", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setFetchSize(Sql.FETCH_SIZE);
                Sql.bindAll(statement, 1, contactKinds);
                statement.setString(contactKinds.size() + 1, TouchKind.SURVEY_ANSWERED.name());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        action.accept(new CustomerActivity(customer(rows), Sql.instant(rows, "last_contact"),
                                Sql.instant(rows, "last_answered")));
                    }
                }
            }
            return null;
        });
    }

    // ---- outbox ---------------------------------------------------------------------------------------------

    @Override
    public void append(List<FeedbackEvent> events) {
        List<FeedbackEvent> copy = List.copyOf(events);
        if (copy.isEmpty()) {
            return;
        }
        sql.transaction("append " + copy.size() + " event(s) to the outbox", connection -> {
            appendEvents(connection, copy);
            return null;
        });
    }

    /** Appends events to the outbox; returns them as entries, with the sequences the database assigned. */
    private List<OutboxEntry> appendEvents(Connection connection, List<FeedbackEvent> events) throws SQLException {
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

    @Override
    public List<OutboxEntry> pollOutbox(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max: " + max + " is not positive");
        }
        return sql.transaction("poll the outbox", connection -> {
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
        });
    }

    @Override
    public void acknowledge(Collection<Long> sequences) {
        List<Long> copy = List.copyOf(sequences);
        if (copy.isEmpty()) {
            return;
        }
        sql.transaction("acknowledge " + copy.size() + " outbox event(s)", connection -> {
            // one statement and one execution for any number of entries
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM fl_outbox WHERE seq = ANY(?)")) {
                delete.setArray(1, connection.createArrayOf("BIGINT", copy.toArray()));
                delete.executeUpdate();
            }
            return null;
        });
    }

    // ---- privacy --------------------------------------------------------------------------------------------

    @Override
    public ErasureReport eraseCustomer(Erasure erasure) {
        Objects.requireNonNull(erasure, "erasure");
        String customerId = erasure.customerId();
        return sql.transaction("erase a customer", connection -> {
            int responses = eraseResponses(connection, customerId);
            var ids = new ArrayList<String>();
            // locks the rows, so the follow-ups read next are current and cannot change before they are replaced
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM fl_follow_up WHERE customer_id = ? ORDER BY id FOR UPDATE")) {
                select.setString(1, customerId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            for (FollowUp followUp : FollowUpRows.load(connection, ids)) {
                // one version on: a step prepared from the version before fails, and cannot write data back
                if (!FollowUpRows.replace(connection, erasure.apply(followUp), followUp.version())) {
                    throw new IllegalStateException("follow-up '" + followUp.id() + "' changed while locked");
                }
            }
            int touches = delete(connection, "DELETE FROM fl_touch WHERE customer_id = ?", customerId);
            int events = delete(connection, "DELETE FROM fl_outbox WHERE customer_id = ?", customerId);
            boolean customer = delete(connection, "DELETE FROM fl_customer WHERE id = ?", customerId) > 0;
            return new ErasureReport(responses, ids.size(), touches, events, customer);
        });
    }

    private static int eraseResponses(Connection connection, String customerId) throws SQLException {
        var erased = new ArrayList<StoredResponse>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, body, received_at FROM fl_response WHERE customer_id = ? ORDER BY id")) {
            select.setString(1, customerId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    erased.add(response(rows).anonymised());
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

    private static int delete(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, id);
            return delete.executeUpdate();
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
