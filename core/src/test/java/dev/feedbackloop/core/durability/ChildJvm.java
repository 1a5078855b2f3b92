package dev.feedbackloop.core.durability;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A child JVM started with the test class path (at most 256 MB of heap), driven by lines on its standard input and
 * answering with lines on its standard output; its standard error goes to a file, shown when it ends too early. Also
 * the PostgreSQL schema that the cross-process tests share with their children. Not thread-safe.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path errors;
    private final BufferedReader out;
    private final BufferedWriter in;

    /**
     * Starts {@code main} of a class in a new JVM and waits for it to print {@code READY}.
     *
     * @param main the class whose {@code main} runs
     * @param errors where the child's standard error goes
     * @param args its arguments
     */
    ChildJvm(Class<?> main, Path errors, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                main.getName()));
        command.addAll(List.of(args));
        this.errors = errors;
        this.process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        expect("READY");
    }

    void send(String line) throws IOException {
        in.write(line);
        in.newLine();
        in.flush();
    }

    /**
     * Sends each child its command, then {@code GO} to every one, so that they start together, and returns the line
     * each answers that starts with {@code reply}, in order.
     */
    static List<String> together(List<ChildJvm> children, List<String> commands, String reply) throws IOException {
        for (int p = 0; p < children.size(); p++) {
            children.get(p).send(commands.get(p));
        }
        for (ChildJvm child : children) {
            child.send("GO");
        }
        var replies = new ArrayList<String>();
        for (ChildJvm child : children) {
            replies.add(child.expect(reply));
        }
        return replies;
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
    @Override
    public void close() {
        try {
            send("EXIT");
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        List.of(out, in).forEach(stream -> {
            try {
                stream.close();
            } catch (IOException e) {
                // nothing left to read or write
            }
        });
    }

    /**
     * Returns a pool of at most eight connections to an H2 or PostgreSQL database, as a host hands the loop; a child
     * ends without disposing of it.
     *
     * @param url the JDBC URL, with the user for PostgreSQL
     */
    static DataSource pooled(String url) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "", "");
            pool.setMaxConnections(8);
            return pool;
        }
        var postgres = new PGConnectionPoolDataSource();
        postgres.setURL(url);
        JdbcConnectionPool pool = JdbcConnectionPool.create(postgres);
        pool.setMaxConnections(8);
        return pool;
    }

    /** A test body given the JDBC URL of a schema of its own. */
    interface OnDatabase {
        void run(String url) throws Exception;
    }

    /**
     * Runs a test on an H2 file that several processes share in H2's mixed mode ({@code AUTO_SERVER=TRUE}): this
     * process holds a connection for the whole test, so that the database stays open and this process its server, and
     * shuts the database down at the end.
     *
     * @param directory where the file goes
     * @param name the database's name
     * @param body the test, given the URL for the children
     */
    static void onSharedH2File(Path directory, String name, OnDatabase body) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        try (Connection holder = CrashSafetyTest.dataSource(url).getConnection()) {
            body.run(url);
            try (Statement statement = holder.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    /**
     * Runs a test in a new schema of the PostgreSQL database named by {@code FEEDBACKLOOP_TEST_POSTGRES_URL}, dropped
     * afterwards; skips the test when the variable is not set, and fails it then when {@code CI=true}.
     *
     * @param test the test's name, for the message of a skip
     * @param purpose a word for the schema's name
     * @param body the test, given the URL with {@code currentSchema} set
     */
    static void inPostgresSchema(String test, String purpose, OnDatabase body) throws Exception {
        String url = System.getenv(CrashSafetyTest.POSTGRES_URL);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + CrashSafetyTest.POSTGRES_URL + " is not set: the PostgreSQL test must run in"
                        + " CI");
            }
            System.err.println("[" + test + " on PostgreSQL SKIPPED] set " + CrashSafetyTest.POSTGRES_URL);
            assumeTrue(false, CrashSafetyTest.POSTGRES_URL + " is not set");
        }
        String schema = "fl_" + purpose + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        execute(url, "CREATE SCHEMA " + schema);
        try {
            body.run(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            execute(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
