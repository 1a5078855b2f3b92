package dev.feedbackloop.benchmarks.core;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code submit} through the JDBC store on an in-memory H2 database against a hand-written JDBC transaction that
 * inserts the same rows (the response with its JSON body, its answers and its attributes, batched per table) through
 * the same {@code DataSource} (target: submit at least 0.8× the baseline's throughput). The responses are promoters,
 * so neither side opens a follow-up; the store also writes and acknowledges the submission's outbox event, which the
 * baseline does not. A fresh database per iteration keeps the tables small.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar core.JdbcSubmitBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class JdbcSubmitBenchmark {

    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong databases = new AtomicLong();
    private Response promoter = Fixtures.JSON.readResponse(Fixtures.PROMOTER);
    private JdbcDataSource dataSource = new JdbcDataSource();
    private FeedbackLoop loop = FeedbackLoop.builder().build();
    private Connection keepAlive;

    /**
     * A fresh H2 database with the store's schema, and a loop on it.
     *
     * @throws SQLException if H2 fails
     */
    @Setup(Level.Iteration)
    public void setUp() throws SQLException {
        promoter = Fixtures.JSON.readResponse(Fixtures.PROMOTER);
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:submit-" + databases.incrementAndGet());
        keepAlive = dataSource.getConnection();
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
        keepAlive.close();
    }

    private Response next() {
        long n = ids.incrementAndGet();
        return Fixtures.copy(promoter, "r-" + n, "c-" + (n % 100_000), Instant.ofEpochSecond(1_704_067_200L + n));
    }

    /**
     * {@code submit} through the JDBC store.
     *
     * @return the receipt
     */
    @Benchmark
    public Receipt submit() {
        return loop.submit(next());
    }

    /**
     * The baseline: one transaction that inserts the same rows with batched prepared statements.
     *
     * @return the number of answer rows written
     * @throws SQLException if H2 fails
     */
    @Benchmark
    public int baselineRawJdbc() throws SQLException {
        Response response = next();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fl_response (id, survey_id,"
                    + " survey_version, customer_id, channel, submitted_at, received_at, body)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, response.id());
                insert.setString(2, response.surveyId());
                insert.setInt(3, response.surveyVersion());
                insert.setString(4, response.respondent().customerId());
                insert.setString(5, response.channel());
                insert.setObject(6, utc(response.submittedAt()));
                insert.setObject(7, utc(Instant.now()));
                insert.setString(8, Fixtures.JSON.write(response));
                insert.executeUpdate();
            }
            int answers = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fl_response_answer"
                    + " (response_id, question_id, kind, number_value) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Answer> entry : response.answers().entrySet()) {
                    insert.setString(1, response.id());
                    insert.setString(2, entry.getKey());
                    insert.setString(3, entry.getValue().getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
                    if (entry.getValue() instanceof Answer.Rating rating) {
                        insert.setInt(4, rating.value());
                    } else {
                        insert.setNull(4, Types.INTEGER);
                    }
                    insert.addBatch();
                    answers++;
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fl_response_attribute"
                    + " (response_id, attr_name, attr_value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> entry : response.respondent().attributes().entrySet()) {
                    insert.setString(1, response.id());
                    insert.setString(2, entry.getKey());
                    insert.setString(3, entry.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            return answers;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
