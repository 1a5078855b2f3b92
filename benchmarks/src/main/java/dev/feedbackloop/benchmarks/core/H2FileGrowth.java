package dev.feedbackloop.benchmarks.core;

import dev.feedbackloop.benchmarks.survey.Fixtures;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * How large an embedded H2 file grows under a long run of submissions: submits responses one at a time through a
 * {@link FeedbackLoop} on a {@link JdbcStore} over an H2 file (H2's own pool, as the README's quick start), a
 * detractor with a text answer in every four (it opens a follow-up), then prints the file's size per response, again
 * after a minute without writes (H2's background writer, when the write delay is positive, compacts the file as it
 * goes), and, for reference, its size after {@code SHUTDOWN COMPACT}, which rewrites only the live data.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.feedbackloop.benchmarks.core.H2FileGrowth
 * [responses [URL options]]}, by default 100,000 responses and the README's options
 * ({@value #README_OPTIONS}). The file goes in a new temporary directory, deleted at the end.
 */
public final class H2FileGrowth {

    /** How long the file stays open without writes after the submissions, in seconds. */
    private static final int IDLE_SECONDS = 60;

    /** The options the README recommends for an H2 file, appended to {@code jdbc:h2:file:PATH}. */
    public static final String README_OPTIONS = ";RETENTION_TIME=1000;QUERY_CACHE_SIZE=32";

    private H2FileGrowth() {
    }

    /**
     * Runs the measurement and prints its figures.
     *
     * @param args the number of responses (default 100,000), then the URL options (default {@link #README_OPTIONS})
     * @throws Exception if H2 or the file system fails
     */
    public static void main(String[] args) throws Exception {
        int responses = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        String options = args.length > 1 ? args[1] : README_OPTIONS;
        Path directory = Files.createTempDirectory("feedbackloop-h2-growth");
        try {
            run(directory, responses, options);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void run(Path directory, int responses, String options)
            throws SQLException, IOException, InterruptedException {
        Path file = directory.resolve("feedback.mv.db");
        String url = "jdbc:h2:file:" + directory.resolve("feedback").toAbsolutePath() + options;
        Response promoter = Fixtures.JSON.readResponse(Fixtures.PROMOTER);
        Response detractor = Fixtures.JSON.readResponse(Fixtures.DETRACTOR);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        long started = System.nanoTime();
        long grown;
        long idle = 0;
        try {
            FeedbackLoop loop = FeedbackLoop.builder().store(JdbcStore.of(pool).createSchema())
                    .clock(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)))
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
            loop.register(Fixtures.survey());
            Instant start = Instant.parse("2024-01-01T00:00:00Z");
            for (int i = 0; i < responses; i++) {
                Response template = i % 4 == 3 ? detractor : promoter;
                loop.submit(Fixtures.copy(template, "r-" + i, "c-" + (i % 20_000), start.plusSeconds(i)));
                if ((i + 1) % 10_000 == 0) {
                    System.out.printf(Locale.ROOT, "%,d responses: %,d bytes, %.0f bytes per response%n", i + 1,
                            Files.size(file), (double) Files.size(file) / (i + 1));
                }
            }
            loop.close();
            // the size of the open file, as a long-running host sees it: closing compacts for MAX_COMPACT_TIME
            grown = Files.size(file);
            // then a minute without writes, in which H2's background writer (if on) goes on compacting
            for (int second = 15; second <= IDLE_SECONDS; second += 15) {
                Thread.sleep(15_000);
                idle = Files.size(file);
                System.out.printf(Locale.ROOT, "idle %d s: %,d bytes, %.0f bytes per response%n", second, idle,
                        (double) idle / responses);
            }
        } finally {
            pool.dispose();
        }
        double seconds = (System.nanoTime() - started) / 1e9 - IDLE_SECONDS;
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        long compacted = Files.size(file);
        System.out.printf(Locale.ROOT, "options %s%n%,d responses in %.0f s: file %,d bytes = %.0f bytes per response,"
                        + " after %d s idle %,d bytes = %.0f bytes per response; after SHUTDOWN COMPACT %,d bytes = %.0f"
                        + " bytes per response (%.1f× and %.1f×)%n", options, responses, seconds, grown,
                (double) grown / responses, IDLE_SECONDS, idle, (double) idle / responses, compacted,
                (double) compacted / responses, (double) grown / compacted, (double) idle / compacted);
    }
}
