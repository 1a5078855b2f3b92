package dev.feedbackloop.core.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.invitation.Invitation;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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
 * {@code ALREADY_USED}. Batches of the same responses from every thread, half of them in the opposite order, all
 * return their receipts and store each response once. One process erasing customers while the other records contacts,
 * with notes, on their follow-ups (each read first, as an agent's screen does) leaves no personal data in any table:
 * a contact either comes before the erasure, which then erases it, or is refused. On an H2 file shared in H2's mixed
 * mode ({@code AUTO_SERVER=TRUE}) and on PostgreSQL when {@code FEEDBACKLOOP_TEST_POSTGRES_URL} is set (skipped
 * otherwise, failed when {@code CI=true}).
 */
final class CrossProcessCaptureTest {

    private static final int PROCESSES = 2;
    private static final int THREADS = 4;
    private static final int ROUNDS = 3;
    private static final int RESPONSES = 8;
    private static final int BATCH = 12;
    private static final int ERASED = 24;
    private static final List<String> TABLES = List.of("fl_response", "fl_response_answer", "fl_response_attribute",
            "fl_follow_up", "fl_follow_up_segment", "fl_follow_up_history", "fl_follow_up_escalation", "fl_customer",
            "fl_touch", "fl_outbox", "fl_invitation_redemption");

    @TempDir
    Path directory;

    @Test
    void twoProcessesOnOneH2File_storeEachResponseOnceAndRedeemEachTokenOnce() throws Exception {
        onH2File("H2 file", this::captureAndTokens);
    }

    @Test
    void twoProcessesOnOnePostgresDatabase_storeEachResponseOnceAndRedeemEachTokenOnce() throws Exception {
        onPostgres("PostgreSQL", this::captureAndTokens);
    }

    @Test
    void twoProcessesOnOneH2File_racingBatchesSucceed_andErasureRacingStepsLeavesNoPersonalData()
            throws Exception {
        onH2File("H2 file", this::batchesAndErasure);
    }

    @Test
    void twoProcessesOnOnePostgresDatabase_racingBatchesSucceed_andErasureRacingStepsLeavesNoPersonalData()
            throws Exception {
        onPostgres("PostgreSQL", this::batchesAndErasure);
    }

    /** Rounds that the two children play on one database. */
    private interface Rounds {
        void play(String label, DataSource dataSource, List<ChildJvm> children) throws Exception;
    }

    private void onH2File(String label, Rounds rounds) throws Exception {
        ChildJvm.onSharedH2File(directory, "capture",
                url -> withChildren(label, url, CrashSafetyTest.dataSource(url), rounds));
    }

    private void onPostgres(String label, Rounds rounds) throws Exception {
        ChildJvm.inPostgresSchema("CrossProcessCaptureTest", "capture",
                url -> withChildren(label, url, CrashSafetyTest.dataSource(url), rounds));
    }

    private void withChildren(String label, String url, DataSource dataSource, Rounds rounds) throws Exception {
        JdbcStore.of(dataSource).createSchema();
        var children = new ArrayList<ChildJvm>();
        try {
            for (int p = 0; p < PROCESSES; p++) {
                children.add(new ChildJvm(CaptureChild.class, directory.resolve("capture-child-" + p + ".txt"), url,
                        Integer.toString(THREADS)));
            }
            rounds.play(label, dataSource, children);
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }
    }

    private void captureAndTokens(String label, DataSource dataSource, List<ChildJvm> children) throws Exception {
        FeedbackStore store = JdbcStore.of(dataSource);
        Invitations invitations = Invitations.builder().signWith(CaptureChild.KEY).build();
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
    }

    private void batchesAndErasure(String label, DataSource dataSource, List<ChildJvm> children) throws Exception {
        FeedbackStore store = JdbcStore.of(dataSource);
        FeedbackLoop setUp = FeedbackLoop.builder().store(store).clock(Clock.fixed(Fixtures.T0, ZoneOffset.UTC))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
        var contests = new ArrayList<String>();
        for (int round = 0; round < 2; round++) {
            // the same batch from every thread of both processes, half of them in the opposite order
            String batch = "batch" + round;
            for (String reply : ChildJvm.together(children, List.of("BATCH " + batch + " " + BATCH + " forward",
                    "BATCH " + batch + " " + BATCH + " backward"), "BATCHED")) {
                assertThat(reply).as("round %d: receipts and failed calls", round)
                        .isEqualTo("BATCHED " + THREADS * BATCH + " 0");
            }
            int stored = 0;
            for (int c = 0; c < 3; c++) {
                stored += store.responsesOfCustomer("c-" + batch + "-" + c).size();
            }
            assertThat(stored).as("round %d: responses of the batch stored", round).isEqualTo(BATCH);
            for (int i = 0; i < BATCH; i++) {
                assertThat(store.followUpsOfResponse(batch + "-" + i)).hasSize(i % 2 == 0 ? 1 : 0);
            }

            // one process erases customers while the other records contacts on their follow-ups
            var customers = new ArrayList<String>();
            var followUps = new ArrayList<String>();
            for (int i = 0; i < ERASED; i++) {
                String customer = "CUST-SECRET-" + round + "-" + i;
                customers.add(customer);
                followUps.addAll(setUp.submit(Fixtures.response("erased" + round + "-" + i, customer, 2,
                        "TEXT-SECRET-" + i, Fixtures.T0)).followUpIds());
            }
            // from opposite ends, so that they meet in the middle
            Collections.reverse(customers);
            String erase = "ERASE " + String.join(",", customers);
            String contact = "CONTACT " + String.join(",", followUps);
            List<String> replies = ChildJvm.together(children,
                    round == 0 ? List.of(erase, contact) : List.of(contact, erase), "");
            String erased = replies.get(round == 0 ? 0 : 1);
            String contacted = replies.get(round == 0 ? 1 : 0);
            assertThat(erased).isEqualTo("ERASED " + ERASED + " 0");
            assertThat(contacted).startsWith("CONTACTED ").endsWith(" 0");
            contests.add(contacted.substring("CONTACTED ".length(), contacted.lastIndexOf(' ')));
            assertThat(rowsHolding(dataSource, "SECRET")).as("round %d: rows holding personal data", round)
                    .isEmpty();
        }
        System.out.println("CrossProcessCaptureTest on " + label + ": batches of " + BATCH + " from " + PROCESSES
                + " x " + THREADS + " threads in two orders stored once each; contacts made and refused while the"
                + " other process erased: " + contests);
    }

    /** Every row of every table of the store that holds {@code text} in one of its cells. */
    private static List<String> rowsHolding(DataSource dataSource, String text) throws SQLException {
        var rows = new ArrayList<String>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        for (int c = 1; c <= columns; c++) {
                            String cell = row.getString(c);
                            if (cell != null && cell.contains(text)) {
                                rows.add(table + "." + row.getMetaData().getColumnName(c) + ": " + cell);
                            }
                        }
                    }
                }
            }
        }
        return rows;
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
