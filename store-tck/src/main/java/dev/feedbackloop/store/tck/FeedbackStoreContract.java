package dev.feedbackloop.store.tck;

import java.util.Objects;
import static dev.feedbackloop.store.tck.Fixtures.T0;
import static dev.feedbackloop.store.tck.Fixtures.submission;
import static dev.feedbackloop.store.tck.Fixtures.withQuota;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerActivity;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.Closure;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.Escalation;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpAction;
import dev.feedbackloop.core.followup.FollowUpConflictException;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.FollowUpCursor;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.followup.HistoryEntry;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.store.CustomerQuota;
import dev.feedbackloop.core.store.Erasure;
import dev.feedbackloop.core.store.ErasureReport;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.FollowUpChange;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.core.store.SubmitResult;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
import dev.feedbackloop.testing.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The behaviour every {@link FeedbackStore} must show, as JUnit 5 tests of the store interface: what each operation
 * stores, returns and refuses (survey versions too), atomicity (a failing write writes nothing), the outbox,
 * optimistic versions and erasure. {@link StoreConcurrencyContract} is its companion for many threads at once.
 *
 * <p>To run it against a store, subclass it in the store's test sources and return a new, empty store from
 * {@link #newStore()}, which every test calls once before it starts:
 *
 * <pre>{@code
 * final class MyStoreContractTest extends FeedbackStoreContract {
 *     @Override
 *     protected FeedbackStore newStore() {
 *         return MyStore.over(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>Release what {@code newStore()} opened in an {@code @AfterEach} method of the subclass. The subclass may add
 * tests of its own; {@link #store()} is the store under test. The data: responses to one NPS survey (id
 * {@code relationship}, version 1), follow-ups under the rule {@code nps-detractor}; every instant is whole
 * microseconds, the precision a store must keep, except where a test checks that a response's own
 * {@code submittedAt} keeps its nanoseconds. The randomized tests take their seeds from {@link Seeds}: each is fixed and
 * printed, and {@code -Dfeedbackloop.seed=N} replaces it.
 *
 * <p>Not thread-safe: JUnit creates an instance per test.
 */
@ExtendWith(Seeds.class)
public abstract class FeedbackStoreContract {

    /** When the contract's erasures happen. */
    static final Instant ERASED_AT = T0.plus(Duration.ofDays(30));

    private @Nullable FeedbackStore current;

    /** Creates the contract; JUnit calls this for each test. */
    protected FeedbackStoreContract() {
    }

    /**
     * Returns a new, empty store; every test calls this once, before it starts.
     *
     * @return the store
     */
    protected abstract FeedbackStore newStore();

    /**
     * Returns the store under test, the one {@link #newStore()} returned for this test.
     *
     * @return the store
     */
    protected final FeedbackStore store() {
        if (current == null) {
            throw new IllegalStateException("no store yet: store() is for tests, after newStore() was called");
        }
        return current;
    }

    @BeforeEach
    void createStore() {
        current = newStore();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Stores a detractor response of a customer with one follow-up and returns the follow-up. */
    FollowUp submitDetractor(String responseId, @Nullable String customer, Instant at) {
        store().submit(Fixtures.detractor(responseId, customer, at));
        return Fixtures.followUp(responseId, customer, at);
    }

    /** Erases a customer from the store under test, with no taxonomy. */
    ErasureReport erase(String customerId) {
        return store().eraseCustomer(Erasure.of(customerId, ERASED_AT));
    }

    FollowUp apply(FollowUp updated) {
        return store().update(new FollowUpChange(updated, List.of(), List.of()));
    }

    List<FeedbackEvent> outboxEvents() {
        return store().pollOutbox(1_000).stream().map(OutboxEntry::event).toList();
    }

    // ---- surveys --------------------------------------------------------------------------------------------

    @Nested
    class Surveys {

        @Test
        void surveys_ofANewStore_isEmpty() {
            assertThat(store().surveys()).isEmpty();
        }

        @Test
        void putSurvey_keepsEveryPartOfTheDefinition() {
            Survey survey = Fixtures.everyKindOfQuestion();

            store().putSurvey(survey);

            assertThat(store().surveys()).containsExactly(survey);
        }

        @Test
        void surveys_areOrderedByIdThenVersionAsNumbers() {
            Survey b10 = Fixtures.survey("b", 10, "B ten");
            Survey a1 = Fixtures.survey("a", 1, "A one");
            Survey b2 = Fixtures.survey("b", 2, "B two");
            Survey upper = Fixtures.survey("B", 1, "upper-case B");
            Survey a3 = Fixtures.survey("a", 3, "A three");

            for (Survey survey : List.of(b10, a1, b2, upper, a3)) {
                store().putSurvey(survey);
            }

            assertThat(store().surveys()).containsExactly(upper, a1, a3, b2, b10);
        }

        @Test
        void putSurvey_sameDefinitionAgain_keepsOne() {
            Survey survey = Fixtures.survey("relationship", 1, "How are we doing?");
            store().putSurvey(survey);

            store().putSurvey(Fixtures.survey("relationship", 1, "How are we doing?"));

            assertThat(store().surveys()).containsExactly(survey);
        }

        @Test
        void putSurvey_otherDefinitionUnderTheSameIdAndVersion_isAConflictAndKeepsTheFirst() {
            Survey first = Fixtures.survey("relationship", 1, "How are we doing?");
            store().putSurvey(first);

            assertThatThrownBy(() -> store().putSurvey(Fixtures.survey("relationship", 1, "How did we do?")))
                    .isInstanceOfSatisfying(SurveyConflictException.class, e -> {
                        assertThat(e.surveyId()).isEqualTo("relationship");
                        assertThat(e.surveyVersion()).isEqualTo(1);
                    });
            assertThat(store().surveys()).containsExactly(first);
        }

        @Test
        void putSurvey_newVersionOrOtherId_isStoredBesideTheFirst() {
            Survey first = Fixtures.survey("relationship", 1, "How are we doing?");
            Survey second = Fixtures.survey("relationship", 2, "How did we do?");
            Survey other = Fixtures.survey("support", 1, "How did we do?");

            store().putSurvey(first);
            store().putSurvey(second);
            store().putSurvey(other);

            assertThat(store().surveys()).containsExactly(first, second, other);
        }

        @Test
        void surveys_areNotResponses_andResponsesAreNotSurveys() {
            Survey survey = Fixtures.survey(Fixtures.SURVEY, 1, "How are we doing?");
            store().putSurvey(survey);
            store().submit(Fixtures.detractor("r1", "c1", T0));

            assertThat(store().surveys()).containsExactly(survey);
            var streamed = new ArrayList<StoredResponse>();
            store().forEachResponse(Fixtures.SURVEY, streamed::add);
            assertThat(streamed).extracting(StoredResponse::id).containsExactly("r1");
        }
    }

    // ---- responses ------------------------------------------------------------------------------------------

    @Nested
    class Responses {

        @Test
        void submit_newResponse_storesResponseAndFollowUps() {
            FollowUp followUp = Fixtures.followUp("r1", "c1", T0);
            Response response = Fixtures.response("r1", "c1", 3, "slow", T0);

            SubmitResult result = store().submit(submission(response, T0, List.of(followUp)));

            assertThat(result.stored()).isTrue();
            assertThat(store().findResponse("r1")).contains(new StoredResponse(response, T0));
            assertThat(store().followUpsOfResponse("r1")).containsExactly(followUp);
            assertThat(store().findFollowUp(followUp.id())).contains(followUp);
        }

        @Test
        void submit_existingId_writesNothingAndReturnsTheStoredResponse() {
            FollowUp followUp = submitDetractor("r1", "c1", T0);
            int eventsBefore = outboxEvents().size();
            Response other = Fixtures.response("r1", "c2", 10, null, T0.plusSeconds(5));

            SubmitResult result = store().submit(submission(other, T0.plusSeconds(5), List.of()));

            assertThat(result.stored()).isFalse();
            assertThat(result.response().response().respondent().customerId()).isEqualTo("c1");
            assertThat(result.followUps()).containsExactly(followUp);
            assertThat(outboxEvents()).hasSize(eventsBefore);
            assertThat(store().touches("c2")).isEmpty();
            assertThat(store().findCustomer("c2")).isEmpty();
        }

        @Test
        void submit_failingPart_writesNothingAtAll() {
            submitDetractor("r1", "c1", T0);
            int eventsBefore = outboxEvents().size();
            FollowUp clash = FollowUp.open("r2", Fixtures.SURVEY, "x", "x", Priority.LOW, "ana", "c2", Map.of(), T0,
                    T0, null);
            // a follow-up id that already exists makes the whole submission fail
            FollowUp existing = store().followUpsOfResponse("r1").get(0);
            FollowUp reused = new FollowUp(existing.id(), 1, "r2", Fixtures.SURVEY, "nps-detractor", "x",
                    Priority.LOW, "ana", "c2", Map.of(), T0, T0, null, FollowUpState.OPEN, null, null, null, null,
                    List.of(), existing.history());

            assertThatThrownBy(() -> store().submit(submission(Fixtures.response("r2", "c2", 1, "x", T0), T0,
                    List.of(clash, reused)))).isInstanceOf(RuntimeException.class);

            assertThat(store().findResponse("r2")).isEmpty();
            assertThat(store().findFollowUp(clash.id())).isEmpty();
            assertThat(store().touches("c2")).isEmpty();
            assertThat(store().findCustomer("c2")).isEmpty();
            assertThat(outboxEvents()).hasSize(eventsBefore);
        }

        @Test
        void findResponse_unknownId_isEmpty() {
            assertThat(store().findResponse("nope")).isEmpty();
        }

        @Test
        void responseWithoutFollowUps_hasNone() {
            store().submit(submission(Fixtures.response("r1", null, 10, null, T0), T0, List.of()));

            assertThat(store().followUpsOfResponse("r1")).isEmpty();
        }

        @Test
        void forEachResponse_streamsOneSurveyInOrderOfReceipt() {
            store().submit(submission(Fixtures.response("b", null, 9, null, T0), T0.plusSeconds(20), List.of()));
            store().submit(submission(Fixtures.response("a", null, 8, null, T0), T0.plusSeconds(10), List.of()));
            store().submit(submission(Fixtures.response("c", null, 7, null, T0), T0.plusSeconds(20), List.of()));
            var seen = new ArrayList<String>();

            store().forEachResponse(Fixtures.SURVEY, r -> seen.add(r.id()));
            store().forEachResponse("other-survey", r -> seen.add("unexpected"));

            assertThat(seen).containsExactly("a", "b", "c");
        }

        @Test
        void forEachResponse_inATimeRange_streamsTheSurveysResponsesSubmittedInItInOrderOfSubmission() {
            // submitted at T0 + 0, 10, 20, 30 s and received in another order; "x" answers another survey in range
            store().submit(submission(Fixtures.response("d", null, 9, null, T0.plusSeconds(30)), T0, List.of()));
            store().submit(submission(Fixtures.response("b", null, 9, null, T0.plusSeconds(10)), T0.plusSeconds(1),
                    List.of()));
            store().submit(submission(Fixtures.response("c", null, 9, null, T0.plusSeconds(20)), T0.plusSeconds(2),
                    List.of()));
            store().submit(submission(Fixtures.response("a", null, 9, null, T0), T0.plusSeconds(3), List.of()));
            store().submit(submission(new Response("x", "other-survey", 1, new Respondent(null, Map.of()),
                    T0.plusSeconds(15), "web", Map.of(), List.of()), T0, List.of()));

            assertThat(submittedIn(T0.plusSeconds(10), T0.plusSeconds(30))).containsExactly("b", "c");
            assertThat(submittedIn(T0, T0.plusSeconds(31))).containsExactly("a", "b", "c", "d");
            assertThat(submittedIn(T0.plusSeconds(11), T0.plusSeconds(20))).isEmpty();
            assertThat(submittedIn(T0.plusSeconds(10), T0.plusSeconds(10))).isEmpty();
        }

        @Test
        void forEachResponse_inATimeRange_comparesTheSubmittedTimeToTheNanosecond() {
            Instant submitted = T0.plusNanos(1_000_500);
            store().submit(submission(Fixtures.response("r1", null, 9, null, submitted), T0, List.of()));

            assertThat(submittedIn(submitted, submitted.plusNanos(1))).containsExactly("r1");
            assertThat(submittedIn(T0, submitted)).isEmpty();
            assertThat(submittedIn(submitted.plusNanos(1), T0.plusSeconds(1))).isEmpty();
            assertThat(submittedIn(submitted.minusNanos(1), submitted.plusNanos(1))).containsExactly("r1");
        }

        @Test
        void forEachResponse_rangeEndingBeforeItStarts_isRefused() {
            assertThatThrownBy(() -> store().forEachResponse(Fixtures.SURVEY, T0, T0.minusNanos(1), r -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        /** The ids of the survey's responses submitted in {@code [from, to)}, as the store streams them. */
        List<String> submittedIn(Instant from, Instant to) {
            var seen = new ArrayList<String>();
            store().forEachResponse(Fixtures.SURVEY, from, to, r -> seen.add(r.id()));
            return seen;
        }

        @Test
        void responsesOfCustomer_areOrderedBySubmission() {
            store().submit(submission(Fixtures.response("late", "c1", 9, null, T0.plusSeconds(100)), T0,
                    List.of()));
            store().submit(submission(Fixtures.response("early", "c1", 2, null, T0), T0.plusSeconds(1), List.of()));
            store().submit(submission(Fixtures.response("other", "c2", 2, null, T0), T0, List.of()));

            assertThat(store().responsesOfCustomer("c1")).extracting(StoredResponse::id)
                    .containsExactly("early", "late");
        }

        @Test
        void storedResponse_roundTripsEveryAnswerKind() {
            Response response = new Response("r1", Fixtures.SURVEY, 1,
                    Respondent.of("c1", Map.of("plan", "pro", "region", "EU")),
                    Instant.parse("2024-03-04T09:00:00.123456Z"), "email",
                    Map.of("nps", Answer.rating(0), "why", Answer.text("ünïcode ✓ 😀 \"quoted\"\nline"),
                            "pick", new Answer.Choice(List.of("b", "a"), "other text"),
                            "yes", Answer.yesNo(true)),
                    List.of("nps", "why"));

            store().submit(submission(response, T0, List.of()));

            assertThat(store().findResponse("r1")).contains(new StoredResponse(response, T0));
        }

        @Test
        void submit_sameResponseWithNanosecondsAgain_returnsItAsStored() {
            Response response = Fixtures.response("r1", "c1", 3, "slow",
                    Instant.parse("2024-03-04T09:00:00.123456789Z"));
            store().submit(submission(response, T0, List.of()));

            SubmitResult again = store().submit(submission(response, T0.plusSeconds(1), List.of()));

            assertThat(again.stored()).isFalse();
            assertThat(again.response().response()).isEqualTo(response);
            assertThat(again.response().response().submittedAt().getNano()).isEqualTo(123_456_789);
        }
    }

    // ---- batches --------------------------------------------------------------------------------------------

    @Nested
    class Batches {

        @Test
        void submitAll_storesEverySubmission_andReportsTheOutboxEntriesItAppended() {
            FollowUp followUp = Fixtures.followUp("r1", "c1", T0);
            List<Submission> batch = List.of(
                    submission(Fixtures.response("r1", "c1", 3, "slow", T0), T0, List.of(followUp)),
                    submission(Fixtures.response("r2", null, 10, null, T0), T0, List.of()));

            List<SubmitResult> results = store().submitAll(batch);

            assertThat(results).extracting(SubmitResult::stored).containsExactly(true, true);
            assertThat(results.get(0).followUps()).containsExactly(followUp);
            var events = new ArrayList<FeedbackEvent>(batch.get(0).events());
            events.addAll(batch.get(1).events());
            assertThat(store().pollOutbox(100)).extracting(OutboxEntry::event).containsExactlyElementsOf(events);
            assertThat(store().findResponse("r2")).isPresent();
            assertThat(store().findFollowUp(followUp.id())).contains(followUp);
            assertThat(store().touches("c1")).hasSize(1);
            assertThat(store().findCustomer("c1")).isPresent();
        }

        @Test
        void submit_appendsItsEventsToTheOutboxInOrder() {
            Submission submission = submission(Fixtures.response("r1", "c1", 3, "slow", T0), T0,
                    List.of(Fixtures.followUp("r1", "c1", T0)));

            store().submit(submission);

            assertThat(store().pollOutbox(10)).extracting(OutboxEntry::event)
                    .containsExactlyElementsOf(submission.events());
        }

        @Test
        void submitAll_idRepeatedInsideTheBatch_storesTheFirstAndReportsItForTheSecond() {
            Response first = Fixtures.response("r1", "c1", 9, null, T0);
            Response second = Fixtures.response("r1", "c2", 2, "other", T0);

            List<SubmitResult> results = store().submitAll(List.of(submission(first, T0, List.of()),
                    submission(second, T0.plusSeconds(1), List.of())));

            assertThat(results.get(0).stored()).isTrue();
            assertThat(results.get(1).stored()).isFalse();
            assertThat(results.get(1).response()).isEqualTo(new StoredResponse(first, T0));
            assertThat(store().findResponse("r1")).contains(new StoredResponse(first, T0));
            assertThat(outboxEvents()).hasSize(1);
            assertThat(store().findCustomer("c2")).isEmpty();
        }

        @Test
        void submitAll_idAlreadyStored_writesNothingForItAndStoresTheRest() {
            FollowUp existing = submitDetractor("r1", "c1", T0);
            int eventsBefore = outboxEvents().size();

            List<SubmitResult> results = store().submitAll(List.of(
                    submission(Fixtures.response("r1", "c9", 10, null, T0), T0, List.of()),
                    submission(Fixtures.response("r2", "c2", 10, null, T0), T0, List.of())));

            assertThat(results.get(0).stored()).isFalse();
            assertThat(results.get(0).response().response().respondent().customerId()).isEqualTo("c1");
            assertThat(results.get(0).followUps()).containsExactly(existing);
            assertThat(results.get(1).stored()).isTrue();
            assertThat(outboxEvents()).hasSize(eventsBefore + 1);
            assertThat(store().findCustomer("c9")).isEmpty();
        }

        @Test
        void submitAll_failingPart_writesNothingOfTheBatch() {
            FollowUp taken = submitDetractor("r1", "c1", T0);
            int eventsBefore = outboxEvents().size();
            FollowUp reused = new FollowUp(taken.id(), 1, "r3", Fixtures.SURVEY, "nps-detractor", "x", Priority.LOW,
                    "ana", "c3", Map.of(), T0, T0, null, FollowUpState.OPEN, null, null, null, null, List.of(),
                    taken.history());

            assertThatThrownBy(() -> store().submitAll(List.of(
                    submission(Fixtures.response("r2", "c2", 10, null, T0), T0, List.of()),
                    submission(Fixtures.response("r3", "c3", 1, "x", T0), T0, List.of(reused)))))
                    .isInstanceOfSatisfying(FollowUpConflictException.class,
                            e -> assertThat(e.followUpIds()).containsExactly(taken.id()));

            assertThat(store().findResponse("r2")).isEmpty();
            assertThat(store().findResponse("r3")).isEmpty();
            assertThat(store().findCustomer("c2")).isEmpty();
            assertThat(store().touches("c2")).isEmpty();
            assertThat(outboxEvents()).hasSize(eventsBefore);
        }

        @Test
        void quota_countsTheBatchAndRefusesNothingOfAResubmission() {
            var quota = new CustomerQuota(2, Duration.ofHours(1), T0.plusSeconds(10));
            Submission first = withQuota(Fixtures.response("r1", "c1", 9, null, T0), quota);
            store().submit(first);

            assertThat(store().submit(first).stored()).isFalse();
            assertThatThrownBy(() -> store().submitAll(List.of(
                    withQuota(Fixtures.response("r2", "c1", 9, null, T0), quota),
                    withQuota(Fixtures.response("r3", "c1", 9, null, T0), quota))))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                        assertThat(e.responseId()).isEqualTo("r3");
                        assertThat(e.limit()).isEqualTo(LimitExceededException.Limit.RESPONSES_PER_CUSTOMER);
                    });
            assertThat(store().findResponse("r2")).isEmpty();
            assertThat(store().submit(withQuota(Fixtures.response("r2", "c1", 9, null, T0), quota)).stored()).isTrue();
            assertThat(store().submit(first).stored()).isFalse();
            assertThat(store().submitAll(List.of(first, withQuota(Fixtures.response("r2", "c1", 9, null, T0), quota))))
                    .extracting(SubmitResult::stored).containsExactly(false, false);
            assertThat(store().submit(withQuota(Fixtures.response("r9", "c1", 9, null, T0),
                    new CustomerQuota(2, Duration.ofSeconds(5), T0.plusSeconds(10)))).stored()).isTrue();
        }

        @Test
        void submitAll_emptyBatch_returnsNothing() {
            assertThat(store().submitAll(List.of())).isEmpty();
        }

        @Test
        void submitAll_randomBatchesWithRepeats_storeEachIdOnceWithItsFollowUpsAndEvents(Random random) {
            var pool = new ArrayList<Submission>();
            for (int i = 0; i < 40; i++) {
                Response response = Fixtures.response("r" + i, random.nextBoolean() ? null : "c" + random.nextInt(5),
                        random.nextInt(11), random.nextBoolean() ? "text " + i : null, T0);
                pool.add(submission(response, T0, Fixtures.isDetractor(response)
                        ? List.of(Fixtures.followUp(response.id(), response.respondent().customerId(), T0))
                        : List.of()));
            }
            var first = new HashMap<String, SubmitResult>();
            var appended = new ArrayList<FeedbackEvent>();
            for (int round = 0; round < 6; round++) {
                var batch = new ArrayList<Submission>();
                int size = random.nextInt(12);
                for (int i = 0; i < size; i++) {
                    batch.add(pool.get(random.nextInt(pool.size())));
                }

                List<SubmitResult> results = store().submitAll(batch);

                assertThat(results).hasSameSizeAs(batch);
                for (int i = 0; i < batch.size(); i++) {
                    Submission submission = batch.get(i);
                    SubmitResult result = results.get(i);
                    boolean isNew = first.putIfAbsent(submission.response().id(), result) == null;
                    assertThat(result.stored()).as("round %d, %s", round, submission.response().id()).isEqualTo(isNew);
                    assertThat(result.response()).isEqualTo(submission.response());
                    assertThat(result.followUps()).isEqualTo(submission.followUps());
                    if (isNew) {
                        appended.addAll(submission.events());
                    }
                }
            }

            List<FeedbackEvent> outbox = outboxEvents();
            assertThat(outbox).as("the events of each new response, in the order of the batches")
                    .containsExactlyElementsOf(appended);
            assertThat(outbox).filteredOn(FeedbackEvent.ResponseAccepted.class::isInstance)
                    .extracting(e -> ((FeedbackEvent.ResponseAccepted) e).responseId())
                    .containsExactlyInAnyOrderElementsOf(first.keySet());
            assertThat(outbox).filteredOn(FeedbackEvent.FollowUpOpened.class::isInstance)
                    .hasSize((int) first.values().stream().filter(r -> !r.followUps().isEmpty()).count());
        }

        @Test
        void findResponses_returnsTheStoredOnes() {
            submitDetractor("r1", "c1", T0);
            submitDetractor("r2", "c2", T0);

            assertThat(store().findResponses(List.of("r1", "nope", "r2")))
                    .containsOnlyKeys("r1", "r2")
                    .hasEntrySatisfying("r1", r -> assertThat(r.id()).isEqualTo("r1"));
        }
    }

    // ---- follow-ups -----------------------------------------------------------------------------------------

    @Nested
    class FollowUps {

        @Test
        void update_withTheStoredVersion_replacesTheFollowUp() {
            FollowUp opened = submitDetractor("r1", "c1", T0);
            FollowUp contacted = opened.contact(Contact.of("phone", "ana", T0.plusSeconds(60), "called back"));

            FollowUp stored = apply(contacted);

            assertThat(stored).isEqualTo(contacted);
            assertThat(store().findFollowUp(opened.id())).contains(contacted);
        }

        @Test
        void update_withAStaleVersion_throwsAndWritesNothing() {
            FollowUp opened = submitDetractor("r1", "c1", T0);
            FollowUp contacted = apply(opened.contact(Contact.of("phone", "ana", T0.plusSeconds(60), null)));
            int eventsBefore = outboxEvents().size();
            FollowUp stale = opened.close(Closure.of("no-answer", "bob", T0.plusSeconds(90), null));

            assertThatThrownBy(() -> store().update(new FollowUpChange(stale, List.of(), List.of(
                    new FeedbackEvent.FollowUpClosed(stale.id(), "bob", "no-answer", "c1", T0)))))
                    .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                        assertThat(e.expectedVersion()).isEqualTo(1);
                        assertThat(e.actualVersion()).isEqualTo(2);
                    });
            assertThat(store().findFollowUp(opened.id())).contains(contacted);
            assertThat(outboxEvents()).hasSize(eventsBefore);
        }

        @Test
        void update_unknownFollowUp_throwsNotFound() {
            FollowUp never = Fixtures.followUp("r9", null, T0).pause("ana", T0, null);

            assertThatThrownBy(() -> apply(never)).isInstanceOf(NotFoundException.class);
        }

        @Test
        void everyField_roundTrips() {
            FollowUp opened = submitDetractor("r1", "c1", T0);
            FollowUp worked = opened
                    .escalate(new Escalation(DeadlineKind.FIRST_CONTACT, opened.firstContactDue(), 0, "ana",
                            opened.firstContactDue().plusSeconds(1)))
                    .contact(Contact.of("phone", "ana", T0.plus(Duration.ofHours(50)), "note 1"))
                    .pause("ana", T0.plus(Duration.ofHours(51)), "waiting")
                    .resume("ana", T0.plus(Duration.ofHours(52)), opened.firstContactDue(),
                            T0.plus(Duration.ofDays(20)))
                    .resolve(Resolution.of("refund", "billing", "ana", T0.plus(Duration.ofHours(53)), "done"))
                    .reopen("bob", T0.plus(Duration.ofHours(54)), "came back", T0.plus(Duration.ofDays(3)),
                            T0.plus(Duration.ofDays(9)))
                    .close(Closure.of("no-answer", "bob", T0.plus(Duration.ofHours(55)), null));
            FollowUp current = opened;
            for (FollowUp step : steps(opened, worked)) {
                current = apply(step);
            }

            assertThat(current).isEqualTo(worked);
            assertThat(store().findFollowUp(opened.id())).contains(worked);
        }

        private List<FollowUp> steps(FollowUp from, FollowUp to) {
            // replays the history of `to` one version at a time, rebuilding the intermediate values
            var steps = new ArrayList<FollowUp>();
            FollowUp current = from;
            FollowUp e1 = current.escalate(to.escalations().get(0));
            steps.add(e1);
            FollowUp c = e1.contact(Objects.requireNonNull(to.firstContact()));
            steps.add(c);
            FollowUp p = c.pause("ana", T0.plus(Duration.ofHours(51)), "waiting");
            steps.add(p);
            FollowUp r = p.resume("ana", T0.plus(Duration.ofHours(52)), from.firstContactDue(),
                    T0.plus(Duration.ofDays(20)));
            steps.add(r);
            FollowUp s = r.resolve(Resolution.of("refund", "billing", "ana", T0.plus(Duration.ofHours(53)),
                    "done"));
            steps.add(s);
            FollowUp o = s.reopen("bob", T0.plus(Duration.ofHours(54)), "came back", T0.plus(Duration.ofDays(3)),
                    T0.plus(Duration.ofDays(9)));
            steps.add(o);
            steps.add(o.close(Closure.of("no-answer", "bob", T0.plus(Duration.ofHours(55)), null)));
            return steps;
        }

        @Test
        void followUps_query_filtersByEveryCriterion() {
            FollowUp a = submitDetractor("a", "c1", T0);
            store().submit(submission(Fixtures.response("b", "c2", 1, null, T0, Map.of("plan", "enterprise")),
                    T0, List.of(FollowUp.open("b", Fixtures.SURVEY, "nps-detractor", "x", Priority.URGENT, "bob",
                            "c2", Map.of("plan", "enterprise"), T0, T0.plusSeconds(10), null))));
            FollowUp b = store().findFollowUp("b/nps-detractor").orElseThrow();
            FollowUp c = apply(submitDetractor("c", "c1", T0.plusSeconds(1))
                    .contact(Contact.of("email", "ana", T0.plusSeconds(2), null)));

            assertThat(store().followUps(FollowUpQuery.all())).containsExactly(b, a, c);
            assertThat(store().followUps(FollowUpQuery.all().withState(FollowUpState.OPEN))).containsExactly(b, a);
            assertThat(store().followUps(FollowUpQuery.all().withOwner("ana"))).containsExactly(a, c);
            assertThat(store().followUps(FollowUpQuery.all().withPriority(Priority.URGENT))).containsExactly(b);
            assertThat(store().followUps(FollowUpQuery.all().withCustomer("c1"))).containsExactly(a, c);
            assertThat(store().followUps(FollowUpQuery.all().withSegment("plan", "enterprise"))).containsExactly(b);
            assertThat(store().followUps(FollowUpQuery.all().withSurvey("other"))).isEmpty();
            assertThat(store().followUps(FollowUpQuery.all().withOwner("ana").withState(FollowUpState.CONTACTED)))
                    .containsExactly(c);
            assertThat(store().followUps(FollowUpQuery.all().withLimit(1))).containsExactly(b);
        }

        @Test
        void pendingDue_returnsOnlyPendingFollowUpsInDeadlineOrder() {
            FollowUp late = submitDetractor("late", "c1", T0.plusSeconds(100));
            FollowUp early = submitDetractor("early", "c1", T0);
            FollowUp contacted = submitDetractor("contacted", "c1", T0);
            apply(contacted.contact(Contact.of("phone", "ana", T0.plusSeconds(1), null)));
            FollowUp paused = submitDetractor("paused", "c1", T0);
            apply(paused.pause("ana", T0.plusSeconds(1), null));
            Instant farFuture = T0.plus(Duration.ofDays(365));

            assertThat(store().pendingDue(DeadlineKind.FIRST_CONTACT, null, farFuture, 100))
                    .containsExactly(early, late);
            assertThat(store().pendingDue(DeadlineKind.FIRST_CONTACT, null, early.firstContactDue(), 100))
                    .isEmpty();
            assertThat(store().pendingDue(DeadlineKind.FIRST_CONTACT, null, early.firstContactDue().plusNanos(1000),
                    100)).containsExactly(early);
            assertThat(store().pendingDue(DeadlineKind.FIRST_CONTACT, early.firstContactDue().plusSeconds(1),
                    farFuture, 100)).containsExactly(late);
            assertThat(store().pendingDue(DeadlineKind.FIRST_CONTACT, null, farFuture, 1)).containsExactly(early);
        }

        @Test
        void pendingDue_forResolution_includesContactedButNotDone() {
            FollowUp open = submitDetractor("open", "c1", T0);
            FollowUp contacted = apply(submitDetractor("contacted", "c1", T0.plusSeconds(1))
                    .contact(Contact.of("phone", "ana", T0.plusSeconds(2), null)));
            FollowUp resolvedBase = apply(submitDetractor("resolved", "c1", T0)
                    .contact(Contact.of("phone", "ana", T0.plusSeconds(2), null)));
            apply(resolvedBase.resolve(Resolution.of("fixed", "bug", "ana", T0.plusSeconds(3), null)));

            assertThat(store().pendingDue(DeadlineKind.RESOLUTION, null, T0.plus(Duration.ofDays(365)), 100))
                    .containsExactly(open, contacted);
        }

        @Test
        void pendingDue_afterResume_usesTheMovedDeadline() {
            FollowUp opened = submitDetractor("r1", "c1", T0);
            FollowUp paused = apply(opened.pause("ana", T0.plusSeconds(10), null));
            Instant moved = opened.firstContactDue().plus(Duration.ofDays(2));
            apply(paused.resume("ana", T0.plusSeconds(20), moved, paused.resolutionDue()));

            assertThat(store().pendingDue(DeadlineKind.FIRST_CONTACT, null, opened.firstContactDue().plusSeconds(1),
                    10)).isEmpty();
            assertThat(store().pendingDue(DeadlineKind.FIRST_CONTACT, null, moved.plusSeconds(1), 10))
                    .extracting(FollowUp::id).containsExactly(opened.id());
        }

        @Test
        void followUpsAfter_continuesStrictlyAfterTheCursor_withTheQuerysCriteria() {
            FollowUp a = submitDetractor("a", "c1", T0);
            FollowUp b = submitDetractor("b", "c1", T0);
            FollowUp c = submitDetractor("c", "c2", T0.plusSeconds(1));
            FollowUp d = submitDetractor("d", "c1", T0.plusSeconds(2));

            assertThat(store().followUpsAfter(FollowUpQuery.all(), FollowUpCursor.after(a, DeadlineKind.FIRST_CONTACT)))
                    .containsExactly(b, c, d);
            assertThat(store().followUpsAfter(FollowUpQuery.all().withCustomer("c1").withLimit(1),
                    FollowUpCursor.after(b, DeadlineKind.FIRST_CONTACT))).containsExactly(d);
            assertThat(store().followUpsAfter(FollowUpQuery.all(), FollowUpCursor.after(d, DeadlineKind.FIRST_CONTACT)))
                    .isEmpty();
            assertThatThrownBy(() -> store().followUpsAfter(FollowUpQuery.all(),
                    FollowUpCursor.after(a, DeadlineKind.RESOLUTION))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void pendingDueAfter_continuesStrictlyAfterTheCursor_withinTheRange() {
            FollowUp a = submitDetractor("a", "c1", T0);
            FollowUp b = submitDetractor("b", "c1", T0);
            FollowUp c = submitDetractor("c", "c1", T0.plusSeconds(1));
            apply(submitDetractor("contacted", "c1", T0).contact(Contact.of("phone", "ana", T0, null)));
            FollowUp d = submitDetractor("d", "c1", T0.plusSeconds(2));
            Instant farFuture = T0.plus(Duration.ofDays(365));
            FollowUpCursor afterA = FollowUpCursor.after(a, DeadlineKind.FIRST_CONTACT);

            assertThat(store().pendingDueAfter(DeadlineKind.FIRST_CONTACT, null, afterA, farFuture, 100))
                    .containsExactly(b, c, d);
            assertThat(store().pendingDueAfter(DeadlineKind.FIRST_CONTACT, null, afterA, farFuture, 2))
                    .containsExactly(b, c);
            assertThat(store().pendingDueAfter(DeadlineKind.FIRST_CONTACT, null, afterA, d.firstContactDue(), 100))
                    .containsExactly(b, c);
            assertThat(store().pendingDueAfter(DeadlineKind.FIRST_CONTACT, c.firstContactDue(), afterA, farFuture,
                    100)).containsExactly(c, d);
            assertThat(store().pendingDueAfter(DeadlineKind.RESOLUTION, null,
                    FollowUpCursor.after(c, DeadlineKind.RESOLUTION), farFuture, 100)).containsExactly(d);
            assertThatThrownBy(() -> store().pendingDueAfter(DeadlineKind.RESOLUTION, null, afterA, farFuture, 100))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void followUpsAfter_pagingWithInsertsInBetween_listsEveryEarlierFollowUpExactlyOnce(Random random) {
            var earlier = new ArrayList<Submission>();
            for (int i = 0; i < 150; i++) {
                earlier.add(randomDetractor(random, "p" + i));
            }
            store().submitAll(earlier);
            FollowUpQuery query = FollowUpQuery.all().withOwner("ana");
            var expected = new ArrayList<String>();
            for (Submission submission : earlier) {
                FollowUp followUp = submission.followUps().get(0);
                if (followUp.owner().equals("ana")) {
                    expected.add(followUp.id());
                }
            }

            assertPagesListEachOnce(random, expected, (limit, after) -> after == null
                    ? store().followUps(query.withLimit(limit))
                    : store().followUpsAfter(query.withLimit(limit), after), f -> f.owner().equals("ana"));
        }

        @Test
        void pendingDueAfter_pagingWithInsertsInBetween_listsEveryEarlierOverdueFollowUpExactlyOnce(Random random) {
            var earlier = new ArrayList<Submission>();
            for (int i = 0; i < 150; i++) {
                earlier.add(randomDetractor(random, "p" + i));
            }
            store().submitAll(earlier);
            var expected = new ArrayList<String>();
            for (Submission submission : earlier) {
                FollowUp followUp = submission.followUps().get(0);
                if (random.nextInt(10) == 0) {
                    apply(followUp.contact(Contact.of("phone", "ana", followUp.openedAt(), null)));
                } else {
                    expected.add(followUp.id());
                }
            }
            Instant asOf = T0.plus(Duration.ofDays(30));

            assertPagesListEachOnce(random, expected, (limit, after) -> after == null
                    ? store().pendingDue(DeadlineKind.FIRST_CONTACT, null, asOf, limit)
                    : store().pendingDueAfter(DeadlineKind.FIRST_CONTACT, null, after, asOf, limit), f -> true);
        }

        /**
         * A detractor's submission whose follow-up, owned by ana or bob, opens within 20 minutes of {@code T0} (whole
         * minutes, so that many share a deadline) with its first contact due 48 hours later.
         */
        Submission randomDetractor(Random random, String responseId) {
            Instant at = T0.plus(Duration.ofMinutes(random.nextInt(20)));
            return submission(Fixtures.response(responseId, null, 2, null, at), at, List.of(Fixtures.followUp(
                    responseId, null, random.nextBoolean() ? "ana" : "bob", Priority.HIGH, at, Duration.ofHours(48))));
        }

        /**
         * Pages through a list ordered by first-contact deadline then id, with pages of 1 to 20 and up to three
         * follow-ups inserted between pages at random deadlines, before or after the cursor; checks that the pages
         * list every follow-up of {@code expected} once and none twice, each page in deadline order, and every
         * inserted follow-up that matches and lies after the cursor when it was inserted.
         */
        void assertPagesListEachOnce(Random random, List<String> expected, PageReader read,
                                     Predicate<FollowUp> matches) {
            var listed = new ArrayList<String>();
            var insertedAhead = new ArrayList<String>();
            FollowUpCursor after = null;
            int inserted = 0;
            while (true) {
                int limit = 1 + random.nextInt(20);
                List<FollowUp> page = read.page(limit, after);
                assertThat(page).hasSizeLessThanOrEqualTo(limit);
                assertThat(page).extracting(FollowUp::firstContactDue).isSorted();
                page.forEach(followUp -> listed.add(followUp.id()));
                if (page.size() < limit) {
                    break;
                }
                after = FollowUpCursor.after(page.get(page.size() - 1), DeadlineKind.FIRST_CONTACT);
                for (int n = random.nextInt(4); n > 0; n--) {
                    Submission submission = randomDetractor(random, "n" + inserted++);
                    store().submit(submission);
                    FollowUp followUp = submission.followUps().get(0);
                    if (matches.test(followUp) && followUp.firstContactDue().isAfter(after.due())) {
                        insertedAhead.add(followUp.id());
                    }
                }
            }

            assertThat(listed).doesNotHaveDuplicates();
            assertThat(listed).containsAll(expected).containsAll(insertedAhead);
            assertThat(listed.stream().filter(id -> id.startsWith("p"))).containsExactlyInAnyOrderElementsOf(
                    expected);
        }

        @Test
        void forEachFollowUp_streamsInOrderOfOpening() {
            submitDetractor("b", null, T0.plusSeconds(5));
            submitDetractor("a", null, T0.plusSeconds(9));
            submitDetractor("c", null, T0);
            var seen = new ArrayList<String>();

            store().forEachFollowUp(f -> seen.add(f.responseId()));

            assertThat(seen).containsExactly("c", "b", "a");
        }
    }

    // ---- follow-ups opened in a range ----------------------------------------------------------------------

    @Nested
    class OpenedInARange {

        /** The response ids of the follow-ups opened in {@code [from, to)}, as the store streams them. */
        List<String> openedIn(Instant from, Instant to) {
            var seen = new ArrayList<String>();
            store().forEachFollowUp(from, to, f -> seen.add(f.responseId()));
            return seen;
        }

        /** Stores a response of a customer ({@code null}: anonymous) with one follow-up opened when it was sent. */
        FollowUp open(String responseId, @Nullable String customer, Instant at) {
            return submitDetractor(responseId, customer, at);
        }

        @Test
        void forEachFollowUp_inATimeRange_streamsTheFollowUpsOpenedInItInOrderOfOpeningThenId() {
            // opened at T0 + 30, 10, 20, 0 and 10 s, stored in that order, each of another customer (one anonymous);
            // "b" and "e" open at the same instant and stream in the order of their ids
            open("d", "c4", T0.plusSeconds(30));
            open("e", null, T0.plusSeconds(10));
            open("c", "c3", T0.plusSeconds(20));
            open("a", "c1", T0);
            open("b", "c2", T0.plusSeconds(10));

            assertThat(openedIn(T0, T0.plusSeconds(31))).containsExactly("a", "b", "e", "c", "d");
            assertThat(openedIn(T0.plusSeconds(10), T0.plusSeconds(30))).containsExactly("b", "e", "c");
            assertThat(openedIn(T0, T0.plusSeconds(10))).as("to is exclusive").containsExactly("a");
            assertThat(openedIn(T0.plusSeconds(30), T0.plusSeconds(60))).as("from is inclusive")
                    .containsExactly("d");
            assertThat(openedIn(T0.plusSeconds(11), T0.plusSeconds(20))).isEmpty();
            assertThat(openedIn(T0.minusSeconds(60), T0)).isEmpty();
            assertThat(openedIn(T0.plusSeconds(31), T0.plusSeconds(60))).isEmpty();
        }

        @Test
        void forEachFollowUp_emptyRange_streamsNothing_evenWhereAFollowUpOpenedAtItsInstant() {
            open("a", "c1", T0);

            assertThat(openedIn(T0, T0)).isEmpty();
            assertThat(openedIn(T0.plusSeconds(1), T0.plusSeconds(1))).isEmpty();
        }

        @Test
        void forEachFollowUp_inATimeRange_comparesTheOpeningTimeToTheNanosecond() {
            // the opening has whole microseconds, as a store keeps them; the bounds have nanoseconds
            Instant opened = T0.plusNanos(1_001_000);
            open("a", "c1", opened);

            assertThat(openedIn(opened, opened.plusNanos(1))).containsExactly("a");
            assertThat(openedIn(opened.minusNanos(1), opened.plusNanos(1))).containsExactly("a");
            assertThat(openedIn(T0, opened)).isEmpty();
            assertThat(openedIn(opened.minusNanos(1), opened)).isEmpty();
            assertThat(openedIn(opened.plusNanos(1), T0.plusSeconds(1))).isEmpty();
        }

        @Test
        void forEachFollowUp_rangeEndingBeforeItStarts_isRefusedWithBothBounds_andStreamsNothing() {
            open("a", "c1", T0);
            Instant before = T0.minusNanos(1);
            var seen = new ArrayList<FollowUp>();

            assertThatThrownBy(() -> store().forEachFollowUp(T0, before, seen::add))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(T0.toString()).hasMessageContaining(before.toString());
            assertThatThrownBy(() -> store().forEachFollowUp(T0.plusSeconds(10), T0, seen::add))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(seen).isEmpty();
        }

        @Test
        void forEachFollowUp_inATimeRange_ofManyCustomers_streamsMoreThanAPageInOrder() {
            // follow-up i (0..599) opens at T0 + i minutes for customer c(i % 7); [T0 + 100 min, T0 + 450 min) holds
            // 100..449: 350 follow-ups of all seven customers
            var batch = new ArrayList<Submission>();
            for (int i = 0; i < 600; i++) {
                batch.add(Fixtures.detractor(String.format("r%03d", i), "c" + (i % 7), T0.plus(Duration.ofMinutes(i))));
            }
            store().submitAll(batch);
            var expected = new ArrayList<String>();
            for (int i = 100; i < 450; i++) {
                expected.add(String.format("r%03d", i));
            }
            var customers = new TreeSet<String>();
            var seen = new ArrayList<String>();

            store().forEachFollowUp(T0.plus(Duration.ofMinutes(100)), T0.plus(Duration.ofMinutes(450)), f -> {
                seen.add(f.responseId());
                customers.add(Objects.requireNonNull(f.customerId()));
            });

            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(customers).containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6");
        }

        @Test
        void forEachFollowUp_inATimeRange_streamsEachFollowUpAsStoredNow() {
            FollowUp contacted = apply(open("a", "c1", T0).contact(Contact.of("phone", "ana", T0.plusSeconds(60),
                    null)));
            open("b", "c2", T0.plusSeconds(1));
            erase("c2");
            FollowUp erased = store().followUpsOfResponse("b").get(0);
            var seen = new ArrayList<FollowUp>();

            store().forEachFollowUp(T0, T0.plusSeconds(2), seen::add);

            assertThat(seen).containsExactly(contacted, erased);
            assertThat(erased.customerId()).isNull();
        }

        @Test
        void forEachFollowUp_inRandomRanges_isTheFullStreamFilteredByOpening(Random random) {
            // 300 follow-ups opening within ten minutes of T0 (whole microseconds, often the same second), of 20
            // customers or anonymous; some contacted, one customer erased
            var batch = new ArrayList<Submission>();
            for (int i = 0; i < 300; i++) {
                Instant at = T0.plusSeconds(random.nextInt(600)).plusNanos(random.nextBoolean() ? 0
                        : 1_000L * random.nextInt(1_000_000));
                String customer = random.nextInt(5) == 0 ? null : "c" + random.nextInt(20);
                batch.add(Fixtures.detractor("r" + i, customer, at));
            }
            store().submitAll(batch);
            for (Submission submission : batch) {
                if (random.nextInt(4) == 0) {
                    FollowUp followUp = submission.followUps().get(0);
                    apply(followUp.contact(Contact.of("phone", "ana", followUp.openedAt().plusSeconds(5), null)));
                }
            }
            erase("c" + random.nextInt(20));
            var all = new ArrayList<FollowUp>();
            store().forEachFollowUp(all::add);

            for (int round = 0; round < 40; round++) {
                Instant from = T0.minusSeconds(30).plusNanos(random.nextLong(Duration.ofMinutes(11).toNanos()));
                Instant to = switch (random.nextInt(4)) {
                    case 0 -> from;
                    case 1 -> from.plusNanos(1 + random.nextInt(1_000));
                    default -> from.plusNanos(random.nextLong(Duration.ofMinutes(6).toNanos()));
                };
                var expected = all.stream()
                        .filter(f -> !f.openedAt().isBefore(from) && f.openedAt().isBefore(to)).toList();
                var seen = new ArrayList<FollowUp>();

                store().forEachFollowUp(from, to, seen::add);

                assertThat(seen).as("[%s, %s)", from, to).containsExactlyElementsOf(expected);
            }
        }
    }

    // ---- counts ---------------------------------------------------------------------------------------------

    @Nested
    class Counts {

        /** A new open follow-up of a response under a policy: first contact due in 48 hours, resolution in 240. */
        FollowUp opened(String responseId, String policy, String owner, Instant at) {
            return FollowUp.open(responseId, Fixtures.SURVEY, policy, "NPS detractor", Priority.HIGH, owner, null,
                    Map.of("plan", "pro"), at, at.plus(Duration.ofHours(48)), at.plus(Duration.ofHours(240)));
        }

        @Test
        void followUpCounts_ofAnEmptyStore_haveEveryStateAndKindAtZero() {
            FollowUpCounts counts = store().followUpCounts(T0);

            assertThat(counts.asOf()).isEqualTo(T0);
            assertThat(counts.byState()).containsOnlyKeys(FollowUpState.values()).allSatisfy((state, n) ->
                    assertThat(n).isZero());
            assertThat(counts.openByOwner()).isEmpty();
            assertThat(counts.openByPolicy()).isEmpty();
            assertThat(counts.overdueByPolicy()).containsOnlyKeys(DeadlineKind.values()).allSatisfy((kind, n) ->
                    assertThat(n).isEmpty());
        }

        @Test
        void followUpCounts_countOpenAsNotDone_andOverdueAsPendingAndPastItsDeadline() {
            // one response opens two follow-ups under two policies
            FollowUp a = opened("r1", "detractor", "ana", T0);
            FollowUp b = opened("r1", "vip", "bob", T0);
            store().submit(submission(Fixtures.response("r1", null, 2, null, T0), T0, List.of(a, b)));
            FollowUp c = opened("r2", "detractor", "bob", T0.plusSeconds(60));
            FollowUp d = opened("r3", "detractor", "ana", T0.plusSeconds(120));
            FollowUp e = opened("r4", "vip", "cleo", T0.plusSeconds(180));
            for (FollowUp f : List.of(c, d, e)) {
                store().submit(submission(Fixtures.response(f.responseId(), null, 2, null, f.openedAt()),
                        f.openedAt(), List.of(f)));
            }
            // b contacted (open, its resolution still pending), c paused (open, nothing pending), d resolved
            apply(b.contact(Contact.of("phone", "bob", T0.plusSeconds(10), null)));
            apply(c.pause("bob", T0.plusSeconds(70), null));
            FollowUp dContacted = apply(d.contact(Contact.of("phone", "ana", T0.plusSeconds(130), null)));
            apply(dContacted.resolve(Resolution.of("fixed", "bug", "ana", T0.plusSeconds(140), null)));
            // 48 hours and 2 minutes on: a's first contact (due T0+48h) is overdue, e's (T0+48h+3min) not yet
            Instant asOf = T0.plus(Duration.ofHours(48)).plusSeconds(120);

            FollowUpCounts counts = store().followUpCounts(asOf);

            assertThat(counts.byState()).containsExactlyInAnyOrderEntriesOf(Map.of(FollowUpState.OPEN, 3L,
                    FollowUpState.CONTACTED, 1L, FollowUpState.RESOLVED, 1L, FollowUpState.CLOSED, 0L));
            assertThat(counts.openByOwner()).containsExactly(entry("ana", 1L), entry("bob", 2L), entry("cleo", 1L));
            assertThat(counts.openByPolicy()).containsExactlyInAnyOrderEntriesOf(Map.of("detractor", 2L, "vip", 2L));
            // a's first contact was due at T0+48h, before asOf; b is contacted, c paused, e due 1 minute after asOf
            assertThat(counts.overdueByPolicy().get(DeadlineKind.FIRST_CONTACT))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("detractor", 1L));
            assertThat(counts.overdueByPolicy().get(DeadlineKind.RESOLUTION)).isEmpty();
            assertThat(counts.open()).isEqualTo(4);
            assertThat(counts.total()).isEqualTo(5);

            // ten days and three minutes on: the resolutions of a, b (T0+240h) and e (T0+240h+3min) are overdue, not
            // the paused c's; e's first contact is overdue now too
            FollowUpCounts later = store().followUpCounts(T0.plus(Duration.ofHours(240)).plusSeconds(181));
            assertThat(later.overdueByPolicy().get(DeadlineKind.FIRST_CONTACT))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("detractor", 1L, "vip", 1L));
            assertThat(later.overdueByPolicy().get(DeadlineKind.RESOLUTION))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("detractor", 1L, "vip", 2L));
            assertThat(later.overdue(DeadlineKind.RESOLUTION)).isEqualTo(3);
        }

        @Test
        void followUpCounts_ofMoreThanAThousandFollowUps_areNotCapped() {
            // follow-up i (0..1199) opens at T0 + i seconds under policy "urgent" when i % 3 == 0, else "detractor",
            // owned by agent-(i % 4)
            int n = 1_200;
            var batch = new ArrayList<Submission>();
            var all = new ArrayList<FollowUp>();
            for (int i = 0; i < n; i++) {
                Instant at = T0.plusSeconds(i);
                FollowUp f = opened("r" + i, i % 3 == 0 ? "urgent" : "detractor", "agent-" + (i % 4), at);
                all.add(f);
                batch.add(submission(Fixtures.response("r" + i, null, 1, null, at), at, List.of(f)));
                if (batch.size() == 200) {
                    store().submitAll(batch);
                    batch.clear();
                }
            }
            // 0..19 contacted, then 0..4 resolved and 5..9 closed; 20..24 closed unopened; 25..29 paused
            for (int i = 0; i < 20; i++) {
                FollowUp contacted = apply(all.get(i).contact(Contact.of("phone", "ana", T0.plusSeconds(3_600),
                        null)));
                if (i < 5) {
                    apply(contacted.resolve(Resolution.of("fixed", "bug", "ana", T0.plusSeconds(7_200), null)));
                } else if (i < 10) {
                    apply(contacted.close(Closure.of("no-answer", "ana", T0.plusSeconds(7_200), null)));
                }
            }
            for (int i = 20; i < 25; i++) {
                apply(all.get(i).close(Closure.of("no-answer", "ana", T0.plusSeconds(3_600), null)));
            }
            for (int i = 25; i < 30; i++) {
                apply(all.get(i).pause("ana", T0.plusSeconds(3_600), null));
            }
            // first contact of i is due at T0 + 48h + i s: before this instant for i < 600
            Instant asOf = T0.plus(Duration.ofHours(48)).plusSeconds(600);

            FollowUpCounts counts = store().followUpCounts(asOf);

            assertThat(counts.byState()).containsExactlyInAnyOrderEntriesOf(Map.of(FollowUpState.OPEN, 1_175L,
                    FollowUpState.CONTACTED, 10L, FollowUpState.RESOLVED, 5L, FollowUpState.CLOSED, 10L));
            // open: 10..19 and 25..1199; multiples of 3 among them: 12, 15, 18 and 27..1197 (391)
            assertThat(counts.openByPolicy()).containsExactlyInAnyOrderEntriesOf(Map.of("urgent", 394L,
                    "detractor", 791L));
            // 10..19 gives agents 0..3 two, two, three, three; 25..1199 (1,175 from residue 1) 293 to agent-0, 294
            // to each other
            assertThat(counts.openByOwner()).containsExactlyInAnyOrderEntriesOf(Map.of("agent-0", 295L,
                    "agent-1", 296L, "agent-2", 297L, "agent-3", 297L));
            // pending first contact: 30..1199; due before asOf: 30..599 (570), of which 30, 33, ..., 597 urgent (190)
            assertThat(counts.overdueByPolicy().get(DeadlineKind.FIRST_CONTACT))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("urgent", 190L, "detractor", 380L));
            assertThat(counts.overdueByPolicy().get(DeadlineKind.RESOLUTION)).isEmpty();

            // resolution of i is due at T0 + 240h + i s; pending for 10..19 and 30..1199; before this instant for
            // i < 300: 10..19 and 30..299 (280), urgent 12, 15, 18 and 30..297 (93)
            FollowUpCounts later = store().followUpCounts(T0.plus(Duration.ofHours(240)).plusSeconds(300));
            assertThat(later.overdueByPolicy().get(DeadlineKind.RESOLUTION))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("urgent", 93L, "detractor", 187L));
            // every pending first contact: 30..1199 (1,170), urgent 30..1197 (390)
            assertThat(later.overdueByPolicy().get(DeadlineKind.FIRST_CONTACT))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("urgent", 390L, "detractor", 780L));
            assertThat(later.byState()).isEqualTo(counts.byState());
        }
    }

    // ---- customers and touches ------------------------------------------------------------------------------

    @Nested
    class CustomersAndTouches {

        @Test
        void putCustomer_registersAndReplaces() {
            store().putCustomer(Customer.of("c1", Map.of("tier", "gold")));
            store().putCustomer(Customer.of("c1", Map.of("tier", "strategic")));

            assertThat(store().findCustomer("c1")).contains(Customer.of("c1", Map.of("tier", "strategic")));
            assertThat(store().findCustomer("c2")).isEmpty();
        }

        @Test
        void submission_registersANewCustomerButKeepsAnExistingOne() {
            store().putCustomer(Customer.of("c1", Map.of("tier", "strategic")));

            submitDetractor("r1", "c1", T0);
            submitDetractor("r2", "c2", T0);

            assertThat(store().findCustomer("c1")).contains(Customer.of("c1", Map.of("tier", "strategic")));
            assertThat(store().findCustomer("c2")).contains(Customer.of("c2", Map.of("plan", "pro")));
        }

        @Test
        void touches_areReturnedOldestFirst() {
            Touch call = Touch.contact("c1", TouchKind.CALL, T0.plusSeconds(50), "ana", "renewal");
            Touch meeting = Touch.contact("c1", TouchKind.MEETING, T0, "bob", null);
            store().recordTouch(call, List.of());
            store().recordTouch(meeting, List.of());
            store().recordTouch(Touch.contact("c2", TouchKind.CALL, T0, "ana", null), List.of());

            assertThat(store().touches("c1")).containsExactly(meeting, call);
            assertThat(store().touches("c3")).isEmpty();
        }

        @Test
        void forEachCustomer_reportsLastContactAndLastAnswer() {
            store().putCustomer(Customer.of("b", Map.of()));
            store().putCustomer(Customer.of("a", Map.of()));
            store().recordTouch(Touch.contact("a", TouchKind.CALL, T0, "ana", null), List.of());
            store().recordTouch(Touch.contact("a", TouchKind.MESSAGE, T0.plusSeconds(30), "ana", null), List.of());
            store().recordTouch(Touch.survey("a", TouchKind.SURVEY_ANSWERED, T0.plusSeconds(10), "s"), List.of());
            store().recordTouch(Touch.survey("b", TouchKind.SURVEY_INVITED, T0.plusSeconds(99), "s"), List.of());
            var seen = new ArrayList<CustomerActivity>();

            store().forEachCustomer(seen::add);

            assertThat(seen).containsExactly(
                    new CustomerActivity(Customer.of("a", Map.of()), T0.plusSeconds(30), T0.plusSeconds(10)),
                    new CustomerActivity(Customer.of("b", Map.of()), null, null));
        }
    }

    // ---- outbox ---------------------------------------------------------------------------------------------

    @Nested
    class Outbox {

        @Test
        void writes_appendTheirEventsInOrder() {
            FollowUp followUp = submitDetractor("r1", "c1", T0);
            var contacted = new FeedbackEvent.FollowUpContacted(followUp.id(), "ana", "phone", "c1", T0);
            store().update(new FollowUpChange(followUp.contact(Contact.of("phone", "ana", T0, null)), List.of(),
                    List.of(contacted)));
            var due = new FeedbackEvent.CustomerDueForContact("c9", "strategic", null, T0, T0);
            store().append(List.of(due));

            assertThat(outboxEvents()).hasSize(4).endsWith(contacted, due);
            assertThat(outboxEvents().get(0)).isInstanceOf(FeedbackEvent.ResponseAccepted.class);
            assertThat(outboxEvents().get(1)).isInstanceOf(FeedbackEvent.FollowUpOpened.class);
        }

        @Test
        void poll_doesNotRemove_andAcknowledgeDoes() {
            store().append(List.of(new FeedbackEvent.CustomerDueForContact("a", "t", null, T0, T0),
                    new FeedbackEvent.CustomerDueForContact("b", "t", null, T0, T0),
                    new FeedbackEvent.CustomerDueForContact("c", "t", null, T0, T0)));

            List<OutboxEntry> first = store().pollOutbox(2);
            List<OutboxEntry> again = store().pollOutbox(2);
            store().acknowledge(List.of(first.get(0).sequence(), 987_654L));

            assertThat(first).hasSize(2).isEqualTo(again);
            assertThat(first.get(0).sequence()).isLessThan(first.get(1).sequence());
            assertThat(store().pollOutbox(10)).extracting(e -> e.event().customerId()).containsExactly("b", "c");
        }

        @Test
        void acknowledged_sequencesAreNeverReused() {
            store().append(List.of(new FeedbackEvent.CustomerDueForContact("a", "t", null, T0, T0)));
            long first = store().pollOutbox(1).get(0).sequence();
            store().acknowledge(List.of(first));
            store().append(List.of(new FeedbackEvent.CustomerDueForContact("b", "t", null, T0, T0)));

            assertThat(store().pollOutbox(1).get(0).sequence()).isGreaterThan(first);
        }

        @Test
        void recordTouch_appendsItsEvents() {
            var event = new FeedbackEvent.CustomerDueForContact("c1", "t", null, T0, T0);

            store().recordTouch(Touch.contact("c1", TouchKind.CALL, T0, "ana", null), List.of(event));

            assertThat(outboxEvents()).containsExactly(event);
        }
    }

    // ---- privacy --------------------------------------------------------------------------------------------

    @Nested
    class Erasing {

        @Test
        void eraseCustomer_removesPersonalTracesAndKeepsRatings() {
            FollowUp followUp = submitDetractor("r1", "c1", T0);
            apply(followUp.contact(Contact.of("phone", "ana", T0.plusSeconds(5), "customer said X")));
            submitDetractor("r2", "c2", T0);
            store().recordTouch(Touch.contact("c1", TouchKind.CALL, T0, "ana", "private"), List.of());

            ErasureReport report = erase("c1");

            StoredResponse erased = store().findResponse("r1").orElseThrow();
            assertThat(erased.response().respondent().customerId()).isNull();
            assertThat(erased.response().answers()).containsOnlyKeys("nps");
            assertThat(erased.response().answer("nps")).isEqualTo(Answer.rating(3));
            assertThat(erased.response().respondent().attributes()).containsEntry("plan", "pro");
            FollowUp anonymous = store().findFollowUp(followUp.id()).orElseThrow();
            assertThat(anonymous.customerId()).isNull();
            assertThat(Objects.requireNonNull(anonymous.firstContact()).note()).isNull();
            assertThat(anonymous.history()).allSatisfy(h -> assertThat(h.note()).isNull());
            assertThat(store().touches("c1")).isEmpty();
            assertThat(store().findCustomer("c1")).isEmpty();
            assertThat(store().responsesOfCustomer("c1")).isEmpty();
            assertThat(store().followUps(FollowUpQuery.all().withCustomer("c1"))).isEmpty();
            assertThat(outboxEvents()).noneMatch(e -> "c1".equals(e.customerId()));
            assertThat(report.responses()).isEqualTo(1);
            assertThat(report.followUps()).isEqualTo(1);
            assertThat(report.touches()).isEqualTo(2);
            assertThat(report.customerRecord()).isTrue();
        }

        @Test
        void eraseCustomer_leavesOtherCustomersAlone() {
            submitDetractor("r1", "c1", T0);
            FollowUp other = submitDetractor("r2", "c2", T0);

            erase("c1");

            assertThat(store().findResponse("r2").orElseThrow().response().answer("why"))
                    .isEqualTo(Answer.text("slow support"));
            assertThat(store().findFollowUp(other.id())).contains(other);
            assertThat(store().touches("c2")).hasSize(1);
        }

        @Test
        void eraseCustomer_twice_findsNothingTheSecondTime() {
            submitDetractor("r1", "c1", T0);
            erase("c1");

            ErasureReport second = erase("c1");

            assertThat(second.foundAnything()).isFalse();
        }

        @Test
        void staleStepAfterErasure_isAVersionConflictAndWritesNothingBack() {
            FollowUp read = submitDetractor("r1", "CUST-SECRET", T0);
            erase("CUST-SECRET");
            FollowUp stale = read.contact(Contact.of("phone", "ana", T0.plusSeconds(5), "NOTE-SECRET"));

            assertThatThrownBy(() -> store().update(new FollowUpChange(stale,
                    List.of(Touch.contact("CUST-SECRET", TouchKind.FOLLOW_UP_CONTACT, T0, "ana", null)),
                    List.of(new FeedbackEvent.FollowUpContacted(stale.id(), "ana", "phone", "CUST-SECRET", T0)))))
                    .isInstanceOfSatisfying(VersionConflictException.class,
                            e -> assertThat(e.actualVersion()).isEqualTo(2));

            FollowUp stored = store().findFollowUp(read.id()).orElseThrow();
            assertThat(stored.customerId()).isNull();
            assertThat(stored.firstContact()).isNull();
            assertThat(stored.isErased()).isTrue();
            assertThat(store().touches("CUST-SECRET")).isEmpty();
            assertThat(outboxEvents()).noneMatch(e -> "CUST-SECRET".equals(e.customerId()));
        }

        @Test
        void eraseCustomer_movesEachFollowUpOneVersionOnAndEndsItsHistory() {
            FollowUp followUp = apply(submitDetractor("r1", "c1", T0)
                    .contact(Contact.of("phone", "ana", T0.plusSeconds(5), "said X")));

            erase("c1");

            FollowUp erased = store().findFollowUp(followUp.id()).orElseThrow();
            assertThat(erased).isEqualTo(followUp.erased(ERASED_AT, Set.of(), Set.of()));
            assertThat(erased.version()).isEqualTo(3);
            assertThat(erased.history()).last().extracting(HistoryEntry::action).isEqualTo(FollowUpAction.ERASED);
        }

        @Test
        void eraseCustomer_withATaxonomy_keepsItsCodesAndErasesEveryOtherText() {
            Contact call = Contact.of("phone", "ana", T0.plusSeconds(1), null);
            FollowUp coded = apply(apply(submitDetractor("r1", "c1", T0).contact(call))
                    .resolve(Resolution.of("refund", "billing", "ana", T0.plusSeconds(2), "NOTE-SECRET")));
            FollowUp freeText = apply(apply(submitDetractor("r2", "c1", T0).contact(call))
                    .resolve(Resolution.of("refunded CUST-SECRET", "CUST-SECRET's card", "ana", T0.plusSeconds(2),
                            null)));
            FollowUp closed = apply(submitDetractor("r3", "c1", T0)
                    .close(Closure.of("customer moved to NOTE-SECRET street", "ana", T0.plusSeconds(3), null)));
            var taxonomy = new Erasure("c1", ERASED_AT, Set.of("refund"), Set.of("billing"));

            store().eraseCustomer(taxonomy);

            for (FollowUp followUp : List.of(coded, freeText, closed)) {
                assertThat(store().findFollowUp(followUp.id())).contains(taxonomy.apply(followUp));
            }
            assertThat(store().findFollowUp(coded.id()).orElseThrow().resolution())
                    .isEqualTo(Resolution.of("refund", "billing", "ana", T0.plusSeconds(2), null));
            assertThat(store().findFollowUp(freeText.id()).orElseThrow().resolution())
                    .isEqualTo(Resolution.of(FollowUp.ERASED_TEXT, FollowUp.ERASED_TEXT, "ana", T0.plusSeconds(2),
                            null));
            assertThat(store().findFollowUp(closed.id()).orElseThrow().closeReason()).isEqualTo(FollowUp.ERASED_TEXT);
        }

        @Test
        void eraseCustomer_leavesNoPersonalTextInAnythingTheStoreReturns() {
            String customer = "CUST-SECRET-7";
            store().submit(submission(Fixtures.response("r1", customer, 2, "TEXT-SECRET my phone is 555", T0), T0,
                    List.of(Fixtures.followUp("r1", customer, T0))));
            store().submit(submission(Fixtures.response("r2", customer, 1, "TEXT-SECRET again", T0), T0,
                    List.of(Fixtures.followUp("r2", customer, T0))));
            store().submit(submission(Fixtures.response("r3", "someone-else", 3, "kept text", T0), T0,
                    List.of(Fixtures.followUp("r3", "someone-else", T0))));
            FollowUp first = store().followUpsOfResponse("r1").get(0);
            FollowUp contacted = store().update(new FollowUpChange(
                    first.contact(Contact.of("phone", "ana", T0.plusSeconds(60), "NOTE-SECRET")),
                    List.of(Touch.contact(customer, TouchKind.FOLLOW_UP_CONTACT, T0.plusSeconds(60), "ana",
                            "NOTE-SECRET")),
                    List.of(new FeedbackEvent.FollowUpContacted(first.id(), "ana", "phone", customer,
                            T0.plusSeconds(60)))));
            apply(contacted.resolve(Resolution.of("fixed", "bug", "ana", T0.plusSeconds(90), "NOTE-SECRET resolved")));
            store().recordTouch(Touch.contact(customer, TouchKind.CALL, T0.plusSeconds(99), "ana", "NOTE-SECRET call"),
                    List.of(new FeedbackEvent.CustomerDueForContact(customer, "gold", null, T0, T0)));

            ErasureReport report = erase(customer);

            assertThat(report.responses()).isEqualTo(2);
            assertThat(report.followUps()).isEqualTo(2);
            assertThat(report.outboxEvents()).isPositive();
            var seen = new ArrayList<String>();
            store().forEachResponse(Fixtures.SURVEY, r -> seen.add(r.toString()));
            store().forEachFollowUp(f -> seen.add(f.toString()));
            store().forEachFollowUp(T0, ERASED_AT, f -> seen.add(f.toString()));
            store().forEachCustomer(c -> seen.add(c.toString()));
            store().followUps(FollowUpQuery.all()).forEach(f -> seen.add(f.toString()));
            List<OutboxEntry> outbox = store().pollOutbox(10_000);
            outbox.forEach(e -> seen.add(e.toString()));
            seen.add(store().touches(customer).toString());
            seen.add(store().responsesOfCustomer(customer).toString());
            seen.add(store().findCustomer(customer).toString());
            assertThat(outbox).as("events of other customers stay pending").isNotEmpty();
            assertThat(seen).anyMatch(s -> s.contains("kept text")).anyMatch(s -> s.contains("someone-else"));
            assertThat(seen).noneMatch(s -> s.contains("SECRET"));
        }

        @Test
        void erasedFollowUp_staysInTheDeadlineIndex() {
            FollowUp followUp = submitDetractor("r1", "c1", T0);

            erase("c1");

            assertThat(store().pendingDue(DeadlineKind.FIRST_CONTACT, null, T0.plus(Duration.ofDays(30)), 10))
                    .extracting(FollowUp::id).containsExactly(followUp.id());
        }
    }

    /** Reads one page of a list: the first when {@code after} is {@code null}. */
    @FunctionalInterface
    interface PageReader {
        List<FollowUp> page(int limit, @Nullable FollowUpCursor after);
    }
}
