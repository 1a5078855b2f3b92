package dev.feedbackloop.core.durability;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child process of {@link CrossProcessLimitTest}: a feedback loop on a shared database with a per-customer limit of
 * {@value #LIMIT} responses per hour. Prints {@code READY}, then for each line {@code GO <customer> <name>} on
 * standard input submits one new response of that customer from each of its threads, all released together, and
 * prints {@code DONE <stored> <refused> <failed>}; {@code EXIT} ends it.
 *
 * <p>Arguments: the JDBC URL, the number of threads.
 */
final class LimitChild {

    static final int LIMIT = 3;

    private LimitChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FeedbackLoop loop = FeedbackLoop.builder()
                .store(JdbcStore.of(CrashSafetyTest.dataSource(url)).createSchema())
                .clock(Clock.fixed(Fixtures.T0, ZoneOffset.UTC))
                .limits(SubmissionLimits.standard().withResponsesPerCustomer(LIMIT, Duration.ofHours(1)))
                .build();
        loop.register(Fixtures.survey());
        out.println("READY");
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("EXIT"); line = in.readLine()) {
            String[] command = line.split(" ");
            String customer = command[1];
            String name = command[2];
            var stored = new AtomicInteger();
            var refused = new AtomicInteger();
            var failed = new AtomicInteger();
            Race.run(threads, failed, t -> {
                try {
                    loop.submit(Fixtures.response(customer + "-" + name + "-" + t, customer, 9, null, Fixtures.T0));
                    stored.incrementAndGet();
                } catch (LimitExceededException e) {
                    refused.incrementAndGet();
                }
            });
            out.println("DONE " + stored + " " + refused + " " + failed);
        }
    }
}
