package dev.feedbackloop.core.stress;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.ResponseConflictException;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.privacy.PrivacyStores;
import dev.feedbackloop.survey.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@code StoreConcurrencyContract} does not cover: many threads submitting <em>different</em> responses under
 * the same ids at once, on every store. Exactly one version of each id is stored, every other attempt either gets
 * that response's receipt (an equal resubmission) or a {@link ResponseConflictException}; nothing else is thrown,
 * nothing is stored twice, and each stored response has exactly the follow-ups its own content calls for.
 */
final class ConflictingSubmissionsStressTest {

    private static final int IDS = 30;
    private static final int VARIANTS = 3;

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(PrivacyStores.class)
    void conflictingVariantsOfTheSameIds_exactlyOneWinsEachIdAndConflictsAreOurException(PrivacyStores kind)
            throws Exception {
        PrivacyStores.Opened opened = kind.open(directory);
        assumeTrue(opened != null, kind + " is not configured");
        long seed = Long.getLong("feedbackloop.seed", System.nanoTime());
        System.out.println("ConflictingSubmissionsStressTest seed = " + seed + " (rerun with -Dfeedbackloop.seed="
                + seed + ")");
        var random = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            FeedbackLoop loop = FeedbackLoop.builder().store(opened.store()).clock(MutableClock.at(T0))
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
            loop.register(Fixtures.survey());
            var attempts = new ArrayList<Response>();
            for (int i = 0; i < IDS; i++) {
                for (int v = 0; v < VARIANTS; v++) {
                    Response variant = Fixtures.response("r" + i, "c" + i, (i + v * 4) % 11, "variant " + v, T0,
                            Map.of("plan", "p" + v));
                    attempts.add(variant);
                    attempts.add(variant);
                }
            }
            Collections.shuffle(attempts, random);
            var receipts = new ConcurrentHashMap<String, List<Receipt>>();
            var conflicts = new ConcurrentHashMap<String, List<Response>>();
            var unexpected = new CopyOnWriteArrayList<Throwable>();
            var gate = new CountDownLatch(1);
            var futures = new ArrayList<Future<?>>();
            for (Response attempt : attempts) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    try {
                        receipts.computeIfAbsent(attempt.id(), k -> new CopyOnWriteArrayList<>())
                                .add(loop.submit(attempt));
                    } catch (ResponseConflictException e) {
                        conflicts.computeIfAbsent(attempt.id(), k -> new CopyOnWriteArrayList<>()).add(attempt);
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                    return null;
                }));
            }
            gate.countDown();
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }

            assertThat(unexpected).isEmpty();
            int detractors = 0;
            for (int i = 0; i < IDS; i++) {
                String id = "r" + i;
                Response stored = loop.findResponse(id).orElseThrow().response();
                assertThat(receipts.get(id)).as("receipts of %s", id).isNotEmpty()
                        .allMatch(r -> r.equals(receipts.get(id).get(0)));
                assertThat(conflicts.getOrDefault(id, List.of())).as("conflicts of %s", id)
                        .noneMatch(stored::equals);
                assertThat(receipts.get(id).size() + conflicts.getOrDefault(id, List.of()).size())
                        .isEqualTo(2 * VARIANTS);
                int nps = ((dev.feedbackloop.survey.Answer.Rating) stored.answer("nps")).value();
                assertThat(loop.followUps().ofResponse(id)).hasSize(nps <= 6 ? 1 : 0);
                detractors += nps <= 6 ? 1 : 0;
            }
            assertThat(loop.followUps().find(FollowUpQuery.all().withLimit(10_000))).hasSize(detractors);
            assertThat(conflicts.values().stream().mapToInt(List::size).sum()).isPositive();
        } finally {
            pool.shutdownNow();
            opened.cleanup().run();
        }
    }
}
