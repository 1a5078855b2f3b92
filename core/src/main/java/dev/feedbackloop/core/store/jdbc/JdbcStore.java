package dev.feedbackloop.core.store.jdbc;

import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerActivity;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpConflictException;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.FollowUpCursor;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.invitation.InvitationLedger;
import dev.feedbackloop.core.store.CustomerQuota;
import dev.feedbackloop.core.store.Erasure;
import dev.feedbackloop.core.store.ErasureReport;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.FollowUpChange;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.core.store.SubmitResult;
import dev.feedbackloop.core.store.internal.ReportingStore.Submitted;
import dev.feedbackloop.core.store.internal.ReportingStore;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.json.SurveyJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FeedbackStore} in a relational database (H2 or PostgreSQL) over plain JDBC and the host's
 * {@link DataSource}: durable survey versions, responses, follow-ups, customers, touches and event outbox.
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
 * ({@link #forEachResponse(String, Consumer)} and its time range, {@link #forEachFollowUp(Consumer)},
 * {@link #forEachCustomer(Consumer)}) fetch rows in pages inside one read transaction, so memory does not grow with
 * the table.
 *
 * <p>Batches and round trips: {@link #submitAll(List)} stores a whole batch in one transaction with one JDBC batch
 * per table, and {@link #submit(Submission)} is a batch of one; the outbox sequences come back as generated keys, so
 * the feedback loop delivers a submission's events without polling, and it acknowledges delivered events in batches
 * with one {@code DELETE} in the transaction of a later submission. Statement texts do not depend on the
 * number of rows ({@code = ANY(?)} with an array instead of {@code IN (?, ?, ...)}), so a pooled connection parses
 * each once. On H2 the per-session statement cache holds 8 statements by default ({@code QUERY_CACHE_SIZE}); a
 * submission that opens follow-ups uses about ten, so hosts on H2 should add {@code ;QUERY_CACHE_SIZE=32} to the
 * URL.
 *
 * <p>Durability on H2: on an H2 file database whose write delay is positive (H2's default, 500 ms), H2 writes a
 * commit to its file up to that delay after the commit returns; the store then ends every write with
 * {@code CHECKPOINT SYNC}, so that a write that returned is in the file and synced to the disk, while H2's background
 * writer keeps compacting the file (with {@code WRITE_DELAY=0} commits are durable too, but that writer stops and the
 * file grows without bound). {@code CHECKPOINT} needs a user with H2's admin rights; without them the store logs a
 * WARN once and leaves commits to H2's write delay. Add {@code ;RETENTION_TIME=1000} to the URL so that H2 reuses the
 * space of superseded pages after a second instead of 45: the file then stays within a few times its data (the
 * README gives the measurements).
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
public final class JdbcStore implements FeedbackStore, ReportingStore {

    // Design note: this class decides what runs in which transaction (and in which order locks are taken); the SQL
    // of each family of tables is in SurveyRows, ResponseRows, FollowUpRows, CustomerRows (with touches) and
    // OutboxRows, which work on the connection of the caller's transaction.

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private static final int SUBMIT_ATTEMPTS = 5;

    private final Sql sql;
    private final JdbcDialect dialect;
    private final InvitationLedger ledger;

    private JdbcStore(DataSource dataSource, JdbcDialect dialect) {
        this.sql = new Sql(dataSource, dialect);
        this.dialect = dialect;
        this.ledger = new JdbcInvitationLedger(sql);
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
        sql.inTransaction("create the schema (" + dialect + ")", connection -> {
            try (Statement statement = connection.createStatement()) {
                if (dialect == JdbcDialect.POSTGRESQL) {
                    statement.execute("SELECT pg_advisory_xact_lock(7420112358)");
                }
                for (String ddl : statements) {
                    statement.execute(ddl);
                }
            }
        });
        LOG.debug("schema ready ({} statements, {})", statements.size(), dialect);
        return this;
    }

    /**
     * Returns the invitation ledger on this store's database, in its table {@code fl_invitation_redemption} (created
     * by {@link #createSchema()}): redemptions survive restarts and are shared by every process on the database, so a
     * token stays used. Give it to {@code FeedbackLoop.Builder.invitationLedger} with this store. Thread-safe; database
     * failures are thrown as {@link JdbcStoreException}, like the store's own.
     *
     * @return the ledger
     */
    public InvitationLedger invitationLedger() {
        return ledger;
    }

    // ---- surveys --------------------------------------------------------------------------------------------

    /**
     * {@inheritDoc}
     *
     * <p>Here a row of {@code fl_survey} keeps the definition as JSON text. The primary key (id, version) decides
     * between concurrent registrations from any process on the database: the insert that takes the key stores its
     * definition, the others compare theirs with it, at READ COMMITTED.
     */
    @Override
    public void putSurvey(Survey survey) {
        Objects.requireNonNull(survey, "survey");
        String definition = SurveyRows.definition(survey);
        boolean stored = sql.readCommitted("store survey " + survey.id() + " v" + survey.version(),
                connection -> SurveyRows.put(connection, survey, definition));
        LOG.debug("survey {} v{} {}", survey.id(), survey.version(), stored ? "stored" : "was stored already");
    }

    @Override
    public List<Survey> surveys() {
        return sql.read("read the surveys", SurveyRows::all);
    }

    // ---- responses ------------------------------------------------------------------------------------------

    @Override
    public SubmitResult submit(Submission submission) {
        Objects.requireNonNull(submission, "submission");
        return submitAndReport(List.of(submission), List.of()).get(0).result();
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
        return submitAndReport(submissions, List.of()).stream().map(Submitted::result).toList();
    }

    /**
     * Stores a batch as {@link #submitAll(List)} does, and reports the outbox entries of each submission; the
     * delivered entries to acknowledge are deleted in the same transaction, after the batch's rows.
     */
    @Override
    public List<Submitted> submitAndReport(List<Submission> submissions, List<Long> acknowledge) {
        List<Submission> batch = List.copyOf(submissions);
        List<Long> delivered = List.copyOf(acknowledge);
        if (batch.isEmpty()) {
            acknowledge(delivered);
            return List.of();
        }
        String operation = batch.size() == 1 ? "submit response '" + batch.get(0).response().id() + "'"
                : "submit " + batch.size() + " responses";
        checkFollowUpIds(batch);
        // written before the transaction, so that no row lock waits on the JSON encoder
        Map<String, String> bodies = ResponseRows.bodies(batch);
        Map<String, Submitted> taken = new HashMap<>();
        boolean quotas = false;
        for (Submission submission : batch) {
            quotas |= submission.quota() != null;
        }
        for (int futile = 0; ; ) {
            Sql.Work<Optional<List<Submitted>>> work = connection -> {
                Optional<List<Submitted>> stored = insert(connection, batch, bodies, taken);
                if (stored.isPresent() && !delivered.isEmpty()) {
                    OutboxRows.delete(connection, delivered);
                }
                return stored;
            };
            Optional<List<Submitted>> stored = quotas ? sql.readCommitted(operation, work)
                    : sql.transaction(operation, work);
            if (stored.isPresent()) {
                return stored.get();
            }
            int before = taken.size();
            List<String> ids = batch.stream().map(s -> s.response().id()).distinct()
                    .filter(id -> !taken.containsKey(id)).toList();
            sql.inSnapshot("read " + ids.size() + " response(s)", connection -> {
                for (StoredResponse response : ResponseRows.findAll(connection, ids).values()) {
                    taken.put(response.id(), Submitted.unreported(new SubmitResult(false, response,
                            FollowUpRows.ofResponse(connection, response.id()))));
                }
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
                    throw new FollowUpConflictException(List.of(followUp.id()), "for response '" + other
                            + "' of the same batch as response '" + id + "'");
                }
            }
        }
    }

    /**
     * Writes the submissions whose ids are neither taken nor repeated in the batch; empty if a response id turns
     * out to be taken (then the transaction is rolled back and nothing is written).
     */
    private Optional<List<Submitted>> insert(Connection connection, List<Submission> batch,
                                             Map<String, String> bodies, Map<String, Submitted> taken)
            throws SQLException {
        var fresh = new LinkedHashMap<String, Submission>();
        for (Submission submission : batch) {
            String id = submission.response().id();
            if (!taken.containsKey(id)) {
                fresh.putIfAbsent(id, submission);
            }
        }
        var results = new ArrayList<Submitted>(batch.size());
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
        CustomerRows.insertIfAbsent(connection, dialect, customers.values());
        if (!checkQuotas(connection, fresh.values())) {
            // a response over its quota is stored already: read the taken ids and try again without it
            connection.rollback();
            return Optional.empty();
        }
        var inIdOrder = new ArrayList<>(fresh.values());
        inIdOrder.sort(Comparator.comparing(submission -> submission.response().id()));
        try {
            ResponseRows.insert(connection, inIdOrder, bodies);
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                connection.rollback();
                return Optional.empty();
            }
            throw e;
        }
        List<FollowUp> followUps = joined(fresh.values(), Submission::followUps);
        if (followUps.size() > 1) {
            followUps = new ArrayList<>(followUps);
            followUps.sort(Comparator.comparing(FollowUp::id));
        }
        List<Touch> touches = joined(fresh.values(), Submission::touches);
        List<FeedbackEvent> events = joined(fresh.values(), Submission::events);
        try {
            FollowUpRows.insert(connection, followUps);
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            connection.rollback();
            List<String> clash = FollowUpRows.existing(connection, followUps.stream().map(FollowUp::id).toList());
            LOG.debug("follow-up ids taken: {}", clash, e);
            throw new FollowUpConflictException(clash.isEmpty() ? followUps.stream().map(FollowUp::id).toList()
                    : clash, "for another response (of the " + (batch.size() == 1 ? "submission" : "batch") + ")");
        }
        CustomerRows.insertTouches(connection, touches);
        List<OutboxEntry> appended = OutboxRows.append(connection, dialect, events);
        int next = 0;
        var stored = new HashMap<String, Submitted>();
        for (Submission submission : fresh.values()) {
            List<OutboxEntry> own = appended.subList(next, next + submission.events().size());
            next += submission.events().size();
            List<FollowUp> sorted = submission.followUps().size() < 2 ? submission.followUps()
                    : submission.followUps().stream().sorted(Comparator.comparing(FollowUp::id)).toList();
            stored.put(submission.response().id(), new Submitted(new SubmitResult(true, submission.response(),
                    sorted), own));
        }
        var reported = new HashSet<String>();
        for (Submission submission : batch) {
            String id = submission.response().id();
            Submitted result = taken.get(id);
            if (result == null) {
                result = Objects.requireNonNull(stored.get(id), id);
                if (!reported.add(id)) {
                    // a repeat of an id earlier in the batch, even the same submission again, stored nothing
                    result = Submitted.unreported(new SubmitResult(false, result.result().response(),
                            result.result().followUps()));
                }
            }
            results.add(result);
        }
        return Optional.of(results);
    }

    /** The parts of the submissions, in order; a single submission's own list. */
    private static <T> List<T> joined(Collection<Submission> submissions, Function<Submission, List<T>> part) {
        if (submissions.size() == 1) {
            return part.apply(submissions.iterator().next());
        }
        var all = new ArrayList<T>();
        submissions.forEach(submission -> all.addAll(part.apply(submission)));
        return all;
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
        CustomerRows.lock(connection, customers);
        var stored = new HashMap<String, Long>();
        var earlier = new HashMap<String, Integer>();
        try (PreparedStatement count = ResponseRows.prepareCount(connection)) {
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
                    inWindow = ResponseRows.countReceivedAfter(count, customerId, quota.since());
                    stored.put(key, inWindow);
                }
                long total = inWindow + earlier.merge(customerId, 1, Integer::sum) - 1;
                if (!quota.allows(total)) {
                    if (ResponseRows.find(connection, submission.response().id()).isPresent()) {
                        return false;
                    }
                    throw quota.exceeded(submission.response().id(), total);
                }
            }
        }
        return true;
    }

    @Override
    public Optional<StoredResponse> findResponse(String responseId) {
        Objects.requireNonNull(responseId, "responseId");
        return sql.read("read response '" + responseId + "'", c -> ResponseRows.find(c, responseId));
    }

    @Override
    public Map<String, StoredResponse> findResponses(Collection<String> responseIds) {
        List<String> ids = List.copyOf(responseIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sql.read("read " + ids.size() + " response(s)", connection -> ResponseRows.findAll(connection,
                ids));
    }

    @Override
    public void forEachResponse(String surveyId, Consumer<StoredResponse> action) {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(action, "action");
        sql.stream("stream the responses of survey '" + surveyId + "'", connection -> {
            ResponseRows.forEachOfSurvey(connection, surveyId, action);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here one range on {@code fl_response_submitted_idx} (survey, submitted time, id), streamed in pages inside
     * one read transaction.
     */
    @Override
    public void forEachResponse(String surveyId, Instant from, Instant to, Consumer<StoredResponse> action) {
        Objects.requireNonNull(surveyId, "surveyId");
        FeedbackStore.requireRange(from, to);
        Objects.requireNonNull(action, "action");
        if (!from.isBefore(to)) {
            return;
        }
        sql.stream("stream the responses of survey '" + surveyId + "' submitted in a range", connection -> {
            ResponseRows.forEachSubmittedBetween(connection, surveyId, from, to, action);
        });
    }

    @Override
    public List<StoredResponse> responsesOfCustomer(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return sql.read("read the responses of a customer",
                connection -> ResponseRows.ofCustomer(connection, customerId));
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
                c -> FollowUpRows.ofResponse(c, responseId));
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
                    CustomerRows.insertTouches(connection, change.touches());
                    OutboxRows.append(connection, dialect, change.events());
                    return updated;
                });
    }

    @Override
    public List<FollowUp> followUps(FollowUpQuery query) {
        Objects.requireNonNull(query, "query");
        return sql.snapshot("query follow-ups", connection -> FollowUpRows.matching(connection, query, null));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here one ordered query starts at the cursor's key: a range on {@code fl_follow_up_due_idx} (first-contact
     * deadline, id), or on {@code fl_follow_up_state_idx} (state, deadline, id) for a query by state.
     */
    @Override
    public List<FollowUp> followUpsAfter(FollowUpQuery query, FollowUpCursor after) {
        Objects.requireNonNull(query, "query");
        requireOrderedBy(after, DeadlineKind.FIRST_CONTACT);
        return sql.snapshot("query follow-ups after a cursor",
                connection -> FollowUpRows.matching(connection, query, after));
    }

    @Override
    public List<FollowUp> pendingDue(DeadlineKind kind, @Nullable Instant from, Instant to, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " is not positive");
        }
        return sql.snapshot("query follow-ups pending " + kind,
                connection -> FollowUpRows.pendingDue(connection, kind, from, null, to, limit));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here one range on the index of the deadline's pending column, from the cursor's key.
     */
    @Override
    public List<FollowUp> pendingDueAfter(DeadlineKind kind, @Nullable Instant from, FollowUpCursor after,
                                          Instant to, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        requireOrderedBy(after, kind);
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " is not positive");
        }
        return sql.snapshot("query follow-ups pending " + kind + " after a cursor",
                connection -> FollowUpRows.pendingDue(connection, kind, from, after, to, limit));
    }

    private static void requireOrderedBy(FollowUpCursor after, DeadlineKind kind) {
        if (after.orderedBy() != kind) {
            throw new IllegalArgumentException("after: a cursor ordered by " + after.orderedBy()
                    + "; expected one ordered by " + kind);
        }
    }

    @Override
    public void forEachFollowUp(Consumer<FollowUp> action) {
        Objects.requireNonNull(action, "action");
        sql.inSnapshot("stream the follow-ups", connection -> {
            FollowUpRows.forEach(connection, action);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here one range on {@code fl_follow_up_opened_idx} (opening time, id), loaded in pages on one read-only
     * snapshot.
     */
    @Override
    public void forEachFollowUp(Instant from, Instant to, Consumer<FollowUp> action) {
        FeedbackStore.requireRange(from, to);
        Objects.requireNonNull(action, "action");
        if (!from.isBefore(to)) {
            return;
        }
        sql.inSnapshot("stream the follow-ups opened in a range", connection -> {
            FollowUpRows.forEachOpenedBetween(connection, from, to, action);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here four {@code GROUP BY} queries in one read-only snapshot count the rows: by state (from the index on
     * the state), the open ones by owner and policy, and the overdue ones by policy from the index of each pending
     * deadline; no follow-up is loaded.
     */
    @Override
    public FollowUpCounts followUpCounts(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return sql.snapshot("count follow-ups", connection -> FollowUpRows.counts(connection, asOf));
    }

    // ---- customers and touches ------------------------------------------------------------------------------

    @Override
    public void putCustomer(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        sql.inTransaction("store a customer", connection -> {
            CustomerRows.put(connection, dialect, customer);
        });
    }

    @Override
    public Optional<Customer> findCustomer(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return sql.read("read a customer", connection -> CustomerRows.find(connection, customerId));
    }

    @Override
    public void recordTouch(Touch touch, List<FeedbackEvent> events) {
        Objects.requireNonNull(touch, "touch");
        List<FeedbackEvent> copy = List.copyOf(events);
        sql.inTransaction("record a " + touch.kind() + " touch", connection -> {
            CustomerRows.insertTouches(connection, List.of(touch));
            OutboxRows.append(connection, dialect, copy);
        });
    }

    @Override
    public List<Touch> touches(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return sql.read("read the touches of a customer",
                connection -> CustomerRows.touches(connection, customerId));
    }

    @Override
    public void forEachCustomer(Consumer<CustomerActivity> action) {
        Objects.requireNonNull(action, "action");
        sql.stream("stream the customers", connection -> {
            CustomerRows.forEachActivity(connection, action);
        });
    }

    // ---- outbox ---------------------------------------------------------------------------------------------

    @Override
    public void append(List<FeedbackEvent> events) {
        List<FeedbackEvent> copy = List.copyOf(events);
        if (copy.isEmpty()) {
            return;
        }
        sql.inTransaction("append " + copy.size() + " event(s) to the outbox", connection -> {
            OutboxRows.append(connection, dialect, copy);
        });
    }

    @Override
    public List<OutboxEntry> pollOutbox(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max: " + max + " is not positive");
        }
        return sql.read("poll the outbox", connection -> OutboxRows.oldest(connection, max));
    }

    @Override
    public void acknowledge(Collection<Long> sequences) {
        List<Long> copy = List.copyOf(sequences);
        if (copy.isEmpty()) {
            return;
        }
        sql.inTransaction("acknowledge " + copy.size() + " outbox event(s)", connection -> {
            OutboxRows.delete(connection, copy);
        });
    }

    // ---- privacy --------------------------------------------------------------------------------------------

    @Override
    public ErasureReport eraseCustomer(Erasure erasure) {
        Objects.requireNonNull(erasure, "erasure");
        String customerId = erasure.customerId();
        return sql.transaction("erase a customer", connection -> {
            int responses = ResponseRows.anonymise(connection, customerId);
            // locks the rows, so the follow-ups read next are current and cannot change before they are replaced
            List<String> ids = FollowUpRows.lockOfCustomer(connection, customerId);
            for (FollowUp followUp : FollowUpRows.load(connection, ids)) {
                // one version on: a step prepared from the version before fails, and cannot write data back
                if (!FollowUpRows.replace(connection, erasure.apply(followUp), followUp.version())) {
                    throw new IllegalStateException("follow-up '" + followUp.id() + "' changed while locked");
                }
            }
            int events = OutboxRows.deleteOfCustomer(connection, customerId);
            CustomerRows.Deleted customer = CustomerRows.delete(connection, customerId);
            return new ErasureReport(responses, ids.size(), customer.touches(), events, customer.customer());
        });
    }
}
