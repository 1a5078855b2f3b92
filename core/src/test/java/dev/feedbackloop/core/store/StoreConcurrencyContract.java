package dev.feedbackloop.core.store;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackListener;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.followup.IllegalTransitionException;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.survey.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A start-gate test for every {@link FeedbackStore}: many threads released together submit responses (with
 * duplicates) and work the same follow-ups. Nothing is lost, nothing doubled, exactly one follow-up per response
 * and policy, version conflicts are reported and histories are complete. Subclass it per implementation.
 */
public abstract class StoreConcurrencyContract {

    private static final int THREADS = 8;
    private static final int RESPONSES = 200;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    /**
     * Returns a new, empty store.
     *
     * @return the store
     */
    protected abstract FeedbackStore newStore();

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Runs every task on the pool, all released together by one latch; returns their failures. */
    private List<Throwable> race(List<Runnable> tasks) throws Exception {
        var gate = new CountDownLatch(1);
        var failures = new CopyOnWriteArrayList<Throwable>();
        var futures = new ArrayList<Future<?>>();
        for (Runnable task : tasks) {
            futures.add(pool.submit(() -> {
                gate.await();
                try {
                    task.run();
                } catch (RuntimeException | AssertionError e) {
                    failures.add(e);
                }
                return null;
            }));
        }
        gate.countDown();
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        return failures;
    }

    @Test
    void submitWithDuplicatesAndWorkFollowUps_losesAndDoublesNothing() throws Exception {
        long seed = Long.getLong("feedbackloop.seed", System.nanoTime());
        System.out.println("StoreConcurrencyContract seed = " + seed + " (rerun with -Dfeedbackloop.seed=" + seed + ")");
        var random = new Random(seed);
        MutableClock clock = MutableClock.at(T0);
        var accepted = new ConcurrentHashMap<String, AtomicInteger>();
        var opened = new ConcurrentHashMap<String, AtomicInteger>();
        FeedbackLoop loop = FeedbackLoop.builder().store(newStore()).clock(clock)
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .listener(new FeedbackListener() {
                    @Override
                    public void onResponseAccepted(FeedbackEvent.ResponseAccepted event) {
                        accepted.computeIfAbsent(event.responseId(), k -> new AtomicInteger()).incrementAndGet();
                    }

                    @Override
                    public void onFollowUpOpened(FeedbackEvent.FollowUpOpened event) {
                        opened.computeIfAbsent(event.followUpId(), k -> new AtomicInteger()).incrementAndGet();
                    }
                })
                .build();
        loop.register(Fixtures.survey());
        var responses = new ArrayList<Response>();
        int detractors = 0;
        for (int i = 0; i < RESPONSES; i++) {
            int nps = random.nextInt(11);
            detractors += nps <= 6 ? 1 : 0;
            responses.add(Fixtures.response("r" + i, "c" + (i % 37), nps, "text " + i, T0));
        }
        var submissions = new ArrayList<Response>(responses);
        submissions.addAll(responses);
        submissions.addAll(responses.subList(0, RESPONSES / 2));
        Collections.shuffle(submissions, random);
        var receipts = new ConcurrentHashMap<String, List<Receipt>>();
        var tasks = new ArrayList<Runnable>();
        for (Response response : submissions) {
            tasks.add(() -> receipts.computeIfAbsent(response.id(), k -> new CopyOnWriteArrayList<>())
                    .add(loop.submit(response)));
        }

        List<Throwable> failures = race(tasks);

        assertThat(failures).isEmpty();
        for (Response response : responses) {
            assertThat(loop.findResponse(response.id())).map(StoredResponse::response).contains(response);
            assertThat(receipts.get(response.id())).hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(r -> r.equals(receipts.get(response.id()).get(0)));
            assertThat(accepted.get(response.id())).hasValue(1);
        }
        List<FollowUp> all = loop.followUps().find(FollowUpQuery.all().withLimit(10_000));
        assertThat(all).hasSize(detractors);
        assertThat(all).allSatisfy(f -> assertThat(opened.get(f.id())).hasValue(1));
    }

    @Test
    void workingTheSameFollowUps_exactlyOneWinsEachStepAndHistoriesAreComplete() throws Exception {
        long seed = Long.getLong("feedbackloop.seed", System.nanoTime());
        System.out.println("StoreConcurrencyContract seed = " + seed + " (rerun with -Dfeedbackloop.seed=" + seed + ")");
        var random = new Random(seed);
        MutableClock clock = MutableClock.at(T0);
        FeedbackLoop loop = FeedbackLoop.builder().store(newStore()).clock(clock)
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
        loop.register(Fixtures.survey());
        var ids = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            ids.addAll(loop.submit(Fixtures.response("r" + i, "c" + i, 2, null, T0)).followUpIds());
        }
        clock.advance(Duration.ofHours(49));
        var wins = new ConcurrentHashMap<String, AtomicInteger>();
        var conflicts = new AtomicInteger();
        var tasks = new ArrayList<Runnable>();
        for (String id : ids) {
            for (int attempt = 0; attempt < 4; attempt++) {
                String by = "agent-" + attempt;
                tasks.add(() -> {
                    try {
                        loop.followUps().contact(id, 1, Contact.of("phone", by, loop.now(), "note"));
                        wins.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    } catch (VersionConflictException e) {
                        conflicts.incrementAndGet();
                    }
                });
            }
        }
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> loop.followUps().escalateOverdue(clock.instant()));
        }
        Collections.shuffle(tasks, random);

        List<Throwable> failures = race(tasks);

        assertThat(failures).isEmpty();
        assertThat(conflicts.get()).isPositive();
        for (String id : ids) {
            FollowUp followUp = loop.followUps().followUp(id);
            boolean contacted = followUp.state() == FollowUpState.CONTACTED;
            assertThat(wins.getOrDefault(id, new AtomicInteger()).get()).isEqualTo(contacted ? 1 : 0);
            assertThat(followUp.escalations()).hasSizeLessThanOrEqualTo(1);
            assertThat(followUp.history()).hasSize(1 + followUp.escalations().size() + (contacted ? 1 : 0));
            assertThat(followUp.version()).isEqualTo(followUp.history().size());
        }
    }

    @Test
    void concurrentUpdatesWithTheSameVersion_exactlyOneIsStored() throws Exception {
        FeedbackStore store = newStore();
        var followUps = new ArrayList<FollowUp>();
        for (int i = 0; i < 20; i++) {
            FollowUp followUp = Fixtures.followUp("r" + i, "c" + i, "ana", Priority.HIGH, T0, Duration.ofHours(1));
            store.submit(new Submission(new StoredResponse(Fixtures.response("r" + i, "c" + i, 1, null, T0), T0),
                    List.of(followUp), List.of(), null, List.of()));
            followUps.add(followUp);
        }
        var stored = new AtomicInteger();
        var conflicts = new AtomicInteger();
        var tasks = new ArrayList<Runnable>();
        for (FollowUp followUp : followUps) {
            for (int t = 0; t < THREADS; t++) {
                String by = "agent-" + t;
                tasks.add(() -> {
                    try {
                        store.update(new FollowUpChange(followUp.contact(Contact.of("phone", by, T0, null)),
                                List.of(), List.of(new FeedbackEvent.FollowUpContacted(followUp.id(), by, "phone",
                                        followUp.customerId(), T0))));
                        stored.incrementAndGet();
                    } catch (VersionConflictException e) {
                        conflicts.incrementAndGet();
                    }
                });
            }
        }

        List<Throwable> failures = race(tasks);

        assertThat(failures).isEmpty();
        assertThat(stored.get()).isEqualTo(followUps.size());
        assertThat(conflicts.get()).isEqualTo(followUps.size() * (THREADS - 1));
        assertThat(store.pollOutbox(10_000)).hasSize(followUps.size());
        for (FollowUp followUp : followUps) {
            assertThat(store.findFollowUp(followUp.id()).orElseThrow().version()).isEqualTo(2);
        }
    }

    @Test
    void erasureRacingAFollowUpStep_leavesNoPersonalDataBehind() throws Exception {
        FeedbackStore store = newStore();
        MutableClock clock = MutableClock.at(T0);
        FeedbackLoop loop = FeedbackLoop.builder().store(store).clock(clock)
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
        loop.register(Fixtures.survey());
        int trials = 40;
        var leaks = new ArrayList<String>();
        for (int trial = 0; trial < trials; trial++) {
            String customer = "CUST-SECRET-" + trial;
            String id = loop.submit(Fixtures.response("r" + trial, customer, 2, null, T0)).followUpIds().get(0);
            List<Throwable> failures = race(List.of(
                    () -> {
                        try {
                            loop.followUps().contact(id, 1, Contact.of("phone", "ana", loop.now(), "NOTE-SECRET"));
                        } catch (VersionConflictException | IllegalTransitionException e) {
                            // the erasure came first: refused
                        }
                    },
                    () -> loop.eraseCustomer(customer)));
            assertThat(failures).isEmpty();
            FollowUp after = store.findFollowUp(id).orElseThrow();
            if (after.customerId() != null || after.toString().contains("NOTE-SECRET")
                    || !store.touches(customer).isEmpty()) {
                leaks.add(id);
            }
        }
        System.out.println(getClass().getSimpleName() + ": erasure racing a step left personal data in "
                + leaks.size() + " of " + trials + " trials");
        assertThat(leaks).isEmpty();
    }

    @Test
    void overlappingBatchesInOppositeOrders_storeEachResponseOnceAndNeitherCallerFails() throws Exception {
        FeedbackLoop loop = FeedbackLoop.builder().store(newStore()).clock(MutableClock.at(T0))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
        loop.register(Fixtures.survey());
        int rounds = 200;
        int failedRounds = 0;
        var failures = new ArrayList<Throwable>();
        for (int round = 0; round < rounds; round++) {
            var batch = new ArrayList<Response>();
            for (int i = 0; i < 10; i++) {
                batch.add(Fixtures.response("b" + round + "-" + i, "c" + i, i, null, T0));
            }
            var reversed = new ArrayList<>(batch);
            Collections.reverse(reversed);
            var receipts = new ConcurrentHashMap<String, List<Receipt>>();
            List<Throwable> failed = race(List.of(
                    () -> loop.submitAll(batch).forEach(r -> receipts.computeIfAbsent(r.responseId(),
                            k -> new CopyOnWriteArrayList<>()).add(r)),
                    () -> loop.submitAll(reversed).forEach(r -> receipts.computeIfAbsent(r.responseId(),
                            k -> new CopyOnWriteArrayList<>()).add(r))));
            if (!failed.isEmpty()) {
                failedRounds++;
                failures.addAll(failed);
                continue;
            }
            for (int i = 0; i < batch.size(); i++) {
                String id = batch.get(i).id();
                assertThat(receipts.get(id)).hasSize(2).allMatch(r -> r.equals(receipts.get(id).get(0)));
                assertThat(loop.followUps().ofResponse(id)).hasSize(i <= 6 ? 1 : 0);
            }
        }
        System.out.println(getClass().getSimpleName() + ": overlapping batches failed in " + failedRounds + " of "
                + rounds + " rounds" + (failures.isEmpty() ? "" : ", first: " + failures.get(0)));
        assertThat(failures).isEmpty();
    }

    @Test
    void perCustomerLimit_holdsWhenOneCustomerSubmitsFromManyThreadsAtOnce() throws Exception {
        FeedbackStore store = newStore();
        FeedbackLoop loop = FeedbackLoop.builder().store(store).clock(MutableClock.at(T0))
                .limits(SubmissionLimits.standard().withResponsesPerCustomer(3, Duration.ofHours(1))).build();
        loop.register(Fixtures.survey());
        int rounds = 20;
        var exceeded = new ArrayList<Integer>();
        for (int round = 0; round < rounds; round++) {
            String customer = "c" + round;
            var refused = new AtomicInteger();
            var tasks = new ArrayList<Runnable>();
            for (int t = 0; t < THREADS; t++) {
                String id = "l" + round + "-" + t;
                tasks.add(() -> {
                    try {
                        loop.submit(Fixtures.response(id, customer, 9, null, T0));
                    } catch (LimitExceededException e) {
                        refused.incrementAndGet();
                    }
                });
            }
            assertThat(race(tasks)).isEmpty();
            int stored = store.responsesOfCustomer(customer).size();
            if (stored != 3) {
                exceeded.add(stored);
            }
            assertThat(stored + refused.get()).isEqualTo(THREADS);
        }
        System.out.println(getClass().getSimpleName() + ": per-customer limit exceeded (more than 3 stored) in "
                + exceeded.size() + " of " + rounds + " rounds " + exceeded);
        assertThat(exceeded).isEmpty();
    }
}
