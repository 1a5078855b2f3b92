package dev.feedbackloop.core.store.jdbc;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.RecordingListener;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.invitation.Invitation;
import dev.feedbackloop.core.invitation.InvitationLedger;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.invitation.SigningKey;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.core.privacy.RecordingLogs;
import dev.feedbackloop.core.privacy.ThrowableTexts;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;

/**
 * Faults a real database does not produce on demand, injected with Mockito around the host's {@link DataSource},
 * {@link Connection} and {@link PreparedStatement}: the connection cannot be opened, a batch fails half-way through a
 * submission, the commit fails, the outbox acknowledgement fails after the commit, the invitation ledger cannot
 * record a redemption, a submission with a token fails in the store, and the database reports a deadlock. The
 * injected driver errors carry personal data in their messages, as real drivers do. For each: nothing is half-written,
 * the caller gets the library's exception without personal data (or, after the commit, a receipt), and a retry
 * succeeds. On H2 in memory and on PostgreSQL.
 */
final class JdbcFaultInjectionTest {

    private static final String CUSTOMER = "CUST-SECRET-5";
    private static final String TEXT = "TEXT-SECRET-5";
    private static final String TABLES = "fl_response, fl_response_answer, fl_response_attribute, fl_follow_up,"
            + " fl_follow_up_segment, fl_follow_up_history, fl_customer, fl_touch, fl_outbox, fl_invitation_redemption";
    private static final Databases DATABASES = new Databases();
    private static @Nullable DataSource postgres;

    /** Where the fault strikes. */
    enum Point {
        /** {@link DataSource#getConnection()} fails. */
        GET_CONNECTION,
        /** The batch insert of the follow-ups fails, after the response rows were written in the transaction. */
        EXECUTE_BATCH,
        /** {@link Connection#commit()} fails. */
        COMMIT,
        /** Deleting delivered entries from the outbox fails, after the submission committed. */
        ACKNOWLEDGEMENT,
        /** The invitation ledger cannot record the redemption. */
        LEDGER_WRITE,
        /** A submission with an invitation token fails in the store, after the token was redeemed. */
        STORE_WRITE_WITH_TOKEN,
        /** The insert of a survey version fails; only registrations reach it. */
        SURVEY_INSERT,
        /**
         * The last statement of an erasure fails, deleting the customer's row, after its responses and follow-ups
         * were rewritten and its events and touches deleted in the same transaction; only erasures reach it.
         */
        ERASURE_DELETE,
        /**
         * The insert of a write's outbox events fails: the last statement of a submission or a follow-up step, after
         * its other rows were written in the same transaction.
         */
        OUTBOX_INSERT
    }

    enum Backend {
        H2, POSTGRES
    }

    private final RecordingListener listener = new RecordingListener();
    private final List<FeedbackEvent> delivered = listener.events();
    private final Databases h2 = new Databases();
    private @Nullable Point armed;
    private @Nullable String armedState;
    private final AtomicInteger strikes = new AtomicInteger();
    private DataSource real;
    private FeedbackLoop loop;
    private Invitations invitations;

    @BeforeEach
    void clearLogs() {
        RecordingLogs.clear();
    }

    @AfterEach
    void closeH2() {
        h2.close();
    }

    @AfterAll
    static void dropSchema() {
        DATABASES.close();
    }

    static Stream<Arguments> everyPointOnEveryBackend() {
        var cases = Stream.<Arguments>builder();
        for (Backend backend : Backend.values()) {
            for (Point point : Point.values()) {
                if (point != Point.SURVEY_INSERT && point != Point.ERASURE_DELETE && point != Point.OUTBOX_INSERT) {
                    cases.add(Arguments.of(backend, point));
                }
            }
        }
        return cases.build();
    }

    /** Opens the backend, wraps its data source and builds a loop with a JDBC store and ledger over it. */
    private void open(Backend backend) throws SQLException {
        if (backend == Backend.H2) {
            real = h2.h2Memory();
            JdbcStore.of(real).createSchema();
        } else {
            if (postgres == null) {
                postgres = DATABASES.postgresSchema("faults");
            }
            Databases.freshPostgresStore(postgres);
            real = postgres;
        }
        DataSource faulty = faulty(real);
        InvitationLedger ledger = JdbcStore.of(faulty).createSchema().invitationLedger();
        execute("DELETE FROM fl_invitation_redemption");
        invitations = Invitations.builder().signWith(SigningKey.of("k", new byte[32])).build();
        loop = FeedbackLoop.builder().store(JdbcStore.of(faulty).createSchema()).clock(MutableClock.at(T0))
                .invitations(invitations).invitationLedger(ledger)
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).listener(listener).build();
        loop.register(Fixtures.survey());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPointOnEveryBackend")
    void fault_leavesNothingHalfWrittenSpeaksNoPersonalDataAndARetrySucceeds(Backend backend, Point point)
            throws Exception {
        open(backend);
        Response response = Fixtures.response("r1", CUSTOMER, 2, TEXT, T0);
        String token = invitations.issue(new Invitation("t-1", Fixtures.SURVEY, CUSTOMER,
                T0.plus(Duration.ofDays(7)), Map.of("plan", "pro")));
        boolean withToken = point == Point.LEDGER_WRITE || point == Point.STORE_WRITE_WITH_TOKEN;
        var problems = new ArrayList<String>();
        arm(point == Point.STORE_WRITE_WITH_TOKEN ? Point.EXECUTE_BATCH : point, "08006", 1);

        Throwable thrown = catchThrowable(() -> {
            if (withToken) {
                loop.submit(response, token);
            } else {
                loop.submit(response);
            }
        });
        disarm();
        Map<String, Integer> rows = rowCounts();

        if (point == Point.ACKNOWLEDGEMENT) {
            if (thrown != null) {
                problems.add("submit threw after the commit: " + thrown);
            }
            int again = loop.deliverPendingEvents();
            if (again != 2 || delivered.size() != 4 || rowCounts().get("fl_outbox") != 0) {
                problems.add("events not delivered again: " + again + " redelivered, " + delivered.size()
                        + " deliveries, outbox " + rowCounts().get("fl_outbox"));
            }
            if (rows.get("fl_response") != 1 || rows.get("fl_outbox") != 2) {
                problems.add("expected the submission stored and its events kept: " + rows);
            }
        } else {
            if (!(thrown instanceof FeedbackLoopException)) {
                problems.add("expected the library's exception, got " + thrown);
            }
            if (rows.values().stream().anyMatch(count -> count != 0)) {
                problems.add("half-written: " + rows);
            }
        }
        if (thrown != null) {
            for (String text : ThrowableTexts.of(thrown)) {
                if (text.contains("SECRET-5")) {
                    problems.add("personal data in a message: " + text.lines().findFirst().orElse(""));
                    break;
                }
            }
        }
        for (RecordingLogs.Event event : RecordingLogs.events()) {
            if (event.level().toInt() > Level.DEBUG.toInt() && event.everything().contains("SECRET-5")) {
                problems.add("personal data in a log line: " + event.everything());
            }
        }
        // with a token, the customer's next answer may come with a new response id: the token must still be unused
        Response again = withToken ? Fixtures.response("r1-again", CUSTOMER, 2, TEXT, T0) : response;
        Throwable retry = catchThrowable(() -> {
            Receipt receipt = withToken ? loop.submit(again, token) : loop.submit(again);
            assertThat(receipt.followUpIds()).hasSize(1);
        });
        if (retry != null) {
            problems.add("retry failed: " + retry);
        }
        Map<String, Integer> after = rowCounts();
        if (after.get("fl_response") != 1 || after.get("fl_follow_up") != 1 || after.get("fl_customer") != 1) {
            problems.add("retry did not store the submission once: " + after);
        }

        System.out.println("JdbcFaultInjectionTest " + backend + " " + point + ": "
                + (problems.isEmpty() ? "ok" : problems));
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deadlocksOnEveryBackend")
    void deadlockOrSerializationFailure_isRetriedWithoutTheCallerSeeingIt(Backend backend, String sqlState)
            throws Exception {
        open(backend);
        arm(Point.EXECUTE_BATCH, sqlState, 1);

        Throwable thrown = catchThrowable(() -> loop.submitAll(List.of(Fixtures.response("r1", CUSTOMER, 2, TEXT, T0),
                Fixtures.response("r2", "c2", 9, null, T0))));
        disarm();

        assertThat(thrown).isNull();
        assertThat(rowCounts()).containsEntry("fl_response", 2).containsEntry("fl_follow_up", 1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deadlocksOnEveryBackend")
    void deadlockThatPersists_endsInTheLibrarysExceptionWithItsSqlStateAndNothingStored(Backend backend,
                                                                                       String sqlState)
            throws Exception {
        open(backend);
        arm(Point.EXECUTE_BATCH, sqlState, Integer.MAX_VALUE / 2);

        Throwable thrown = catchThrowable(() -> loop.submit(Fixtures.response("r1", CUSTOMER, 2, TEXT, T0)));
        disarm();

        assertThat(thrown).isInstanceOfSatisfying(JdbcStoreException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(sqlState);
            assertThat(ThrowableTexts.of(e)).noneMatch(text -> text.contains("SECRET-5"));
        });
        assertThat(rowCounts().values()).containsOnly(0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("surveyFaultsOnEveryBackend")
    void surveyRegistrationFault_storesNothingLeavesTheSurveyUnknownAndARetrySucceeds(Backend backend, Point point)
            throws Exception {
        open(backend);
        Survey v2 = Survey.builder(Fixtures.SURVEY, 2).title("Relationship 2").question(NpsQuestion.standard("nps"))
                .build();
        arm(point, "08006", 1);

        Throwable thrown = catchThrowable(() -> loop.register(v2));
        disarm();

        assertThat(thrown).isInstanceOfSatisfying(JdbcStoreException.class, e -> {
            assertThat(e).hasMessageStartingWith("JDBC store could not store survey relationship v2: ");
            assertThat(e.sqlState()).isEqualTo("08006");
        });
        assertThat(surveyRows()).isEqualTo(1);
        assertThat(loop.findSurvey(Fixtures.SURVEY, 2)).isEmpty();

        loop.register(v2);

        assertThat(surveyRows()).isEqualTo(2);
        assertThat(FeedbackLoop.builder().store(JdbcStore.of(real)).build().surveys())
                .containsEntry(Fixtures.SURVEY, List.of(1, 2));
    }

    static Stream<Arguments> surveyFaultsOnEveryBackend() {
        return Stream.of(Backend.values()).flatMap(backend -> Stream.of(Arguments.of(backend, Point.SURVEY_INSERT),
                Arguments.of(backend, Point.COMMIT), Arguments.of(backend, Point.GET_CONNECTION)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deadlocksOnEveryBackend")
    void deadlockWhileRegisteringASurvey_isRetriedWithoutTheCallerSeeingIt(Backend backend, String sqlState)
            throws Exception {
        open(backend);
        Survey v2 = Survey.builder(Fixtures.SURVEY, 2).title("Relationship 2").question(NpsQuestion.standard("nps"))
                .build();
        arm(Point.SURVEY_INSERT, sqlState, 1);

        loop.register(v2);
        disarm();

        assertThat(surveyRows()).isEqualTo(2);
        assertThat(loop.findSurvey(Fixtures.SURVEY, 2)).contains(v2);
    }

    static Stream<Arguments> deadlocksOnEveryBackend() {
        return Stream.of(Backend.values()).flatMap(backend -> Stream.of(Arguments.of(backend, "40P01"),
                Arguments.of(backend, "40001")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("erasureFaultsOnEveryBackend")
    void erasureFault_leavesEveryRowAsItWasSpeaksNoPersonalDataAndARetryErasesEverything(Backend backend, Point point)
            throws Exception {
        open(backend);
        String followUpId = loop.submit(Fixtures.response("r1", CUSTOMER, 2, TEXT, T0)).followUpIds().get(0);
        loop.followUps().contact(followUpId, 1, Contact.of("phone", "agent", T0, "NOTE-SECRET-5"));
        loop.submit(Fixtures.response("r2", CUSTOMER, 9, null, T0));
        List<String> before = cells();
        arm(point, "08006", 1);

        Throwable thrown = catchThrowable(() -> loop.eraseCustomer(CUSTOMER));
        disarm();

        assertThat(thrown).isInstanceOfSatisfying(JdbcStoreException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("08006");
            assertThat(ThrowableTexts.of(e)).noneMatch(text -> text.contains("SECRET-5"));
        });
        assertThat(cells()).as("every row of every table after the failed erasure").isEqualTo(before);

        loop.eraseCustomer(CUSTOMER);

        assertThat(cells()).as("rows holding the customer, the answer or the note after the retry")
                .noneMatch(row -> row.contains("SECRET-5"));
        assertThat(loop.followUps().followUp(followUpId).customerId()).isNull();
        assertThat(rowCounts()).containsEntry("fl_response", 2).containsEntry("fl_customer", 0)
                .containsEntry("fl_touch", 0);
    }

    static Stream<Arguments> erasureFaultsOnEveryBackend() {
        return Stream.of(Backend.values()).flatMap(backend -> Stream.of(Arguments.of(backend, Point.ERASURE_DELETE),
                Arguments.of(backend, Point.COMMIT)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void followUpStepFault_leavesEveryRowAsItWasAndARetryWithTheSameVersionSucceeds(Backend backend)
            throws Exception {
        open(backend);
        String followUpId = loop.submit(Fixtures.response("r1", CUSTOMER, 2, TEXT, T0)).followUpIds().get(0);
        List<String> before = cells();
        int heard = delivered.size();
        arm(Point.OUTBOX_INSERT, "08006", 1);

        Throwable thrown = catchThrowable(() -> loop.followUps().contact(followUpId, 1,
                Contact.of("phone", "agent", T0, "NOTE-SECRET-5")));
        disarm();

        assertThat(thrown).isInstanceOfSatisfying(JdbcStoreException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("08006");
            assertThat(ThrowableTexts.of(e)).noneMatch(text -> text.contains("SECRET-5"));
        });
        assertThat(cells()).as("every row of every table after the failed step").isEqualTo(before);
        assertThat(delivered).hasSize(heard);

        assertThat(loop.followUps().contact(followUpId, 1, Contact.of("phone", "agent", T0, "NOTE-SECRET-5"))
                .version()).isEqualTo(2);
        assertThat(delivered.subList(heard, delivered.size())).singleElement()
                .isInstanceOf(FeedbackEvent.FollowUpContacted.class);
        // the answer's touch and the contact's, once
        assertThat(rowCounts()).containsEntry("fl_touch", 2).containsEntry("fl_follow_up_history", 2);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void submissionFaultUnderAPerCustomerLimit_countsNothingSoTheRetryIsAcceptedAndTheLimitStillHolds(
            Backend backend) throws Exception {
        open(backend);
        loop = FeedbackLoop.builder().store(JdbcStore.of(faulty(real))).clock(MutableClock.at(T0))
                .limits(SubmissionLimits.standard().withResponsesPerCustomer(1, Duration.ofDays(1)))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).listener(listener).build();
        arm(Point.OUTBOX_INSERT, "08006", 1);

        Throwable thrown = catchThrowable(() -> loop.submit(Fixtures.response("r1", CUSTOMER, 2, TEXT, T0)));
        disarm();

        assertThat(thrown).isInstanceOf(JdbcStoreException.class);
        assertThat(rowCounts()).containsEntry("fl_response", 0).containsEntry("fl_follow_up", 0);
        assertThat(loop.submit(Fixtures.response("r1", CUSTOMER, 2, TEXT, T0)).followUpIds()).hasSize(1);
        assertThat(catchThrowable(() -> loop.submit(Fixtures.response("r2", CUSTOMER, 9, null, T0))))
                .isInstanceOf(LimitExceededException.class);
        assertThat(rowCounts()).containsEntry("fl_response", 1);
    }

    // ---- the fault harness ------------------------------------------------------------------------------------

    /**
     * Arms a fault: the next {@code times} operations at {@code where} fail with a driver error of {@code sqlState}
     * whose message holds personal data, as drivers' messages do.
     */
    private void arm(Point where, String sqlState, int times) {
        armed = where;
        armedState = sqlState;
        strikes.set(1 - times);
    }

    private void disarm() {
        armed = null;
    }

    private boolean strike(Point point) {
        return armed == point && strikes.getAndIncrement() <= 0;
    }

    private SQLException driverError(String statement) {
        var error = new BatchUpdateException("Batch entry 0 " + statement + " VALUES (('r1'), ('" + CUSTOMER
                + "'), ('{\"why\":\"" + TEXT + "\"}')) was aborted: connection lost", armedState, 0, new int[0]);
        error.setNextException(new SQLException("ERROR: failing row contains (r1, " + CUSTOMER + ")", armedState));
        return error;
    }

    private DataSource faulty(DataSource delegate) throws SQLException {
        DataSource dataSource = mock(DataSource.class, delegatesTo(delegate));
        doAnswer(call -> {
            if (strike(Point.GET_CONNECTION)) {
                throw new SQLException("Connection to " + CUSTOMER + "@db refused", armedState);
            }
            return connection(delegate.getConnection());
        }).when(dataSource).getConnection();
        return dataSource;
    }

    private Connection connection(Connection delegate) throws SQLException {
        Connection connection = mock(Connection.class, delegatesTo(delegate));
        doAnswer(call -> statement(delegate.prepareStatement(call.getArgument(0)), call.getArgument(0)))
                .when(connection).prepareStatement(anyString());
        doAnswer(call -> statement(delegate.prepareStatement(call.getArgument(0), (String[]) call.getArgument(1)),
                call.getArgument(0))).when(connection).prepareStatement(anyString(), any(String[].class));
        doAnswer(call -> {
            if (strike(Point.COMMIT)) {
                throw driverError("COMMIT");
            }
            delegate.commit();
            return null;
        }).when(connection).commit();
        return connection;
    }

    private PreparedStatement statement(PreparedStatement delegate, String sql) throws SQLException {
        PreparedStatement statement = mock(PreparedStatement.class, delegatesTo(delegate));
        doAnswer(call -> {
            if (sql.startsWith("INSERT INTO fl_follow_up ") && strike(Point.EXECUTE_BATCH)
                    || sql.startsWith("INSERT INTO fl_outbox ") && strike(Point.OUTBOX_INSERT)) {
                throw driverError(sql);
            }
            return delegate.executeBatch();
        }).when(statement).executeBatch();
        doAnswer(call -> {
            if (sql.startsWith("DELETE FROM fl_outbox") && strike(Point.ACKNOWLEDGEMENT)
                    || sql.startsWith("INSERT INTO fl_invitation_redemption") && strike(Point.LEDGER_WRITE)
                    || sql.startsWith("INSERT INTO fl_survey") && strike(Point.SURVEY_INSERT)
                    || sql.startsWith("DELETE FROM fl_customer") && strike(Point.ERASURE_DELETE)) {
                throw driverError(sql);
            }
            return delegate.executeUpdate();
        }).when(statement).executeUpdate();
        return statement;
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    private Map<String, Integer> rowCounts() throws SQLException {
        var counts = new LinkedHashMap<String, Integer>();
        try (Connection connection = real.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES.split(",\\s*")) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getInt(1));
                }
            }
        }
        return counts;
    }

    /** Every row of every table, as text naming its table, columns and values; sorted. */
    private List<String> cells() throws SQLException {
        var cells = new ArrayList<String>();
        try (Connection connection = real.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : (TABLES + ", fl_follow_up_escalation").split(",\\s*")) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        var row = new StringBuilder(table);
                        for (int c = 1; c <= columns; c++) {
                            row.append(' ').append(rows.getMetaData().getColumnName(c)).append('=')
                                    .append(rows.getString(c));
                        }
                        cells.add(row.toString());
                    }
                }
            }
        }
        Collections.sort(cells);
        return cells;
    }

    private int surveyRows() throws SQLException {
        try (Connection connection = real.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM fl_survey")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = real.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
