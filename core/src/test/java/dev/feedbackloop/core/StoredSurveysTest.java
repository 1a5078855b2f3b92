package dev.feedbackloop.core;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoreTest;
import dev.feedbackloop.core.store.TestStores;
import dev.feedbackloop.core.store.jdbc.Databases;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
import dev.feedbackloop.survey.TextQuestion;
import dev.feedbackloop.testing.StartGate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Surveys kept in a database: registrations racing from two stores or two loops on one database (as two servers
 * would) keep one row per id and version, and a loop built again over a database file knows its surveys without
 * registering them.
 */
final class StoredSurveysTest {

    private static final int THREADS = 8;

    private final StartGate gate = StartGate.of(THREADS);

    @AfterEach
    void stopThreads() {
        gate.close();
    }

    static Survey survey(int version, String title) {
        return Survey.builder(Fixtures.SURVEY, version).title(title).question(NpsQuestion.standard("nps"))
                .question(TextQuestion.optional("why", "What is the main reason for your score?")).build();
    }

    static long rows(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM fl_survey")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class TwoStoresOnOneDatabase {

        @StoreTest({TestStores.H2_MEMORY, TestStores.H2_FILE, TestStores.POSTGRES})
        void sameDefinition_fromTwoStoresOnEveryThread_isOneRowAndNoCallFails(TestStores.Opened opened)
                throws Exception {
            DataSource dataSource = Objects.requireNonNull(opened.dataSource());
            List<FeedbackStore> stores = List.of(opened.store(), JdbcStore.of(dataSource));
            var tasks = new ArrayList<Runnable>();
            for (int i = 0; i < THREADS * 4; i++) {
                FeedbackStore store = stores.get(i % 2);
                tasks.add(() -> store.putSurvey(survey(1, "How are we doing?")));
            }

            assertThat(gate.race(tasks)).as("what the registrations threw").isEmpty();

            assertThat(rows(dataSource)).isEqualTo(1);
            for (FeedbackStore store : stores) {
                assertThat(store.surveys()).containsExactly(survey(1, "How are we doing?"));
            }
        }

        @StoreTest({TestStores.H2_MEMORY, TestStores.H2_FILE, TestStores.POSTGRES})
        void differentDefinitions_fromTwoStoresOnEveryThread_oneIsStoredAndEveryOtherIsAConflict(
                TestStores.Opened opened) throws Exception {
            DataSource dataSource = Objects.requireNonNull(opened.dataSource());
            List<FeedbackStore> stores = List.of(opened.store(), JdbcStore.of(dataSource));
            var stored = new CopyOnWriteArrayList<Survey>();
            var tasks = new ArrayList<Runnable>();
            for (int i = 0; i < THREADS; i++) {
                FeedbackStore store = stores.get(i % 2);
                Survey survey = survey(1, "Definition " + i);
                tasks.add(() -> {
                    store.putSurvey(survey);
                    stored.add(survey);
                });
            }

            List<Throwable> failures = gate.race(tasks);

            assertThat(stored).hasSize(1);
            assertThat(failures).hasSize(THREADS - 1).allSatisfy(failure ->
                    assertThat(failure).isInstanceOf(SurveyConflictException.class));
            assertThat(rows(dataSource)).isEqualTo(1);
            for (FeedbackStore store : stores) {
                assertThat(store.surveys()).containsExactlyElementsOf(stored);
            }
        }

        @StoreTest({TestStores.H2_MEMORY, TestStores.H2_FILE, TestStores.POSTGRES})
        void twoLoops_registeringTheSameVersionsAtOnce_storeEachOnceAndBothKnowThemAll(TestStores.Opened opened)
                throws Exception {
            DataSource dataSource = Objects.requireNonNull(opened.dataSource());
            List<FeedbackLoop> loops = List.of(FeedbackLoop.builder().store(opened.store()).build(),
                    FeedbackLoop.builder().store(JdbcStore.of(dataSource)).build());
            var tasks = new ArrayList<Runnable>();
            for (int version = 1; version <= THREADS; version++) {
                Survey survey = survey(version, "Version " + version);
                for (FeedbackLoop loop : loops) {
                    tasks.add(() -> loop.register(survey));
                }
            }

            assertThat(gate.race(tasks)).as("what the registrations threw").isEmpty();

            assertThat(rows(dataSource)).isEqualTo(THREADS);
            List<Integer> versions = List.of(1, 2, 3, 4, 5, 6, 7, 8);
            for (FeedbackLoop loop : loops) {
                assertThat(loop.surveys()).containsExactly(entry(Fixtures.SURVEY, versions));
            }
            assertThat(FeedbackLoop.builder().store(JdbcStore.of(dataSource)).build().surveys())
                    .containsExactly(entry(Fixtures.SURVEY, versions));
        }
    }

    @Nested
    class Restart {

        private final Databases databases = new Databases();

        @TempDir
        Path directory;

        @AfterEach
        void closeDatabases() {
            databases.close();
        }

        private FeedbackLoop loopOver(DataSource dataSource) {
            return FeedbackLoop.builder().store(JdbcStore.of(dataSource).createSchema())
                    .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        }

        @Test
        void loopBuiltAgainOverAnH2File_knowsItsSurveysWithoutRegisteringThem() {
            DataSource before = databases.h2File(directory, "surveys");
            FeedbackLoop first = loopOver(before);
            first.register(survey(2, "How are we doing?"));
            first.register(survey(1, "How were we doing?"));
            Databases.shutdown(before);

            DataSource after = databases.h2File(directory, "surveys");
            FeedbackLoop restarted = loopOver(after);

            assertThat(restarted.surveys()).containsExactly(entry(Fixtures.SURVEY, List.of(1, 2)));
            assertThat(restarted.findSurvey(Fixtures.SURVEY, 2)).contains(survey(2, "How are we doing?"));
            assertThat(restarted.surveyVersions(Fixtures.SURVEY)).containsExactly(survey(1, "How were we doing?"),
                    survey(2, "How are we doing?"));
            Receipt receipt = restarted.submit(Response.builder("r1", survey(2, "How are we doing?"), T0)
                    .answer("nps", Answer.rating(9)).build());
            assertThat(receipt.surveyVersion()).isEqualTo(2);
        }

        @Test
        void loopBuiltAgainOverAnH2File_refusesAnotherDefinitionOfAStoredVersion() {
            DataSource before = databases.h2File(directory, "surveys");
            loopOver(before).register(survey(1, "How are we doing?"));
            Databases.shutdown(before);

            DataSource after = databases.h2File(directory, "surveys");
            FeedbackLoop restarted = loopOver(after);
            restarted.register(survey(1, "How are we doing?"));

            assertThatThrownBy(() -> restarted.register(survey(1, "How did we do?")))
                    .isInstanceOf(SurveyConflictException.class);
            assertThat(rows(after)).isEqualTo(1);
            assertThat(restarted.findSurvey(Fixtures.SURVEY, 1)).contains(survey(1, "How are we doing?"));
        }
    }
}
