package dev.feedbackloop.core.store.jdbc;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.privacy.ThrowableTexts;
import dev.feedbackloop.core.store.Erasure;
import dev.feedbackloop.core.store.FollowUpChange;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoreException;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.core.store.internal.ReportingStore.Submitted;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.testing.Seeds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What the JDBC store does beyond the store contract: schema, dialects, failures, durability, streaming. */
@ExtendWith(Seeds.class)
final class JdbcStoreTest {

    private final Databases databases = new Databases();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    static Submission submission(Response response, Instant receivedAt, List<FollowUp> followUps) {
        String customer = response.respondent().customerId();
        return new Submission(new StoredResponse(response, receivedAt), followUps,
                customer == null ? List.of()
                        : List.of(Touch.survey(customer, TouchKind.SURVEY_ANSWERED, receivedAt, response.surveyId())),
                customer == null ? null : Customer.of(customer, response.respondent().attributes()),
                List.of(new FeedbackEvent.ResponseAccepted(response.id(), response.surveyId(), 1, customer,
                        receivedAt)));
    }

    static FollowUp submitDetractor(JdbcStore store, String responseId, @Nullable String customer, Instant at) {
        FollowUp followUp = Fixtures.followUp(responseId, customer, "ana", Priority.HIGH, at, Duration.ofHours(48));
        store.submit(submission(Fixtures.response(responseId, customer, 3, "slow support", at), at,
                List.of(followUp)));
        return followUp;
    }

    static long count(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Nested
    class Schema {

        @ParameterizedTest
        @EnumSource(JdbcDialect.class)
        void schemaScript_isIdempotentCreatesWithTheDeadlineAndRangeIndexes(JdbcDialect dialect) {
            List<String> statements = dialect.schemaStatements();

            assertThat(statements).isNotEmpty().allSatisfy(sql -> assertThat(sql)
                    .matches("(?s)CREATE (TABLE|INDEX) IF NOT EXISTS .*").doesNotContain(";"));
            assertThat(statements).anySatisfy(sql -> assertThat(sql).contains("ON fl_follow_up"
                    + " (first_contact_pending_due, id)"));
            assertThat(statements).anySatisfy(sql -> assertThat(sql).contains("ON fl_follow_up"
                    + " (resolution_pending_due, id)"));
            assertThat(statements).anySatisfy(sql -> assertThat(sql).contains("ON fl_response"
                    + " (survey_id, submitted_at, id)"));
            assertThat(statements).anySatisfy(sql -> assertThat(sql).contains("ON fl_follow_up"
                    + " (first_contact_due, id)"));
            assertThat(statements).anySatisfy(sql -> assertThat(sql).contains("ON fl_follow_up"
                    + " (opened_at, id)"));
            assertThat(dialect.schemaResource()).endsWith(".sql");
        }

        @Test
        void forEachResponseInATimeRange_isARangeOnTheSubmittedIndex() throws SQLException {
            DataSource dataSource = databases.h2Memory();
            JdbcStore store = JdbcStore.of(dataSource).createSchema();
            for (int i = 0; i < 50; i++) {
                store.submit(submission(Fixtures.response("r" + i, null, 9, null, T0.plusSeconds(i)), T0, List.of()));
            }

            String plan = QueryPlans.explain(dataSource, ResponseRows.SUBMITTED_BETWEEN, select -> {
                select.setString(1, Fixtures.SURVEY);
                Sql.setInstant(select, 2, T0.plusSeconds(10));
                Sql.setInstant(select, 3, T0.plusSeconds(20));
            });

            // H2 names the index it reads and, in the same comment, the conditions it seeks on
            String index = plan.substring(plan.indexOf("/*"), plan.indexOf("*/"));
            assertThat(index).contains("PUBLIC.FL_RESPONSE_SUBMITTED_IDX:").contains("SURVEY_ID = ?1")
                    .contains("SUBMITTED_AT >= ?2").contains("SUBMITTED_AT < ?3");
            assertThat(plan).doesNotContain("tableScan");
        }

        @Test
        void forEachFollowUpInATimeRange_isARangeOnTheOpenedIndex() throws SQLException {
            DataSource dataSource = databases.h2Memory();
            JdbcStore store = JdbcStore.of(dataSource).createSchema();
            for (int i = 0; i < 50; i++) {
                submitDetractor(store, "r" + i, "c" + i, T0.plusSeconds(i));
            }

            String plan = QueryPlans.explain(dataSource, FollowUpRows.OPENED_BETWEEN, select -> {
                Sql.setInstant(select, 1, T0.plusSeconds(10));
                Sql.setInstant(select, 2, T0.plusSeconds(20));
            });

            // H2 names the index it reads and, in the same comment, the conditions it seeks on
            String index = plan.substring(plan.indexOf("/*"), plan.indexOf("*/"));
            assertThat(index).contains("PUBLIC.FL_FOLLOW_UP_OPENED_IDX:").contains("OPENED_AT >= ?1")
                    .contains("OPENED_AT < ?2");
            assertThat(plan).doesNotContain("tableScan");
        }

        @Test
        void createSchema_again_keepsTheData() {
            DataSource dataSource = databases.h2Memory();
            JdbcStore store = JdbcStore.of(dataSource).createSchema();
            FollowUp followUp = submitDetractor(store, "r1", "c1", T0);

            store.createSchema();

            assertThat(store.findFollowUp(followUp.id())).contains(followUp);
            assertThat(store.findResponse("r1")).isPresent();
        }

        @Test
        void withoutSchema_operationsFailWithTheOperationNamed() {
            JdbcStore store = JdbcStore.of(databases.h2Memory());

            assertThatThrownBy(() -> store.pollOutbox(10))
                    .isInstanceOfSatisfying(JdbcStoreException.class, e -> assertThat(e.sqlState()).isNotNull())
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("JDBC store could not poll the outbox: table not found (call createSchema()"
                            + " or apply the schema script) [SQLState 42S04]");
        }
    }

    @Nested
    class Dialects {

        @Test
        void of_detectsH2() {
            assertThat(JdbcStore.of(databases.h2Memory()).dialect()).isEqualTo(JdbcDialect.H2);
        }

        @ParameterizedTest
        @CsvSource({"H2, H2", "PostgreSQL, POSTGRESQL", "postgresql, POSTGRESQL", "' H2 ', H2"})
        void fromProductName_knowsTheSupportedDatabases(String productName, JdbcDialect expected) {
            assertThat(JdbcDialect.fromProductName(productName)).isEqualTo(expected);
        }

        @Test
        void fromProductName_unsupportedDatabase_saysWhatIsSupported() {
            assertThatThrownBy(() -> JdbcDialect.fromProductName("MySQL"))
                    .isInstanceOf(JdbcStoreException.class)
                    .hasMessage("database product 'MySQL' is not supported by the JDBC store; expected H2 or"
                            + " PostgreSQL");
        }
    }

    @Nested
    class Failures {

        @Test
        void unreachableDatabase_isAStoreExceptionWithoutSecrets() {
            JdbcStore store = JdbcStore.of(new FailingDataSource(), JdbcDialect.POSTGRESQL);

            assertThatThrownBy(() -> store.findResponse("r1"))
                    .isInstanceOfSatisfying(JdbcStoreException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("08001");
                        assertThat(e.getCause()).isInstanceOfSatisfying(SQLException.class,
                                cause -> assertThat(cause.getSQLState()).isEqualTo("08001"));
                        assertThat(ThrowableTexts.of(e)).noneMatch(text -> text.contains("s3cret")
                                || text.contains("admin"));
                    })
                    .hasMessage("JDBC store could not read response 'r1': connection failure [SQLState 08001]");
        }

        @Test
        void of_unreachableDatabase_failsWhileDetectingTheDialect() {
            assertThatThrownBy(() -> JdbcStore.of(new FailingDataSource()))
                    .isInstanceOf(JdbcStoreException.class)
                    .hasMessageStartingWith("JDBC store could not detect the database product: ");
        }
    }

    @Nested
    class Durability {

        @TempDir
        Path directory;

        @Test
        void outboxAndFollowUps_surviveARestart() {
            DataSource before = databases.h2File(directory, "restart");
            JdbcStore first = JdbcStore.of(before).createSchema();
            FollowUp followUp = submitDetractor(first, "r1", "c1", T0);
            first.append(List.of(new FeedbackEvent.CustomerDueForContact("c9", "gold", null, T0, T0)));
            List<OutboxEntry> polled = first.pollOutbox(10);
            first.acknowledge(List.of(polled.get(0).sequence()));
            Databases.shutdown(before);

            JdbcStore second = JdbcStore.of(databases.h2File(directory, "restart")).createSchema();

            assertThat(second.pollOutbox(10)).containsExactly(polled.get(1));
            assertThat(second.findFollowUp(followUp.id())).contains(followUp);
            second.append(List.of(new FeedbackEvent.CustomerDueForContact("c8", "gold", null, T0, T0)));
            assertThat(second.pollOutbox(10)).last().satisfies(entry ->
                    assertThat(entry.sequence()).isGreaterThan(polled.get(1).sequence()));
        }
    }

    @Nested
    class ReportedOutboxEntries {

        @Test
        void submitAndReport_reportsForEachSubmissionTheEntriesThatPollingReturns() {
            JdbcStore store = JdbcStore.of(databases.h2Memory()).createSchema();
            FollowUp followUp = Fixtures.followUp("r1", "c1", "ana", Priority.HIGH, T0, Duration.ofHours(48));
            List<Submission> batch = List.of(
                    submission(Fixtures.response("r1", "c1", 3, "slow", T0), T0, List.of(followUp)),
                    submission(Fixtures.response("r2", null, 10, null, T0), T0, List.of()),
                    submission(Fixtures.response("r1", "c1", 3, "slow", T0), T0, List.of(followUp)));

            List<Submitted> reports = store.submitAndReport(batch, List.of());

            assertThat(reports).extracting(report -> report.result().stored()).containsExactly(true, true, false);
            assertThat(reports.get(0).appended()).extracting(OutboxEntry::event)
                    .containsExactlyElementsOf(batch.get(0).events());
            assertThat(reports.get(1).appended()).extracting(OutboxEntry::event)
                    .containsExactlyElementsOf(batch.get(1).events());
            assertThat(reports.get(2).appended()).isEmpty();
            var reported = new ArrayList<OutboxEntry>(reports.get(0).appended());
            reported.addAll(reports.get(1).appended());
            assertThat(store.pollOutbox(100)).containsExactlyElementsOf(reported);
        }

        @Test
        void submitAndReport_anIdStoredBefore_reportsNothing() {
            JdbcStore store = JdbcStore.of(databases.h2Memory()).createSchema();
            Submission submission = submission(Fixtures.response("r1", "c1", 9, null, T0), T0, List.of());
            store.submit(submission);

            List<Submitted> reports = store.submitAndReport(List.of(submission), List.of());

            assertThat(reports).singleElement().satisfies(report -> {
                assertThat(report.result().stored()).isFalse();
                assertThat(report.appended()).isEmpty();
            });
        }
    }

    @Nested
    class Streaming {

        @Test
        void forEachResponse_streamsMoreThanAFetchInOrderOfReceipt(Random random) {
            JdbcStore store = JdbcStore.of(databases.h2Memory()).createSchema();
            var expected = new ArrayList<StoredResponse>();
            for (int i = 0; i < Sql.FETCH_SIZE * 2 + 7; i++) {
                Instant received = T0.plusSeconds(random.nextInt(1_000));
                Response response = Fixtures.response("r" + i, null, random.nextInt(11), null, T0);
                store.submit(new Submission(new StoredResponse(response, received), List.of(), List.of(), null,
                        List.of()));
                expected.add(new StoredResponse(response, received));
            }
            expected.sort(Comparator.comparing(StoredResponse::receivedAt).thenComparing(StoredResponse::id));
            var seen = new ArrayList<StoredResponse>();

            store.forEachResponse(Fixtures.SURVEY, seen::add);

            assertThat(seen).isEqualTo(expected);
        }

        @Test
        void forEachFollowUp_streamsMoreThanAPageInOrderOfOpening() {
            JdbcStore store = JdbcStore.of(databases.h2Memory()).createSchema();
            var expected = new ArrayList<FollowUp>();
            for (int i = 0; i < 450; i++) {
                expected.add(submitDetractor(store, "r" + i, null, T0.plusSeconds(450 - i)));
            }
            expected.sort(Comparator.comparing(FollowUp::openedAt).thenComparing(FollowUp::id));
            var seen = new ArrayList<FollowUp>();

            store.forEachFollowUp(seen::add);

            assertThat(seen).isEqualTo(expected);
        }
    }

    @Nested
    class Columns {

        @Test
        void submit_writesRatingsAndAttributesIntoColumns() {
            DataSource dataSource = databases.h2Memory();
            JdbcStore store = JdbcStore.of(dataSource).createSchema();

            submitDetractor(store, "r1", "c1", T0);

            assertThat(count(dataSource, "SELECT number_value FROM fl_response_answer WHERE response_id = 'r1'"
                    + " AND question_id = 'nps' AND kind = 'RATING'")).isEqualTo(3);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_response_attribute WHERE response_id = 'r1'"
                    + " AND attr_name = 'plan' AND attr_value = 'pro'")).isEqualTo(1);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_follow_up WHERE first_contact_pending_due"
                    + " IS NOT NULL")).isEqualTo(1);
        }

        @Test
        void update_clearsThePendingDeadlineColumnOnceContacted() {
            DataSource dataSource = databases.h2Memory();
            JdbcStore store = JdbcStore.of(dataSource).createSchema();
            FollowUp followUp = submitDetractor(store, "r1", "c1", T0);

            store.update(new FollowUpChange(followUp.contact(Contact.of("phone", "ana", T0, null)), List.of(),
                    List.of()));

            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_follow_up WHERE first_contact_pending_due"
                    + " IS NOT NULL")).isZero();
            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_follow_up_history")).isEqualTo(2);
        }

        @Test
        void eraseCustomer_leavesNoTextInAnyTableAndKeepsTheRatings() {
            DataSource dataSource = databases.h2Memory();
            JdbcStore store = JdbcStore.of(dataSource).createSchema();
            FollowUp followUp = submitDetractor(store, "r1", "c1", T0);
            store.update(new FollowUpChange(followUp.contact(Contact.of("phone", "ana", T0, "private note")),
                    List.of(Touch.contact("c1", TouchKind.FOLLOW_UP_CONTACT, T0, "ana", "private touch")),
                    List.of(new FeedbackEvent.FollowUpContacted(followUp.id(), "ana", "phone", "c1", T0))));

            store.eraseCustomer(Erasure.of("c1", T0));

            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_response WHERE customer_id IS NOT NULL"
                    + " OR body LIKE '%slow support%' OR body LIKE '%c1%'")).isZero();
            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_response_answer WHERE kind = 'TEXT'")).isZero();
            assertThat(count(dataSource, "SELECT number_value FROM fl_response_answer WHERE kind = 'RATING'"))
                    .isEqualTo(3);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_follow_up WHERE customer_id IS NOT NULL"
                    + " OR contact_note IS NOT NULL")).isZero();
            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_follow_up_history WHERE note LIKE '%private%'"))
                    .isZero();
            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_touch")).isZero();
            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_outbox WHERE customer_id IS NOT NULL")).isZero();
            assertThat(count(dataSource, "SELECT COUNT(*) FROM fl_customer")).isZero();
        }

        @Test
        void everyAnswerType_hasAStoredKind() {
            Map<Class<?>, Answer> samples = Map.of(Answer.Rating.class, Answer.rating(7),
                    Answer.Choice.class, Answer.choice("a"), Answer.Text.class, Answer.text("t"),
                    Answer.YesNo.class, Answer.yesNo(true));

            assertThat(Answer.class.getPermittedSubclasses()).allSatisfy(type ->
                    assertThat(samples).containsKey(type));
            assertThat(samples.values().stream().map(ResponseRows.AnswerKind::of).distinct()).hasSize(samples.size());
            assertThat(ResponseRows.AnswerKind.number(Answer.yesNo(true))).isEqualTo(1);
            assertThat(ResponseRows.AnswerKind.number(Answer.text("t"))).isNull();
        }
    }

    /** A data source whose database cannot be reached; the driver's message carries credentials. */
    private static final class FailingDataSource implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("connection refused for jdbc:postgresql://db/x?user=admin password=s3cret",
                    "08001");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public @Nullable PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(@Nullable PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("test");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
