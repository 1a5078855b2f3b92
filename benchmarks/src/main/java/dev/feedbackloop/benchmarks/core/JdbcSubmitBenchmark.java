package dev.feedbackloop.benchmarks.core;

import dev.feedbackloop.benchmarks.survey.Fixtures;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * Capture through the JDBC store on an in-memory H2 database against hand-written JDBC that inserts the same rows,
 * through the same pooled {@code DataSource} (H2's {@link JdbcConnectionPool}, as a host would configure it):
 *
 * <ul>
 *   <li>{@code submitAll} ({@code batch} responses in one {@code FeedbackLoop.submitAll}) against
 *       {@code baselineRawBatch}: one transaction with one JDBC batch per table (target: at least 0.8× the
 *       baseline's throughput);</li>
 *   <li>{@code submit} (one response per call) against {@code baselineRawJdbc}: one transaction per response.</li>
 * </ul>
 *
 * <p>"The same rows" are the rows the store writes for a response: the response with its JSON body, its answers,
 * its attributes, the customer if new (one {@code SELECT ... WHERE id = ANY(?)} for the batch's customers, then a
 * batched insert of the absent ones), the {@code SURVEY_ANSWERED} touch
 * and the {@code ResponseAccepted} outbox event. The store then delivers the event and deletes it (one more
 * transaction per call), which the baselines do not do. The responses are promoters, so no follow-ups; the
 * customers repeat (100,000 of them). A fresh database per iteration keeps the tables small.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar core.JdbcSubmitBenchmark -f 1 -wi 3 -i 5}; for CPU time
 * per call instead of wall-clock time, see {@link #main(String[])}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class JdbcSubmitBenchmark {

    /** Responses per {@code submitAll} and per raw batch. */
    @Param("100")
    public int batch;

    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong databases = new AtomicLong();
    private Response promoter = Fixtures.JSON.readResponse(Fixtures.PROMOTER);
    private JdbcConnectionPool dataSource = JdbcConnectionPool.create("jdbc:h2:mem:unused", "", "");
    private FeedbackLoop loop = FeedbackLoop.builder().build();

    /** A fresh H2 database with the store's schema, a pool on it, and a loop on the pool. */
    @Setup(Level.Iteration)
    public void setUp() {
        promoter = Fixtures.JSON.readResponse(Fixtures.PROMOTER);
        dataSource.dispose();
        dataSource = JdbcConnectionPool.create("jdbc:h2:mem:submit-" + databases.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1", "", "");
        loop = FeedbackLoop.builder().store(JdbcStore.of(dataSource).createSchema()).build();
        loop.register(Fixtures.survey());
    }

    /**
     * Closes the loop and drops the database.
     *
     * @throws SQLException if H2 fails
     */
    @TearDown(Level.Iteration)
    public void tearDown() throws SQLException {
        loop.close();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        }
        dataSource.dispose();
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
                         "INSERT INTO fl_outbox (customer_id, event) VALUES (?, ?)", new String[] {"SEQ"})) {
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
     * Compares thread CPU time instead of wall-clock time, interleaving ours and the baseline call by call in one
     * JVM: on a shared machine whose cores are busy with other work, the benchmark thread waits for a core for much
     * of a JMH iteration, which widens the errors of the JMH figures; the CPU time each call uses does not depend on
     * that wait (H2 runs in the calling thread). Prints the median and first quartile per call of each side and the
     * ratio of medians (baseline / ours, higher is better).
     *
     * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.feedbackloop.benchmarks.core.JdbcSubmitBenchmark
     * batch 400} (or {@code single 8000}).
     *
     * @param args {@code batch} or {@code single}, then the number of measured calls of each side
     * @throws Exception if H2 fails
     */
    public static void main(String[] args) throws Exception {
        boolean batchMode = args.length == 0 || args[0].equals("batch");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : batchMode ? 400 : 8000;
        int perDatabase = batchMode ? 100 : 5000;
        JdbcSubmitBenchmark state = new JdbcSubmitBenchmark();
        state.batch = 100;
        state.setUp();
        Call ours = batchMode ? state::submitAll : state::submit;
        Call baseline = batchMode ? state::baselineRawBatch : state::baselineRawJdbc;
        for (int i = 0; i < rounds / 2; i++) {
            ours.run();
            baseline.run();
            if (i % perDatabase == perDatabase - 1) {
                state.tearDown();
                state.setUp();
            }
        }
        state.tearDown();
        state.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] oursNanos = new long[rounds];
        long[] baselineNanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            Call first = (i & 1) == 0 ? ours : baseline;
            Call second = first == ours ? baseline : ours;
            long start = threads.getCurrentThreadCpuTime();
            first.run();
            long middle = threads.getCurrentThreadCpuTime();
            second.run();
            long end = threads.getCurrentThreadCpuTime();
            (first == ours ? oursNanos : baselineNanos)[i] = middle - start;
            (first == ours ? baselineNanos : oursNanos)[i] = end - middle;
            if (i % perDatabase == perDatabase - 1) {
                state.tearDown();
                state.setUp();
            }
        }
        state.tearDown();
        Arrays.sort(oursNanos);
        Arrays.sort(baselineNanos);
        double oursMedian = oursNanos[rounds / 2] / 1000.0;
        double baselineMedian = baselineNanos[rounds / 2] / 1000.0;
        System.out.printf(Locale.ROOT, "%s (batch of %d): ours %.1f us CPU per call (p25 %.1f), baseline %.1f us"
                        + " (p25 %.1f), ratio baseline/ours %.2f (p25 %.2f)%n", batchMode ? "submitAll" : "submit",
                batchMode ? state.batch : 1, oursMedian, oursNanos[rounds / 4] / 1000.0, baselineMedian,
                baselineNanos[rounds / 4] / 1000.0, baselineMedian / oursMedian,
                (double) baselineNanos[rounds / 4] / oursNanos[rounds / 4]);
    }

    /** One benchmark call, for {@link #main(String[])}. */
    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
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
