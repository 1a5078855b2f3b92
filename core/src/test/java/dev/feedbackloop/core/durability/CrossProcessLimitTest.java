package dev.feedbackloop.core.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.util.ArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-customer limit across processes: two JVMs ({@link LimitChild}) on one database submit new responses of the
 * same customer from several threads each, released together round after round; the database must never hold more
 * than the limit for the customer. On an H2 file shared in H2's mixed mode ({@code AUTO_SERVER=TRUE}) and on
 * PostgreSQL when {@code FEEDBACKLOOP_TEST_POSTGRES_URL} is set (skipped otherwise, failed when {@code CI=true}).
 */
final class CrossProcessLimitTest {

    private static final int PROCESSES = 2;
    private static final int THREADS = 4;
    private static final int ROUNDS = 10;

    @TempDir
    Path directory;

    @Test
    void twoProcessesOnOneH2File_neverStoreMoreThanTheLimit() throws Exception {
        ChildJvm.onSharedH2File(directory, "limit", url -> run("H2 file", url, CrashSafetyTest.dataSource(url)));
    }

    @Test
    void twoProcessesOnOnePostgresDatabase_neverStoreMoreThanTheLimit() throws Exception {
        ChildJvm.inPostgresSchema("CrossProcessLimitTest", "limit",
                url -> run("PostgreSQL", url, CrashSafetyTest.dataSource(url)));
    }

    private void run(String label, String url, DataSource dataSource) throws Exception {
        FeedbackStore store = JdbcStore.of(dataSource).createSchema();
        var children = new ArrayList<ChildJvm>();
        try {
            for (int p = 0; p < PROCESSES; p++) {
                children.add(new ChildJvm(LimitChild.class, directory.resolve("limit-child-" + p + ".txt"), url,
                        Integer.toString(THREADS)));
            }
            var exceeded = new ArrayList<Integer>();
            int failed = 0;
            for (int round = 0; round < ROUNDS; round++) {
                String customer = "c" + round;
                for (int p = 0; p < PROCESSES; p++) {
                    children.get(p).send("GO " + customer + " p" + p);
                }
                int stored = 0;
                for (ChildJvm child : children) {
                    String[] done = child.expect("DONE").split(" ");
                    stored += Integer.parseInt(done[1]);
                    failed += Integer.parseInt(done[3]);
                }
                int inStore = store.responsesOfCustomer(customer).size();
                assertThat(inStore).as("round %d: responses stored vs acknowledged", round).isEqualTo(stored);
                if (inStore > LimitChild.LIMIT) {
                    exceeded.add(inStore);
                }
            }
            System.out.println("CrossProcessLimitTest: per-customer limit across " + PROCESSES + " processes on " + label
                    + ": more than " + LimitChild.LIMIT + " stored in " + exceeded.size() + " of " + ROUNDS
                    + " rounds " + exceeded + ", " + failed + " submission(s) failed");
            assertThat(failed).isZero();
            assertThat(exceeded).isEmpty();
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }
    }
}
