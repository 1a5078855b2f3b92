package dev.feedbackloop.core.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
        String url = "jdbc:h2:file:" + directory.resolve("limit").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
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
    void twoProcessesOnOnePostgresDatabase_neverStoreMoreThanTheLimit() throws Exception {
        String url = System.getenv(CrashSafetyTest.POSTGRES_URL);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + CrashSafetyTest.POSTGRES_URL + " is not set: the PostgreSQL test must run in"
                        + " CI");
            }
            System.err.println("[CrossProcessLimitTest on PostgreSQL SKIPPED] set " + CrashSafetyTest.POSTGRES_URL);
            assumeTrue(false, CrashSafetyTest.POSTGRES_URL + " is not set");
        }
        String schema = "fl_limit_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        execute(url, "CREATE SCHEMA " + schema);
        try {
            String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            run("PostgreSQL", schemaUrl, CrashSafetyTest.dataSource(schemaUrl));
        } finally {
            execute(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private void run(String label, String url, DataSource dataSource) throws Exception {
        FeedbackStore store = JdbcStore.of(dataSource).createSchema();
        var children = new ArrayList<Child>();
        try {
            for (int p = 0; p < PROCESSES; p++) {
                children.add(new Child(url, directory.resolve("limit-child-" + p + ".txt")));
            }
            var exceeded = new ArrayList<Integer>();
            int failed = 0;
            for (int round = 0; round < ROUNDS; round++) {
                String customer = "c" + round;
                for (int p = 0; p < PROCESSES; p++) {
                    children.get(p).send("GO " + customer + " p" + p);
                }
                int stored = 0;
                for (Child child : children) {
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
            for (Child child : children) {
                child.stop();
            }
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** One {@link LimitChild} process and its standard input and output. */
    private static final class Child {

        private final Process process;
        private final Path errors;
        private final BufferedReader out;
        private final BufferedWriter in;

        Child(String url, Path errors) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            this.errors = errors;
            this.process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                    LimitChild.class.getName(), url, Integer.toString(THREADS))
                    .redirectError(errors.toFile())
                    .start();
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            expect("READY");
        }

        void send(String line) throws IOException {
            in.write(line);
            in.newLine();
            in.flush();
        }

        /** Reads lines until one starts with {@code prefix}; fails with the child's errors if it ends first. */
        String expect(String prefix) throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new AssertionError("the child ended before " + prefix + "; its stderr: "
                    + (Files.exists(errors) ? Files.readString(errors) : ""));
        }

        /** Asks the child to exit and waits for it; kills it if it does not. */
        void stop() throws InterruptedException {
            try {
                send("EXIT");
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            List.of(out, in).forEach(stream -> {
                try {
                    stream.close();
                } catch (IOException e) {
                    // nothing left to read or write
                }
            });
        }
    }
}
