package dev.feedbackloop.benchmarks.core;

import dev.feedbackloop.benchmarks.pair.PairTimes;
import dev.feedbackloop.benchmarks.pair.Pairs;
import dev.feedbackloop.benchmarks.survey.Fixtures;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Capture through the JDBC store against hand-written JDBC that inserts the same rows, through the same pooled
 * {@code DataSource} (H2's {@link JdbcConnectionPool}, as a host would configure it), on an in-memory H2 database or
 * on PostgreSQL ({@link #database}):
 *
 * <ul>
 *   <li>{@code submitAll} ({@code batch} responses in one {@code FeedbackLoop.submitAll}) against
 *       {@code baselineRawBatch}: one transaction with one JDBC batch per table;</li>
 *   <li>{@code submit} (one response per call) against {@code baselineRawJdbc}: one transaction per response;</li>
 *   <li>{@code submitPair} and {@code batchPair}: the same two comparisons interleaved call by call, with each side's
 *       thread CPU time and wall-clock time as secondary results ({@link PairTimes}); {@link #main(String[])} runs
 *       them and prints the ratios with their errors (target for both: at least 0.8× the baseline).</li>
 * </ul>
 *
 * <p>"The same rows" are the rows the store writes for a response: the response with its JSON body, its answers,
 * its attributes, the customer if new (one {@code SELECT ... WHERE id = ANY(?)} for the batch's customers, then a
 * batched insert of the absent ones), the {@code SURVEY_ANSWERED} touch and the {@code ResponseAccepted} outbox
 * event. The store also delivers the event and acknowledges it, which the baselines do not do: one {@code DELETE}
 * of the events delivered so far in the transaction of a later submission, every 32 events. The responses are
 * promoters, so no follow-ups; the customers repeat (100,000 of them). A fresh database (or schema) per iteration
 * keeps the tables small.
 *
 * <p>Warm-up: twenty seconds (ten iterations). On two cores the JIT compiles H2 and the library for about fifteen
 * seconds, and until it is done a side's time per call falls by a factor of ten and the ratios drift: with six
 * seconds of warm-up {@code submitPair} measured 0.79 for code that measured 0.85 in the steady state. Shorten the
 * warm-up only
 * to try things, never for a figure.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar core.JdbcSubmitBenchmark -f 1}; for the ratios with
 * errors, see {@link #main(String[])}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class JdbcSubmitBenchmark {

    /** Responses per {@code submitAll} and per raw batch. */
    @Param("100")
    public int batch;

    /**
     * {@code h2} for an in-memory H2 database per iteration, or the JDBC URL of a PostgreSQL database in which each
     * iteration creates a schema of its own and drops it afterwards.
     */
    @Param("h2")
    public String database;

    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong databases = new AtomicLong();
    private Response promoter = Fixtures.JSON.readResponse(Fixtures.PROMOTER);
    private JdbcConnectionPool dataSource = JdbcConnectionPool.create("jdbc:h2:mem:unused", "", "");
    private JdbcStore store = JdbcStore.of(dataSource);
    private FeedbackLoop loop = FeedbackLoop.builder().build();
    private String schema = "";

    /**
     * A fresh database (H2) or schema (PostgreSQL) with the store's schema, a pool on it, and a loop on the pool.
     *
     * @throws SQLException if the database fails
     */
    @Setup(Level.Iteration)
    public void setUp() throws SQLException {
        promoter = Fixtures.JSON.readResponse(Fixtures.PROMOTER);
        dataSource.dispose();
        if (database.equals("h2")) {
            dataSource = JdbcConnectionPool.create("jdbc:h2:mem:submit-" + databases.incrementAndGet()
                    + ";DB_CLOSE_DELAY=-1", "", "");
        } else {
            schema = "fl_bench_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
            execute(database, "CREATE SCHEMA " + schema);
            var postgres = new PGConnectionPoolDataSource();
            postgres.setURL(database);
            postgres.setCurrentSchema(schema);
            dataSource = JdbcConnectionPool.create(postgres);
        }
        store = JdbcStore.of(dataSource).createSchema();
        loop = FeedbackLoop.builder().store(store).build();
        loop.register(Fixtures.survey());
    }

    /**
     * Closes the loop and drops the database or schema.
     *
     * @throws SQLException if the database fails
     */
    @TearDown(Level.Iteration)
    public void tearDown() throws SQLException {
        loop.close();
        if (database.equals("h2")) {
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("SHUTDOWN");
            }
            dataSource.dispose();
        } else {
            dataSource.dispose();
            execute(database, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Response next() {
        long n = ids.incrementAndGet();
        return Fixtures.copy(promoter, "r-" + n, "c-" + (n % 100_000), Instant.ofEpochSecond(1_704_067_200L + n));
    }

    private List<Response> nextBatch() {
        var responses = new ArrayList<Response>(batch);
        for (int i = 0; i < batch; i++) {
            responses.add(next());
        }
        return responses;
    }

    /**
     * {@code submitAll} of a batch through the JDBC store.
     *
     * @return the receipts
     */
    @Benchmark
    public List<Receipt> submitAll() {
        return loop.submitAll(nextBatch());
    }

    /**
     * The batch baseline: one transaction that inserts the same rows as {@code submitAll} with one JDBC batch per
     * table.
     *
     * @return the number of rows written
     * @throws SQLException if H2 fails
     */
    @Benchmark
    public int baselineRawBatch() throws SQLException {
        return insertRaw(nextBatch());
    }

    /**
     * {@code submit} of one response through the JDBC store.
     *
     * @return the receipt
     */
    @Benchmark
    public Receipt submit() {
        return loop.submit(next());
    }

    /**
     * The single-response baseline: one transaction that inserts the same rows as {@code submit}.
     *
     * @return the number of rows written
     * @throws SQLException if H2 fails
     */
    @Benchmark
    public int baselineRawJdbc() throws SQLException {
        return insertRaw(List.of(next()));
    }

    /**
     * One {@code submit} and one raw transaction of the same rows, in a random order, with the thread CPU time and
     * the wall-clock time of each side added to {@link PairTimes} (secondary results); the primary score is the time
     * of the pair. {@link #main(String[])} runs it and prints the ratios with their errors.
     *
     * @param times where the times of each side add up
     * @return the two results
     * @throws Exception if the database fails
     */
    @Benchmark
    public long submitPair(PairTimes times) throws Exception {
        return Pairs.time(times, () -> submit().followUpIds().size(), this::baselineRawJdbc);
    }

    /**
     * One {@code submitAll} of a batch and one raw batch transaction of the same rows, in a random order, timed as
     * {@link #submitPair}.
     *
     * @param times where the times of each side add up
     * @return the two results
     * @throws Exception if the database fails
     */
    @Benchmark
    public long batchPair(PairTimes times) throws Exception {
        return Pairs.time(times, () -> submitAll().size(), this::baselineRawBatch);
    }

    /**
     * The harness's control: the raw transaction on both sides, whose ratio must be 1 within its error.
     *
     * @param times the pair's times
     * @return something the JIT cannot discard
     * @throws Exception if the raw transaction fails
     */
    @Benchmark
    public long controlPair(PairTimes times) throws Exception {
        return Pairs.time(times, this::baselineRawJdbc, this::baselineRawJdbc);
    }

    /**
     * Where {@link #submitPair}'s gap is, first half: the JDBC store alone ({@link JdbcStore#submit} of a submission
     * built as the loop builds it for a promoter, without validation, delivery or acknowledgement) against the raw
     * transaction. Run it by name; {@link #main(String[])} runs it when named.
     *
     * @param times the pair's times
     * @return something the JIT cannot discard
     * @throws Exception if the raw side fails
     */
    @Benchmark
    public long storePair(PairTimes times) throws Exception {
        return Pairs.time(times, this::storeSubmit, this::baselineRawJdbc);
    }

    /**
     * Where {@link #submitPair}'s gap is, second half: {@code submit} through the loop against the JDBC store alone.
     *
     * @param times the pair's times
     * @return something the JIT cannot discard
     * @throws Exception if a store call fails
     */
    @Benchmark
    public long loopVsStorePair(PairTimes times) throws Exception {
        return Pairs.time(times, () -> submit().followUpIds().size(), this::storeSubmit);
    }

    private long storeSubmit() {
        Response r = next();
        Instant now = Instant.now();
        String customerId = Objects.requireNonNull(r.respondent().customerId());
        var submission = new Submission(new StoredResponse(r, now), List.of(),
                List.of(Touch.survey(customerId, TouchKind.SURVEY_ANSWERED, now, r.surveyId())),
                Customer.of(customerId, r.respondent().attributes()),
                List.of(new FeedbackEvent.ResponseAccepted(r.id(), r.surveyId(), r.surveyVersion(), customerId, now)));
        return store.submit(submission).stored() ? 1 : 0;
    }


    private int insertRaw(List<Response> responses) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement response = connection.prepareStatement("INSERT INTO fl_response (id, survey_id,"
                    + " survey_version, customer_id, channel, submitted_at, received_at, body)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement answer = connection.prepareStatement("INSERT INTO fl_response_answer"
                         + " (response_id, question_id, kind, number_value) VALUES (?, ?, ?, ?)");
                 PreparedStatement attribute = connection.prepareStatement("INSERT INTO fl_response_attribute"
                         + " (response_id, attr_name, attr_value) VALUES (?, ?, ?)");
                 PreparedStatement known = connection.prepareStatement(
                         "SELECT id FROM fl_customer WHERE id = ANY(?)");
                 PreparedStatement customer = connection.prepareStatement(
                         "INSERT INTO fl_customer (id, attributes) VALUES (?, ?)");
                 PreparedStatement touch = connection.prepareStatement("INSERT INTO fl_touch (customer_id, kind,"
                         + " happened_at, survey_id, actor, note) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement event = connection.prepareStatement(
                         "INSERT INTO fl_outbox (customer_id, event) VALUES (?, ?)",
                         new String[] {database.equals("h2") ? "SEQ" : "seq"})) {
                var customers = new LinkedHashMap<String, String>();
                for (Response r : responses) {
                    String customerId = r.respondent().customerId();
                    response.setString(1, r.id());
                    response.setString(2, r.surveyId());
                    response.setInt(3, r.surveyVersion());
                    response.setString(4, customerId);
                    response.setString(5, r.channel());
                    response.setObject(6, utc(r.submittedAt()));
                    response.setObject(7, utc(now));
                    response.setString(8, Fixtures.JSON.write(r));
                    response.addBatch();
                    for (Map.Entry<String, Answer> entry : r.answers().entrySet()) {
                        answer.setString(1, r.id());
                        answer.setString(2, entry.getKey());
                        answer.setString(3, entry.getValue().getClass().getSimpleName().toUpperCase(Locale.ROOT));
                        if (entry.getValue() instanceof Answer.Rating rating) {
                            answer.setInt(4, rating.value());
                        } else {
                            answer.setNull(4, Types.INTEGER);
                        }
                        answer.addBatch();
                        rows++;
                    }
                    for (Map.Entry<String, String> entry : r.respondent().attributes().entrySet()) {
                        attribute.setString(1, r.id());
                        attribute.setString(2, entry.getKey());
                        attribute.setString(3, entry.getValue());
                        attribute.addBatch();
                        rows++;
                    }
                    customers.putIfAbsent(customerId, r.respondent().attributes().toString());
                    touch.setString(1, customerId);
                    touch.setString(2, "SURVEY_ANSWERED");
                    touch.setObject(3, utc(now));
                    touch.setString(4, r.surveyId());
                    touch.setString(5, "respondent");
                    touch.setNull(6, Types.VARCHAR);
                    touch.addBatch();
                    event.setString(1, customerId);
                    event.setString(2, acceptedEvent(r, customerId, now));
                    event.addBatch();
                    rows += 3;
                }
                response.executeBatch();
                answer.executeBatch();
                attribute.executeBatch();
                known.setArray(1, connection.createArrayOf("VARCHAR", customers.keySet().toArray()));
                try (ResultSet stored = known.executeQuery()) {
                    while (stored.next()) {
                        customers.remove(stored.getString(1));
                    }
                }
                for (Map.Entry<String, String> entry : customers.entrySet()) {
                    customer.setString(1, entry.getKey());
                    customer.setString(2, entry.getValue());
                    customer.addBatch();
                }
                if (!customers.isEmpty()) {
                    customer.executeBatch();
                }
                touch.executeBatch();
                event.executeBatch();
                try (ResultSet keys = event.getGeneratedKeys()) {
                    while (keys.next()) {
                        rows += keys.getLong(1) > 0 ? 0 : 1;
                    }
                }
            }
            connection.commit();
        }
        return rows;
    }

    /**
     * Runs the pairs under JMH and prints each side's times and the ratios with their errors ({@link Pairs#report}); the
     * arguments are JMH's own, and the benchmark pattern defaults to {@code submitPair} and {@code batchPair}.
     *
     * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.feedbackloop.benchmarks.core.JdbcSubmitBenchmark
     * 'JdbcSubmitBenchmark.submitPair$' -f 3}, optionally with
     * {@code -p database=jdbc:postgresql://HOST:PORT/DB?user=USER}.
     *
     * @param args JMH's command-line options
     * @throws Exception if JMH or the database fails
     */
    public static void main(String[] args) throws Exception {
        Pairs.report(args, JdbcSubmitBenchmark.class.getName() + ".(submitPair|batchPair)$");
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** The outbox text of a {@code ResponseAccepted} event, encoded as the JDBC store encodes it. */
    private static String acceptedEvent(Response response, String customerId, Instant at) {
        return "ResponseAccepted?responseId=" + url(response.id()) + "&surveyId=" + url(response.surveyId())
                + "&surveyVersion=" + response.surveyVersion() + "&customerId=" + url(customerId) + "&at="
                + url(at.toString());
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
