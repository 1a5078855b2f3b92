package dev.feedbackloop.store.tck;

import static dev.feedbackloop.store.tck.Fixtures.T0;
import static dev.feedbackloop.store.tck.Fixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.store.CustomerQuota;
import dev.feedbackloop.core.store.Erasure;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.FollowUpChange;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.core.store.SubmitResult;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The behaviour every {@link FeedbackStore} must show when many threads use it at once, as start-gate tests: eight
 * threads, released together by one latch, store the same and conflicting survey versions, submit the same and
 * conflicting responses, batches in opposite orders and one customer's responses against a quota, update the same
 * follow-ups, and erase a customer while a follow-up step runs. Nothing is lost, nothing doubled, exactly one caller
 * wins each race and the others are told so, and the outbox holds exactly the events of what was stored.
 * {@link FeedbackStoreContract} covers each operation alone.
 *
 * <p>To run it against a store, subclass it in the store's test sources and return a new, empty store from
 * {@link #newStore()}, which each test calls once; release what it opened in an {@code @AfterEach} method of the
 * subclass. Randomized tests take their seed from {@link Seeds}: it is fixed and printed, and
 * {@code -Dfeedbackloop.seed=N} replaces it. The tests that repeat a race (erasure against a step, overlapping
 * batches, the quota) print in how many rounds it went wrong before they fail, so that a rare race shows how rare it
 * is.
 *
 * <p>Not thread-safe: JUnit creates an instance per test.
 */
@ExtendWith(Seeds.class)
public abstract class StoreConcurrencyContract {

    private static final int THREADS = 8;

    private final StartGate gate = StartGate.of(THREADS);

    /** Creates the contract; JUnit calls this for each test. */
    protected StoreConcurrencyContract() {
    }

    /**
     * Returns a new, empty store; every test calls this once.
     *
     * @return the store
     */
    protected abstract FeedbackStore newStore();

    @AfterEach
    void stopThreads() {
        gate.close();
    }

    /** A submission of a response with its follow-up if it is a detractor's. */
    private static Submission asTheLoopWould(Response response) {
        return submission(response, T0, Fixtures.isDetractor(response)
                ? List.of(Fixtures.followUp(response.id(), response.respondent().customerId(), T0))
                : List.of());
    }

    /** Submits every attempt on its own thread, all released together; returns the results by response id. */
    private Map<String, List<SubmitResult>> submitAllAtOnce(FeedbackStore store, List<Submission> attempts)
            throws InterruptedException {
        var results = new ConcurrentHashMap<String, List<SubmitResult>>();
        var tasks = new ArrayList<Runnable>();
        for (Submission attempt : attempts) {
            tasks.add(() -> results.computeIfAbsent(attempt.response().id(), k -> new CopyOnWriteArrayList<>())
                    .add(store.submit(attempt)));
        }
        assertThat(gate.race(tasks)).as("what the submissions threw").isEmpty();
        return results;
    }

    private static List<FeedbackEvent> events(FeedbackStore store) {
        return store.pollOutbox(100_000).stream().map(OutboxEntry::event).toList();
    }

    @Test
    void sameSurveyFromEveryThread_isStoredOnceAndNoCallFails() throws Exception {
        FeedbackStore store = newStore();
        var tasks = new ArrayList<Runnable>();
        for (int i = 0; i < THREADS * 4; i++) {
            // equal values, not one shared instance, as separate callers would pass them
            tasks.add(() -> store.putSurvey(Fixtures.everyKindOfQuestion()));
        }

        assertThat(gate.race(tasks)).as("what the registrations threw").isEmpty();

        assertThat(store.surveys()).containsExactly(Fixtures.everyKindOfQuestion());
    }

    @Test
    void differentDefinitionsOfOneSurveyVersion_oneIsStoredAndEveryOtherIsAConflict() throws Exception {
        FeedbackStore store = newStore();
        var stored = new CopyOnWriteArrayList<Survey>();
        var tasks = new ArrayList<Runnable>();
        for (int i = 0; i < THREADS; i++) {
            Survey survey = Fixtures.survey("relationship", 1, "Definition " + i);
            tasks.add(() -> {
                store.putSurvey(survey);
                stored.add(survey);
            });
        }

        List<Throwable> failures = gate.race(tasks);

        assertThat(stored).as("the definitions stored without a conflict").hasSize(1);
        assertThat(failures).hasSize(THREADS - 1).allSatisfy(failure -> assertThat(failure)
                .isInstanceOfSatisfying(SurveyConflictException.class, e -> {
                    assertThat(e.surveyId()).isEqualTo("relationship");
                    assertThat(e.surveyVersion()).isEqualTo(1);
                }));
        assertThat(store.surveys()).containsExactlyElementsOf(stored);
    }

    @Test
    void newVersionsFromEveryThread_areAllStored() throws Exception {
        FeedbackStore store = newStore();
        var expected = new ArrayList<Survey>();
        var tasks = new ArrayList<Runnable>();
        for (int version = 1; version <= THREADS * 4; version++) {
            Survey survey = Fixtures.survey("relationship", version, "Version " + version);
            expected.add(survey);
            // each version twice, so that duplicates race with new versions
            tasks.add(() -> store.putSurvey(survey));
            tasks.add(() -> store.putSurvey(survey));
        }

        assertThat(gate.race(tasks)).as("what the registrations threw").isEmpty();

        assertThat(store.surveys()).containsExactlyElementsOf(expected);
    }

    @Test
    void duplicateSubmissions_storeEachResponseOnceWithItsFollowUpsAndEvents(Random random) throws Exception {
        FeedbackStore store = newStore();
        var submissions = new ArrayList<Submission>();
        for (int i = 0; i < 200; i++) {
            submissions.add(asTheLoopWould(Fixtures.response("r" + i, "c" + (i % 37), random.nextInt(11),
                    "text " + i, T0)));
        }
        var attempts = new ArrayList<Submission>(submissions);
        attempts.addAll(submissions);
        attempts.addAll(submissions.subList(0, 100));
        Collections.shuffle(attempts, random);

        Map<String, List<SubmitResult>> results = submitAllAtOnce(store, attempts);

        for (Submission submission : submissions) {
            String id = submission.response().id();
            assertThat(store.findResponse(id)).contains(submission.response());
            assertThat(store.followUpsOfResponse(id)).isEqualTo(submission.followUps());
            assertThat(results.get(id)).as(id).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(result -> {
                        assertThat(result.response()).isEqualTo(submission.response());
                        assertThat(result.followUps()).isEqualTo(submission.followUps());
                    })
                    .filteredOn(SubmitResult::stored).hasSize(1);
        }
        List<FeedbackEvent> outbox = events(store);
        assertThat(outbox).filteredOn(FeedbackEvent.ResponseAccepted.class::isInstance).hasSize(submissions.size())
                .extracting(e -> ((FeedbackEvent.ResponseAccepted) e).responseId()).doesNotHaveDuplicates();
        assertThat(outbox).filteredOn(FeedbackEvent.FollowUpOpened.class::isInstance)
                .hasSize((int) submissions.stream().filter(s -> !s.followUps().isEmpty()).count());
    }

    @Test
    void conflictingVariantsOfTheSameIds_storeExactlyOneEachAndEveryCallerSeesIt(Random random) throws Exception {
        FeedbackStore store = newStore();
        int ids = 30;
        var attempts = new ArrayList<Submission>();
        for (int i = 0; i < ids; i++) {
            for (int v = 0; v < 3; v++) {
                Submission variant = asTheLoopWould(Fixtures.response("r" + i, "c" + i, (i + v * 4) % 11,
                        "variant " + v, T0, Map.of("plan", "p" + v)));
                attempts.add(variant);
                attempts.add(variant);
            }
        }
        Collections.shuffle(attempts, random);

        Map<String, List<SubmitResult>> results = submitAllAtOnce(store, attempts);

        int followUps = 0;
        for (int i = 0; i < ids; i++) {
            String id = "r" + i;
            Submission winner = attempts.stream().filter(a -> a.response().equals(store.findResponse(id)
                    .orElseThrow())).findFirst().orElseThrow();
            assertThat(results.get(id)).as(id).hasSize(6)
                    .allSatisfy(result -> {
                        assertThat(result.response()).isEqualTo(winner.response());
                        assertThat(result.followUps()).isEqualTo(winner.followUps());
                    })
                    .filteredOn(SubmitResult::stored).hasSize(1);
            assertThat(store.followUpsOfResponse(id)).isEqualTo(winner.followUps());
            assertThat(store.touches("c" + i)).hasSize(1);
            assertThat(store.findCustomer("c" + i)).contains(winner.newCustomer());
            followUps += winner.followUps().size();
        }
        assertThat(store.followUps(FollowUpQuery.all().withLimit(10_000))).hasSize(followUps);
        List<FeedbackEvent> outbox = events(store);
        assertThat(outbox).filteredOn(FeedbackEvent.ResponseAccepted.class::isInstance).hasSize(ids);
        assertThat(outbox).filteredOn(FeedbackEvent.FollowUpOpened.class::isInstance).hasSize(followUps);
    }

    @Test
    void concurrentUpdatesWithTheSameVersion_exactlyOneIsStored() throws Exception {
        FeedbackStore store = newStore();
        var followUps = new ArrayList<FollowUp>();
        for (int i = 0; i < 20; i++) {
            Submission submission = Fixtures.detractor("r" + i, "c" + i, T0);
            store.submit(submission);
            followUps.add(submission.followUps().get(0));
        }
        store.acknowledge(store.pollOutbox(1_000).stream().map(OutboxEntry::sequence).toList());
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

        List<Throwable> failures = gate.race(tasks);

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
        int trials = 40;
        var leaks = new ArrayList<String>();
        for (int trial = 0; trial < trials; trial++) {
            String customer = "CUST-SECRET-" + trial;
            Submission submission = Fixtures.detractor("r" + trial, customer, T0);
            store.submit(submission);
            FollowUp read = submission.followUps().get(0);
            FollowUpChange step = new FollowUpChange(read.contact(Contact.of("phone", "ana", T0, "NOTE-SECRET")),
                    List.of(Touch.contact(customer, TouchKind.FOLLOW_UP_CONTACT, T0, "ana", "NOTE-SECRET")),
                    List.of(new FeedbackEvent.FollowUpContacted(read.id(), "ana", "phone", customer, T0)));
            List<Throwable> failures = gate.race(List.of(
                    () -> {
                        try {
                            store.update(step);
                        } catch (VersionConflictException e) {
                            // the erasure came first: refused
                        }
                    },
                    () -> store.eraseCustomer(Erasure.of(customer, T0))));
            assertThat(failures).isEmpty();
            FollowUp after = store.findFollowUp(read.id()).orElseThrow();
            if (after.customerId() != null || after.toString().contains("NOTE-SECRET")
                    || !store.touches(customer).isEmpty()
                    || events(store).stream().anyMatch(e -> customer.equals(e.customerId()))) {
                leaks.add(read.id());
            }
        }
        System.out.println(getClass().getName() + ": erasure racing a step left personal data in " + leaks.size()
                + " of " + trials + " trials");
        assertThat(leaks).isEmpty();
    }

    @Test
    void overlappingBatchesInOppositeOrders_storeEachResponseOnceAndNeitherCallerFails() throws Exception {
        FeedbackStore store = newStore();
        int rounds = 200;
        int failedRounds = 0;
        var failures = new ArrayList<Throwable>();
        for (int round = 0; round < rounds; round++) {
            var batch = new ArrayList<Submission>();
            for (int i = 0; i < 10; i++) {
                batch.add(asTheLoopWould(Fixtures.response("b" + round + "-" + i, "c" + i, i, null, T0)));
            }
            var reversed = new ArrayList<>(batch);
            Collections.reverse(reversed);
            var results = new ConcurrentHashMap<String, List<SubmitResult>>();
            List<Throwable> failed = gate.race(List.of(
                    () -> store.submitAll(batch).forEach(r -> results.computeIfAbsent(r.response().id(),
                            k -> new CopyOnWriteArrayList<>()).add(r)),
                    () -> store.submitAll(reversed).forEach(r -> results.computeIfAbsent(r.response().id(),
                            k -> new CopyOnWriteArrayList<>()).add(r))));
            if (!failed.isEmpty()) {
                failedRounds++;
                failures.addAll(failed);
                continue;
            }
            for (Submission submission : batch) {
                String id = submission.response().id();
                assertThat(results.get(id)).as(id).hasSize(2)
                        .allSatisfy(r -> assertThat(r.response()).isEqualTo(submission.response()))
                        .filteredOn(SubmitResult::stored).hasSize(1);
                assertThat(store.followUpsOfResponse(id)).isEqualTo(submission.followUps());
            }
        }
        System.out.println(getClass().getName() + ": overlapping batches failed in " + failedRounds + " of "
                + rounds + " rounds" + (failures.isEmpty() ? "" : ", first: " + failures.get(0)));
        assertThat(failures).isEmpty();
    }

    @Test
    void perCustomerLimit_holdsWhenOneCustomerSubmitsFromManyThreadsAtOnce() throws Exception {
        FeedbackStore store = newStore();
        var quota = new CustomerQuota(3, Duration.ofHours(1), T0);
        int rounds = 20;
        var exceeded = new ArrayList<Integer>();
        for (int round = 0; round < rounds; round++) {
            String customer = "c" + round;
            var refused = new AtomicInteger();
            var tasks = new ArrayList<Runnable>();
            for (int t = 0; t < THREADS; t++) {
                Submission submission = Fixtures.withQuota(Fixtures.response("l" + round + "-" + t, customer, 9,
                        null, T0), quota);
                tasks.add(() -> {
                    try {
                        store.submit(submission);
                    } catch (LimitExceededException e) {
                        refused.incrementAndGet();
                    }
                });
            }
            assertThat(gate.race(tasks)).isEmpty();
            int stored = store.responsesOfCustomer(customer).size();
            if (stored != 3) {
                exceeded.add(stored);
            }
            assertThat(stored + refused.get()).isEqualTo(THREADS);
        }
        System.out.println(getClass().getName() + ": per-customer quota exceeded (more than 3 stored) in "
                + exceeded.size() + " of " + rounds + " rounds " + exceeded);
        assertThat(exceeded).isEmpty();
    }
}
