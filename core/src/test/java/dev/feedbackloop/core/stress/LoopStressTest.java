package dev.feedbackloop.core.stress;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackListener;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.ResponseConflictException;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoreTest;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.testing.Seeds;
import dev.feedbackloop.testing.StartGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The feedback loop under many threads at once, on every store: duplicates and conflicting variants of the same
 * responses, and agents and the escalation working the same follow-ups, all released together by one latch. What the
 * store must do under the same races is the store test kit's concurrency contract; here the loop's own part: each
 * caller gets a receipt or our exception, each event is delivered once, and follow-up histories are complete.
 */
@ExtendWith(Seeds.class)
final class LoopStressTest {

    private static final int THREADS = 8;

    private final StartGate gate = StartGate.of(THREADS);

    @AfterEach
    void stopThreads() {
        gate.close();
    }

    private static FeedbackLoop loop(FeedbackStore store, MutableClock clock, FeedbackListener listener) {
        FeedbackLoop loop = FeedbackLoop.builder().store(store).clock(clock)
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).listener(listener)
                .build();
        loop.register(Fixtures.survey());
        return loop;
    }

    @StoreTest
    void conflictingVariantsOfTheSameIds_exactlyOneWinsEachIdAndConflictsAreOurException(FeedbackStore store,
                                                                                          Random random)
            throws Exception {
        FeedbackLoop loop = loop(store, MutableClock.at(T0), FeedbackListener.noop());
        int ids = 30;
        int variants = 3;
        var attempts = new ArrayList<Response>();
        for (int i = 0; i < ids; i++) {
            for (int v = 0; v < variants; v++) {
                Response variant = Fixtures.response("r" + i, "c" + i, (i + v * 4) % 11, "variant " + v, T0,
                        Map.of("plan", "p" + v));
                attempts.add(variant);
                attempts.add(variant);
            }
        }
        Collections.shuffle(attempts, random);
        var receipts = new ConcurrentHashMap<String, List<Receipt>>();
        var conflicts = new ConcurrentHashMap<String, List<Response>>();
        var tasks = new ArrayList<Runnable>();
        for (Response attempt : attempts) {
            tasks.add(() -> {
                try {
                    receipts.computeIfAbsent(attempt.id(), k -> new CopyOnWriteArrayList<>())
                            .add(loop.submit(attempt));
                } catch (ResponseConflictException e) {
                    conflicts.computeIfAbsent(attempt.id(), k -> new CopyOnWriteArrayList<>()).add(attempt);
                }
            });
        }

        List<Throwable> unexpected = gate.race(tasks);

        assertThat(unexpected).isEmpty();
        int detractors = 0;
        for (int i = 0; i < ids; i++) {
            String id = "r" + i;
            Response stored = loop.findResponse(id).orElseThrow().response();
            assertThat(receipts.get(id)).as("receipts of %s", id).isNotEmpty()
                    .allMatch(r -> r.equals(receipts.get(id).get(0)));
            assertThat(conflicts.getOrDefault(id, List.of())).as("conflicts of %s", id)
                    .noneMatch(stored::equals);
            assertThat(receipts.get(id).size() + conflicts.getOrDefault(id, List.of()).size())
                    .isEqualTo(2 * variants);
            int nps = ((Answer.Rating) stored.answer("nps")).value();
            assertThat(loop.followUps().ofResponse(id)).hasSize(nps <= 6 ? 1 : 0);
            detractors += nps <= 6 ? 1 : 0;
        }
        assertThat(loop.followUps().find(FollowUpQuery.all().withLimit(10_000))).hasSize(detractors);
        assertThat(conflicts.values().stream().mapToInt(List::size).sum()).isPositive();
    }

    @StoreTest
    void submitWithDuplicates_deliversEveryEventOnceAndLosesNothing(FeedbackStore store, Random random)
            throws Exception {
        var accepted = new ConcurrentHashMap<String, AtomicInteger>();
        var opened = new ConcurrentHashMap<String, AtomicInteger>();
        FeedbackLoop loop = loop(store, MutableClock.at(T0), new FeedbackListener() {
            @Override
            public void onResponseAccepted(FeedbackEvent.ResponseAccepted event) {
                accepted.computeIfAbsent(event.responseId(), k -> new AtomicInteger()).incrementAndGet();
            }

            @Override
            public void onFollowUpOpened(FeedbackEvent.FollowUpOpened event) {
                opened.computeIfAbsent(event.followUpId(), k -> new AtomicInteger()).incrementAndGet();
            }
        });
        var responses = new ArrayList<Response>();
        int detractors = 0;
        for (int i = 0; i < 200; i++) {
            int nps = random.nextInt(11);
            detractors += nps <= 6 ? 1 : 0;
            responses.add(Fixtures.response("r" + i, "c" + (i % 37), nps, "text " + i, T0));
        }
        var submissions = new ArrayList<Response>(responses);
        submissions.addAll(responses);
        submissions.addAll(responses.subList(0, 100));
        Collections.shuffle(submissions, random);
        var receipts = new ConcurrentHashMap<String, List<Receipt>>();
        var tasks = new ArrayList<Runnable>();
        for (Response response : submissions) {
            tasks.add(() -> receipts.computeIfAbsent(response.id(), k -> new CopyOnWriteArrayList<>())
                    .add(loop.submit(response)));
        }

        List<Throwable> failures = gate.race(tasks);

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

    @StoreTest
    void workingTheSameFollowUps_exactlyOneWinsEachStepAndHistoriesAreComplete(FeedbackStore store, Random random)
            throws Exception {
        MutableClock clock = MutableClock.at(T0);
        FeedbackLoop loop = loop(store, clock, FeedbackListener.noop());
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

        List<Throwable> failures = gate.race(tasks);

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
}
