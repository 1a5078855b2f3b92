package dev.feedbackloop.core.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.invitation.Invitation;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idempotent capture and single-use invitation tokens across processes: two JVMs ({@link CaptureChild}) on one
 * database submit from four threads each, released together. The same responses from both store each response once
 * with exactly its follow-up, and every call returns the receipt; two variants of the same ids (a promoter from one
 * process, a detractor from the other) store exactly one variant per id, and every call of the process whose variant
 * was stored gets the receipt while every call of the other gets {@code ResponseConflictException}; one invitation
 * token submitted with eight different responses, four per process, stores exactly one, and the seven others are
 * {@code ALREADY_USED}. On an H2 file shared in H2's mixed mode ({@code AUTO_SERVER=TRUE}) and on PostgreSQL when
 * {@code FEEDBACKLOOP_TEST_POSTGRES_URL} is set (skipped otherwise, failed when {@code CI=true}).
 */
final class CrossProcessCaptureTest {

    private static final int PROCESSES = 2;
    private static final int THREADS = 4;
    private static final int ROUNDS = 3;
    private static final int RESPONSES = 8;

    @TempDir
    Path directory;

    @Test
    void twoProcessesOnOneH2File_storeEachResponseOnceAndRedeemEachTokenOnce() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("capture").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        DataSource dataSource = CrashSafetyTest.dataSource(url);
        // this connection keeps the database open, and this process its server, until the end of the test
        try (Connection holder = dataSource.getConnection()) {
            run("H2 file", url, dataSource);
            try (Statement statement = holder.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void twoProcessesOnOnePostgresDatabase_storeEachResponseOnceAndRedeemEachTokenOnce() throws Exception {
        ChildJvm.inPostgresSchema("CrossProcessCaptureTest", "capture",
                url -> run("PostgreSQL", url, CrashSafetyTest.dataSource(url)));
    }

    private void run(String label, String url, DataSource dataSource) throws Exception {
        FeedbackStore store = JdbcStore.of(dataSource).createSchema();
        Invitations invitations = Invitations.builder().signWith(CaptureChild.KEY).build();
        var children = new ArrayList<ChildJvm>();
        try {
            for (int p = 0; p < PROCESSES; p++) {
                children.add(new ChildJvm(CaptureChild.class, directory.resolve("capture-child-" + p + ".txt"), url,
                        Integer.toString(THREADS)));
            }
            var storedVariants = new ArrayList<String>();
            for (int round = 0; round < ROUNDS; round++) {
                // the same responses from both processes
                String same = "same" + round;
                for (String reply : ChildJvm.together(children, List.of("SUBMIT " + same + " " + RESPONSES + " 2",
                        "SUBMIT " + same + " " + RESPONSES + " 2"), "SUBMITTED")) {
                    assertThat(outcomes(reply)).as("round %d, same responses: %s", round, reply)
                            .hasSize(RESPONSES).containsOnlyKeys(ids(same)).allSatisfy((id, outcome) ->
                                    assertThat(outcome).isEqualTo("R"));
                }
                for (String id : ids(same)) {
                    assertThat(store.findResponse(id)).as(id).isPresent();
                    assertThat(store.followUpsOfResponse(id)).as("follow-ups of %s", id).hasSize(1);
                }

                // a promoter from process 0 and a detractor from process 1 under the same ids
                String variants = "variant" + round;
                List<String> replies = ChildJvm.together(children, List.of(
                        "SUBMIT " + variants + " " + RESPONSES + " 9", "SUBMIT " + variants + " " + RESPONSES + " 2"),
                        "SUBMITTED");
                Map<String, String> promoters = outcomes(replies.get(0));
                Map<String, String> detractors = outcomes(replies.get(1));
                for (String id : ids(variants)) {
                    StoredResponse stored = store.findResponse(id).orElseThrow();
                    boolean detractor = stored.response().answers().get("nps").equals(
                            Fixtures.response(id, "c-" + id, 2, null, Fixtures.T0).answers().get("nps"));
                    storedVariants.add(detractor ? "p1" : "p0");
                    assertThat(List.of(promoters.get(id), detractors.get(id))).as("round %d, %s: what the two"
                            + " processes were told, the %s stored", round, id, detractor ? "detractor" : "promoter")
                            .containsExactly(detractor ? "C" : "R", detractor ? "R" : "C");
                    assertThat(store.followUpsOfResponse(id)).as("follow-ups of %s", id).hasSize(detractor ? 1 : 0);
                }

                // one token, eight responses
                String customer = "invited" + round;
                String token = invitations.issue(new Invitation("t" + round, Fixtures.SURVEY, customer,
                        Fixtures.T0.plus(Duration.ofDays(7)), Map.of()));
                int stored = 0;
                int alreadyUsed = 0;
                for (String reply : ChildJvm.together(children, List.of("TOKEN " + token + " k" + round + "p0",
                        "TOKEN " + token + " k" + round + "p1"), "REDEEMED")) {
                    String[] words = reply.split(" ");
                    assertThat(words[3]).as("round %d: calls that failed otherwise", round).isEqualTo("0");
                    stored += Integer.parseInt(words[1]);
                    alreadyUsed += Integer.parseInt(words[2]);
                }
                assertThat(stored).as("round %d: responses stored with the token", round).isEqualTo(1);
                assertThat(alreadyUsed).isEqualTo(PROCESSES * THREADS - 1);
                assertThat(store.responsesOfCustomer(customer)).as("round %d", round).hasSize(1);
            }
            System.out.println("CrossProcessCaptureTest on " + label + ": " + ROUNDS + " rounds of " + PROCESSES
                    + " x " + THREADS + " threads; the variant stored of each id contested: " + storedVariants);
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }
    }

    private static List<String> ids(String prefix) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < RESPONSES; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }

    /** The outcome per id of a {@code SUBMITTED} reply, which must report no failed call. */
    private static Map<String, String> outcomes(String reply) {
        String[] words = reply.split(" ");
        assertThat(words[1]).as("calls that failed otherwise: %s", reply).isEqualTo("0");
        var outcomes = new LinkedHashMap<String, String>();
        for (int i = 2; i < words.length; i++) {
            String[] pair = words[i].split(":");
            outcomes.put(pair[0], pair[1]);
        }
        return outcomes;
    }
}
