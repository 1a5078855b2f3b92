package dev.feedbackloop.core.durability;

import dev.feedbackloop.core.FeedbackListener;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Response;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The child process of {@link CrashSafetyTest}: submits responses from several threads to a JDBC store and prints
 * {@code ACK <responseId>} on standard output after each {@code submit} returns, until it is killed (or, as a guard,
 * after two minutes). Outbox entries are kept (never acknowledged) so that the parent can check them; with a third
 * argument {@code deliver}, the store is the JDBC store itself, so that events are delivered and acknowledged as in
 * production, and a listener prints {@code EVENT <responseId>} for each {@code ResponseAccepted} it is given.
 *
 * <p>Arguments: the JDBC URL, the number of threads, optionally {@code deliver}.
 */
final class CrashChild {

    private CrashChild() {
    }

    static Response response(String id) {
        int nps = Math.floorMod(id.hashCode(), 11);
        return Fixtures.response(id, "c-" + Math.floorMod(id.hashCode(), 50), nps, "text of " + id,
                Fixtures.T0);
    }

    static boolean detractor(String id) {
        return Math.floorMod(id.hashCode(), 11) <= 6;
    }

    static FeedbackLoop loop(DataSource dataSource) {
        FeedbackLoop loop = FeedbackLoop.builder()
                .store(new KeepOutboxStore(JdbcStore.of(dataSource).createSchema()))
                .clock(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .build();
        loop.register(Fixtures.survey());
        return loop;
    }

    /** A loop on the JDBC store itself whose listener prints each response it is told was accepted. */
    static FeedbackLoop delivering(DataSource dataSource, FeedbackListener listener) {
        FeedbackLoop loop = FeedbackLoop.builder()
                .store(JdbcStore.of(dataSource).createSchema())
                .clock(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .listener(listener)
                .build();
        loop.register(Fixtures.survey());
        return loop;
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FeedbackLoop loop = args.length > 2 && args[2].equals("deliver")
                ? delivering(CrashSafetyTest.dataSource(url), new FeedbackListener() {
                    @Override
                    public void onResponseAccepted(FeedbackEvent.ResponseAccepted event) {
                        synchronized (out) {
                            out.println("EVENT " + event.responseId());
                        }
                    }
                })
                : loop(CrashSafetyTest.dataSource(url));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (int i = 0; Instant.now().isBefore(deadline); i++) {
                    String id = "p" + thread + "-" + i;
                    loop.submit(response(id));
                    synchronized (out) {
                        out.println("ACK " + id);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        out.println("STARTED");
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
