package dev.feedbackloop.core.durability;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A child process of {@link CrossProcessSurveysTest}: one feedback loop per thread over a shared database, each built
 * once, so that none knows the survey of a round before it registers it. Prints {@code READY}; then for each line
 * {@code ARM <survey id> <title>} starts its threads, which wait, and prints {@code ARMED}; on {@code GO} each thread
 * registers version 1 of that survey with that title through its loop, all released together. Then it prints
 * {@code DONE <registered> <conflicts> <failed> <fresh> <seen> <from> <to>}: how many registrations returned, threw
 * {@link SurveyConflictException} or anything else; the title of version 1 that a loop built afterwards knows, and
 * the titles that the threads' loops know (comma-separated; {@code -} for none); and when the first registration
 * started and the last ended, in microseconds since the epoch. {@code EXIT} ends it.
 *
 * <p>Arguments: the JDBC URL, the number of threads.
 */
final class SurveyChild {

    private SurveyChild() {
    }

    /** The survey that the processes register: version 1 of {@code id}, with an NPS question. */
    static Survey survey(String id, String title) {
        return Survey.builder(id, 1).title(title).question(NpsQuestion.standard("nps")).build();
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        DataSource dataSource = CrashSafetyTest.dataSource(url);
        JdbcStore.of(dataSource).createSchema();
        var loops = new ArrayList<FeedbackLoop>();
        for (int t = 0; t < threads; t++) {
            loops.add(FeedbackLoop.builder().store(JdbcStore.of(dataSource)).build());
        }
        out.println("READY");
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("EXIT"); line = in.readLine()) {
            String[] command = line.split(" ");
            String id = command[1];
            Survey survey = survey(id, command[2]);
            var gate = new CountDownLatch(1);
            var registered = new AtomicInteger();
            var conflicts = new AtomicInteger();
            var failed = new AtomicInteger();
            var from = new AtomicLong(Long.MAX_VALUE);
            var to = new AtomicLong(Long.MIN_VALUE);
            List<Thread> workers = new ArrayList<>();
            for (FeedbackLoop loop : loops) {
                Thread worker = new Thread(() -> {
                    try {
                        gate.await();
                        from.accumulateAndGet(micros(), Math::min);
                        try {
                            loop.register(survey);
                            registered.incrementAndGet();
                        } finally {
                            to.accumulateAndGet(micros(), Math::max);
                        }
                    } catch (SurveyConflictException e) {
                        conflicts.incrementAndGet();
                    } catch (RuntimeException | InterruptedException e) {
                        e.printStackTrace();
                        failed.incrementAndGet();
                    }
                });
                worker.start();
                workers.add(worker);
            }
            out.println("ARMED");
            String go = in.readLine();
            if (!"GO".equals(go)) {
                throw new IllegalStateException("expected GO, got " + go);
            }
            gate.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            var seen = new TreeSet<String>();
            for (FeedbackLoop loop : loops) {
                loop.findSurvey(id, 1).ifPresent(known -> seen.add(known.title().text()));
            }
            String fresh = FeedbackLoop.builder().store(JdbcStore.of(dataSource)).build().findSurvey(id, 1)
                    .map(known -> known.title().text()).orElse("-");
            out.println("DONE " + registered + " " + conflicts + " " + failed + " " + fresh + " "
                    + (seen.isEmpty() ? "-" : String.join(",", seen)) + " " + from + " " + to);
        }
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
