package dev.feedbackloop.core.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Survey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored surveys across processes: two JVMs ({@link SurveyChild}) on one database register version 1 of a new survey
 * from several threads each, every thread through a loop of its own, all released together, round after round. When
 * both register the same definition, every registration succeeds and the database holds one row; when each registers
 * a definition of its own, one process's definition is stored and every registration of the other is a
 * {@code SurveyConflictException}: no process, and no loop built afterwards, knows the other definition. On an H2
 * file shared in H2's mixed mode ({@code AUTO_SERVER=TRUE}) and on PostgreSQL when
 * {@code FEEDBACKLOOP_TEST_POSTGRES_URL} is set (skipped otherwise, failed when {@code CI=true}).
 */
final class CrossProcessSurveysTest {

    private static final int PROCESSES = 2;
    private static final int THREADS = 4;
    private static final int ROUNDS = 12;

    @TempDir
    Path directory;

    @Test
    void twoProcessesOnOneH2File_registeringAtOnce_storeOneDefinitionPerVersion() throws Exception {
        ChildJvm.onSharedH2File(directory, "surveys", url -> run("H2 file", url, CrashSafetyTest.dataSource(url)));
    }

    @Test
    void twoProcessesOnOnePostgresDatabase_registeringAtOnce_storeOneDefinitionPerVersion() throws Exception {
        ChildJvm.inPostgresSchema("CrossProcessSurveysTest", "surveys",
                url -> run("PostgreSQL", url, CrashSafetyTest.dataSource(url)));
    }

    /** What one child reported for a round. */
    private record Done(int registered, int conflicts, int failed, String fresh, String seen, long from, long to) {

        static Done parse(String line) {
            String[] words = line.split(" ");
            return new Done(Integer.parseInt(words[1]), Integer.parseInt(words[2]), Integer.parseInt(words[3]),
                    words[4], words[5], Long.parseLong(words[6]), Long.parseLong(words[7]));
        }
    }

    private void run(String label, String url, DataSource dataSource) throws Exception {
        JdbcStore.of(dataSource).createSchema();
        var children = new ArrayList<ChildJvm>();
        try {
            for (int p = 0; p < PROCESSES; p++) {
                children.add(new ChildJvm(SurveyChild.class, directory.resolve("survey-child-" + p + ".txt"), url,
                        Integer.toString(THREADS)));
            }
            int overlapped = 0;
            var winners = new ArrayList<String>();
            for (int round = 0; round < ROUNDS; round++) {
                boolean same = round % 2 == 0;
                String id = (same ? "same-" : "different-") + round;
                List<Done> done = race(children, id, same);
                if (done.get(0).from() <= done.get(1).to() && done.get(1).from() <= done.get(0).to()) {
                    overlapped++;
                }
                assertThat(done).as("round %d: what the processes report", round)
                        .allSatisfy(report -> assertThat(report.failed()).isZero());
                assertThat(rows(dataSource, id)).as("round %d: rows of %s", round, id).isEqualTo(1);
                Survey stored;
                if (same) {
                    stored = SurveyChild.survey(id, "same");
                    assertThat(done).as("round %d", round).allSatisfy(report -> {
                        assertThat(report.registered()).isEqualTo(THREADS);
                        assertThat(report.conflicts()).isZero();
                        assertThat(report.fresh()).isEqualTo("same");
                        assertThat(report.seen()).isEqualTo("same");
                    });
                } else {
                    int winner = done.get(0).registered() > 0 ? 0 : 1;
                    String title = "p" + winner;
                    winners.add(title);
                    stored = SurveyChild.survey(id, title);
                    Done won = done.get(winner);
                    Done lost = done.get(1 - winner);
                    assertThat(won).as("round %d: the process whose definition is stored", round)
                            .isEqualTo(new Done(THREADS, 0, 0, title, title, won.from(), won.to()));
                    // the loser's loops know nothing of the survey: the store refused their definition
                    assertThat(lost).as("round %d: the other process", round)
                            .isEqualTo(new Done(0, THREADS, 0, title, "-", lost.from(), lost.to()));
                }
                FeedbackLoop third = FeedbackLoop.builder().store(JdbcStore.of(dataSource)).build();
                assertThat(third.surveyVersions(id)).as("round %d: a loop built afterwards", round)
                        .containsExactly(stored);
            }
            System.out.println("CrossProcessSurveysTest on " + label + ": " + ROUNDS + " rounds of " + PROCESSES + " x "
                    + THREADS + " registrations, the processes' registrations overlapped in " + overlapped
                    + "; stored definitions of the rounds with two: " + winners);
            assertThat(overlapped).as("rounds in which the two processes registered at the same time").isPositive();
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }
    }

    /** Arms both children, then releases them together; returns their reports in process order. */
    private static List<Done> race(List<ChildJvm> children, String id, boolean same) throws Exception {
        for (int p = 0; p < children.size(); p++) {
            children.get(p).send("ARM " + id + " " + (same ? "same" : "p" + p));
        }
        for (ChildJvm child : children) {
            child.expect("ARMED");
        }
        for (ChildJvm child : children) {
            child.send("GO");
        }
        var done = new ArrayList<Done>();
        for (ChildJvm child : children) {
            done.add(Done.parse(child.expect("DONE")));
        }
        return done;
    }

    private static long rows(DataSource dataSource, String surveyId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM fl_survey WHERE id = ?")) {
            count.setString(1, surveyId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
