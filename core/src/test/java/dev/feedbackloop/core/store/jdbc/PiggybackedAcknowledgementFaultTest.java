package dev.feedbackloop.core.store.jdbc;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.RecordingListener;
import dev.feedbackloop.core.event.FeedbackEvent.ResponseAccepted;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.survey.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure of the transaction that carries a batch of acknowledgements. With the JDBC store, the loop acknowledges
 * delivered events by a {@code DELETE} in the transaction of a later submission (here the 34th, once 32 delivered
 * events wait); Mockito wraps the host's {@link DataSource}, {@link Connection} and {@link PreparedStatement} so that
 * this {@code DELETE}, or the commit of its transaction, fails once. What the code promises, and these tests hold it
 * to: the store's step stores the response and deletes the acknowledged events together or not at all
 * ({@code ReportingStore.submitAndReport}: "when it throws, nothing is written and nothing acknowledged"); the caller
 * gets {@link JdbcStoreException}; the acknowledgements wait for the next submission, which carries them; a retry of
 * the failed submission succeeds; and, as the loop's Javadoc says, this loop delivers no event twice (the README's
 * at-least-once allowance is for a crash or another process polling the same outbox, neither of which happens here).
 * A commit whose answer is lost after the database committed is the one case where the step is stored although it
 * threw: the retry returns the stored response's receipt, and the response's event, which nobody delivered, is
 * delivered by the next call. On H2 in memory and on PostgreSQL.
 */
final class PiggybackedAcknowledgementFaultTest {

    /** The 32 delivered events that wait after the first 33 submissions (the first write acknowledges at once). */
    private static final int WAITING = 32;

    /** Where the fault strikes, in the transaction of the submission that carries the acknowledgements. */
    enum Fault {
        /** The {@code DELETE} of the acknowledged events fails (the connection is lost). */
        DELETE,
        /** The commit fails and the transaction is not committed. */
        COMMIT,
        /** The database commits, but the answer to the commit is lost: the driver throws. */
        COMMIT_ANSWER_LOST,
        /** The {@code DELETE} ends in a deadlock once; the store runs the transaction again. */
        DELETE_DEADLOCK
    }

    enum Backend {
        H2, POSTGRES
    }

    private final Databases databases = new Databases();
    private final RecordingListener listener = new RecordingListener();
    private final MutableClock clock = MutableClock.at(T0);
    /** What each committed writing transaction did: {@code submit}, {@code submit+ack} or {@code ack}. */
    private final List<String> committed = new CopyOnWriteArrayList<>();
    private final AtomicInteger strikes = new AtomicInteger();
    private volatile @Nullable Fault armed;
    private DataSource real;
    private FeedbackLoop loop;

    @AfterEach
    void close() {
        databases.close();
    }

    private void open(Backend backend) throws SQLException {
        if (backend == Backend.H2) {
            real = databases.h2Memory();
            JdbcStore.of(real).createSchema();
        } else {
            real = databases.postgresSchema("piggyback");
            Databases.freshPostgresStore(real);
        }
        loop = FeedbackLoop.builder().store(JdbcStore.of(faulty(real))).clock(clock).listener(listener).build();
        loop.register(Fixtures.survey());
    }

    /** Submits promoters {@code r<from>} to {@code r<to - 1>}: one event each, no follow-up. */
    private void submit(int from, int to) {
        for (int i = from; i < to; i++) {
            loop.submit(promoter(i));
        }
    }

    private static Response promoter(int i) {
        return Fixtures.response("r" + i, "c" + i, 9, null, T0);
    }

    private static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "r" + i).toList();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void setUp_thirtyTwoDeliveredEventsWait_andTheNextSubmissionCarriesTheirAcknowledgement(Backend backend)
            throws Exception {
        open(backend);
        submit(0, 33);
        assertThat(outbox()).containsExactlyElementsOf(ids(1, 33));
        committed.clear();

        submit(33, 34);

        assertThat(committed).containsExactly("submit+ack");
        assertThat(outbox()).containsExactly("r33");
        assertThat(delivered()).containsExactlyElementsOf(ids(0, 34));
    }

    static Stream<Arguments> deleteAndCommitOnEveryBackend() {
        return Stream.of(Backend.values()).flatMap(backend -> Stream.of(Arguments.of(backend, Fault.DELETE),
                Arguments.of(backend, Fault.COMMIT)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deleteAndCommitOnEveryBackend")
    void failedDeleteOrCommit_storesNothingKeepsTheAcknowledgementsForTheRetry_andDeliversEveryEventOnce(
            Backend backend, Fault fault) throws Exception {
        open(backend);
        submit(0, 33);
        committed.clear();
        arm(fault);

        Throwable thrown = catchThrowable(() -> loop.submit(promoter(33)));
        armed = null;

        assertThat(strikes).as("the fault struck").hasValue(1);
        assertThat(thrown).isInstanceOfSatisfying(JdbcStoreException.class,
                e -> assertThat(e.sqlState()).isEqualTo("08006"));
        // nothing half-written: neither the response nor the acknowledgement
        assertThat(responses()).isEqualTo(33);
        assertThat(outbox()).containsExactlyElementsOf(ids(1, 33));
        assertThat(delivered()).containsExactlyElementsOf(ids(0, 33));
        assertThat(committed).isEmpty();

        Receipt receipt = loop.submit(promoter(33));

        assertThat(receipt.responseId()).isEqualTo("r33");
        assertThat(responses()).isEqualTo(34);
        // the retry carried the acknowledgements that the failed submission could not write; after a failure in the
        // store the loop polls, which finds the retry's event and acknowledges it at once
        assertThat(committed).containsExactly("submit+ack", "ack");
        assertThat(outbox()).isEmpty();
        assertThat(delivered()).as("every event exactly once").containsExactlyElementsOf(ids(0, 34));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void commitWhoseAnswerIsLost_isStoredWithItsAcknowledgements_theRetryGetsTheReceipt_andTheEventIsDelivered(
            Backend backend) throws Exception {
        open(backend);
        submit(0, 33);
        committed.clear();
        arm(Fault.COMMIT_ANSWER_LOST);

        Throwable thrown = catchThrowable(() -> loop.submit(promoter(33)));
        armed = null;

        assertThat(strikes).hasValue(1);
        assertThat(thrown).isInstanceOf(JdbcStoreException.class);
        // the database committed both: the response with its event, and the acknowledgement
        assertThat(committed).containsExactly("submit+ack");
        assertThat(responses()).isEqualTo(34);
        assertThat(outbox()).containsExactly("r33");
        assertThat(delivered()).containsExactlyElementsOf(ids(0, 33));

        Receipt receipt = loop.submit(promoter(33));

        assertThat(receipt.responseId()).isEqualTo("r33");
        assertThat(receipt.followUpIds()).isEmpty();
        assertThat(responses()).isEqualTo(34);
        assertThat(delivered()).as("every event exactly once, r33's too").containsExactlyElementsOf(ids(0, 34));
        assertThat(outbox()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void deadlockOnTheDelete_isRunAgainWithoutTheCallerSeeingIt(Backend backend) throws Exception {
        open(backend);
        submit(0, 33);
        committed.clear();
        arm(Fault.DELETE_DEADLOCK);

        loop.submit(promoter(33));
        armed = null;

        assertThat(strikes).hasValue(1);
        assertThat(committed).containsExactly("submit+ack");
        assertThat(responses()).isEqualTo(34);
        assertThat(outbox()).containsExactly("r33");
        assertThat(delivered()).containsExactlyElementsOf(ids(0, 34));
    }

    // ---- the fault harness ------------------------------------------------------------------------------------

    private void arm(Fault fault) {
        strikes.set(0);
        armed = fault;
    }

    /** Whether the armed fault is {@code fault} and has not struck yet; counts the strike. */
    private boolean strike(Fault fault) {
        return armed == fault && strikes.compareAndSet(0, 1);
    }

    private static SQLException lost() {
        return new SQLException("An I/O error occurred while sending to the backend.", "08006");
    }

    private DataSource faulty(DataSource delegate) throws SQLException {
        DataSource dataSource = mock(DataSource.class, delegatesTo(delegate));
        doAnswer(call -> connection(delegate.getConnection())).when(dataSource).getConnection();
        return dataSource;
    }

    /** What the current transaction of a connection wrote. */
    private static final class Transaction {
        boolean insertedResponse;
        boolean deletedOutbox;

        String kind() {
            return (insertedResponse ? "submit" : "") + (insertedResponse && deletedOutbox ? "+" : "")
                    + (deletedOutbox ? "ack" : "");
        }

        boolean carriesAcknowledgement() {
            return insertedResponse && deletedOutbox;
        }
    }

    private Connection connection(Connection delegate) throws SQLException {
        Connection connection = mock(Connection.class, delegatesTo(delegate));
        var transaction = new Transaction();
        doAnswer(call -> {
            String sql = call.getArgument(0);
            if (sql.startsWith("INSERT INTO fl_response ")) {
                transaction.insertedResponse = true;
            }
            return statement(delegate.prepareStatement(sql), sql, transaction);
        }).when(connection).prepareStatement(anyString());
        doAnswer(call -> {
            String sql = call.getArgument(0);
            if (sql.startsWith("INSERT INTO fl_response ")) {
                transaction.insertedResponse = true;
            }
            return statement(delegate.prepareStatement(sql, (String[]) call.getArgument(1)), sql, transaction);
        }).when(connection).prepareStatement(anyString(), any(String[].class));
        doAnswer(call -> {
            if (transaction.carriesAcknowledgement() && strike(Fault.COMMIT)) {
                throw lost();
            }
            delegate.commit();
            String kind = transaction.kind();
            boolean answerLost = transaction.carriesAcknowledgement() && strike(Fault.COMMIT_ANSWER_LOST);
            transaction.insertedResponse = false;
            transaction.deletedOutbox = false;
            if (!kind.isEmpty()) {
                committed.add(kind);
            }
            if (answerLost) {
                throw lost();
            }
            return null;
        }).when(connection).commit();
        doAnswer(call -> {
            transaction.insertedResponse = false;
            transaction.deletedOutbox = false;
            delegate.rollback();
            return null;
        }).when(connection).rollback();
        return connection;
    }

    private PreparedStatement statement(PreparedStatement delegate, String sql, Transaction transaction)
            throws SQLException {
        PreparedStatement statement = mock(PreparedStatement.class, delegatesTo(delegate));
        if (sql.startsWith("DELETE FROM fl_outbox WHERE seq")) {
            doAnswer(call -> {
                if (transaction.insertedResponse && strike(Fault.DELETE)) {
                    throw lost();
                }
                if (transaction.insertedResponse && strike(Fault.DELETE_DEADLOCK)) {
                    throw new SQLException("ERROR: deadlock detected", "40P01");
                }
                int deleted = delegate.executeUpdate();
                transaction.deletedOutbox = true;
                return deleted;
            }).when(statement).executeUpdate();
        }
        return statement;
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    /** The response ids of the events in the outbox, delivered or not, oldest first. */
    private List<String> outbox() {
        var ids = new ArrayList<String>();
        for (OutboxEntry entry : JdbcStore.of(real).pollOutbox(1_000)) {
            ids.add(((ResponseAccepted) entry.event()).responseId());
        }
        return ids;
    }

    /** The response ids of the events the listener heard, in order. */
    private List<String> delivered() {
        return listener.of(ResponseAccepted.class).stream().map(ResponseAccepted::responseId).toList();
    }

    private int responses() throws SQLException {
        try (Connection connection = real.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM fl_response")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
