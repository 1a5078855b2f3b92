package dev.feedbackloop.core.store;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.InvalidInputException;
import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.InvalidBatchException;
import dev.feedbackloop.core.InvalidResponseException;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.RecordingListener;
import dev.feedbackloop.core.ResponseConflictException;
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
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.followup.HistoryEntry;
import dev.feedbackloop.core.followup.IllegalTransitionException;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.invitation.Invitation;
import dev.feedbackloop.core.invitation.InvitationException;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.invitation.SigningKey;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.json.SurveyJson;
import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link FeedbackStore} must show. Subclass it per implementation and return a new, empty
 * store from {@link #newStore()}; every test starts from a fresh store.
 */
public abstract class FeedbackStoreContract {

    /** When the contract's erasures happen. */
    static final Instant ERASED_AT = T0.plus(Duration.ofDays(30));

    /** The store under test, fresh for every test. */
    protected FeedbackStore store;

    /**
     * Returns a new, empty store.
     *
     * @return the store
     */
    protected abstract FeedbackStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static Submission submission(Response response, Instant receivedAt, List<FollowUp> followUps) {
        String customer = response.respondent().customerId();
        var events = new ArrayList<FeedbackEvent>();
        events.add(new FeedbackEvent.ResponseAccepted(response.id(), response.surveyId(), response.surveyVersion(),
                customer, receivedAt));
        for (FollowUp f : followUps) {
            events.add(new FeedbackEvent.FollowUpOpened(f.id(), f.responseId(), f.policyId(), f.owner(),
                    f.priority(), f.firstContactDue(), customer, receivedAt));
        }
        return new Submission(new StoredResponse(response, receivedAt), followUps,
                customer == null ? List.of()
                        : List.of(Touch.survey(customer, TouchKind.SURVEY_ANSWERED, receivedAt, response.surveyId())),
                customer == null ? null : Customer.of(customer, response.respondent().attributes()), events);
    }

    static FollowUp detractorFollowUp(String responseId, @Nullable String customer, Instant openedAt) {
        return Fixtures.followUp(responseId, customer, "ana", Priority.HIGH, openedAt, Duration.ofHours(48));
    }

    /** Stores a detractor response of a customer with one follow-up and returns the follow-up. */
    FollowUp submitDetractor(String responseId, @Nullable String customer, Instant at) {
        FollowUp followUp = detractorFollowUp(responseId, customer, at);
        store.submit(submission(Fixtures.response(responseId, customer, 3, "slow support", at), at,
                List.of(followUp)));
        return followUp;
    }

    /** Erases a customer from the store under test, with no taxonomy. */
    ErasureReport erase(String customerId) {
        return store.eraseCustomer(Erasure.of(customerId, ERASED_AT));
    }

    FollowUp apply(FollowUp updated) {
        return store.update(new FollowUpChange(updated, List.of(), List.of()));
    }

    List<FeedbackEvent> outboxEvents() {
        return store.pollOutbox(1_000).stream().map(OutboxEntry::event).toList();
    }

    // ---- responses ------------------------------------------------------------------------------------------

    @Nested
    class Responses {

        @Test
        void submit_newResponse_storesResponseAndFollowUps() {
            FollowUp followUp = detractorFollowUp("r1", "c1", T0);
            Response response = Fixtures.response("r1", "c1", 3, "slow", T0);

            SubmitResult result = store.submit(submission(response, T0, List.of(followUp)));

            assertThat(result.stored()).isTrue();
            assertThat(store.findResponse("r1")).contains(new StoredResponse(response, T0));
            assertThat(store.followUpsOfResponse("r1")).containsExactly(followUp);
            assertThat(store.findFollowUp(followUp.id())).contains(followUp);
        }

        @Test
        void submit_existingId_writesNothingAndReturnsTheStoredResponse() {
            FollowUp followUp = submitDetractor("r1", "c1", T0);
            int eventsBefore = outboxEvents().size();
            Response other = Fixtures.response("r1", "c2", 10, null, T0.plusSeconds(5));

            SubmitResult result = store.submit(submission(other, T0.plusSeconds(5), List.of()));

            assertThat(result.stored()).isFalse();
            assertThat(result.response().response().respondent().customerId()).isEqualTo("c1");
            assertThat(result.followUps()).containsExactly(followUp);
            assertThat(outboxEvents()).hasSize(eventsBefore);
            assertThat(store.touches("c2")).isEmpty();
            assertThat(store.findCustomer("c2")).isEmpty();
        }

        @Test
        void submit_failingPart_writesNothingAtAll() {
            submitDetractor("r1", "c1", T0);
            int eventsBefore = outboxEvents().size();
            FollowUp clash = FollowUp.open("r2", Fixtures.SURVEY, "x", "x", Priority.LOW, "ana", "c2", Map.of(), T0,
                    T0, null);
            // a follow-up id that already exists makes the whole submission fail
            FollowUp existing = store.followUpsOfResponse("r1").get(0);
            FollowUp reused = new FollowUp(existing.id(), 1, "r2", Fixtures.SURVEY, "nps-detractor", "x",
                    Priority.LOW, "ana", "c2", Map.of(), T0, T0, null, FollowUpState.OPEN, null, null, null, null,
                    List.of(), existing.history());

            assertThatThrownBy(() -> store.submit(submission(Fixtures.response("r2", "c2", 1, "x", T0), T0,
                    List.of(clash, reused)))).isInstanceOf(RuntimeException.class);

            assertThat(store.findResponse("r2")).isEmpty();
            assertThat(store.findFollowUp(clash.id())).isEmpty();
            assertThat(store.touches("c2")).isEmpty();
            assertThat(store.findCustomer("c2")).isEmpty();
            assertThat(outboxEvents()).hasSize(eventsBefore);
        }

        @Test
        void findResponse_unknownId_isEmpty() {
            assertThat(store.findResponse("nope")).isEmpty();
        }

        @Test
        void responseWithoutFollowUps_hasNone() {
            store.submit(submission(Fixtures.response("r1", null, 10, null, T0), T0, List.of()));

            assertThat(store.followUpsOfResponse("r1")).isEmpty();
        }

        @Test
        void forEachResponse_streamsOneSurveyInOrderOfReceipt() {
            store.submit(submission(Fixtures.response("b", null, 9, null, T0), T0.plusSeconds(20), List.of()));
            store.submit(submission(Fixtures.response("a", null, 8, null, T0), T0.plusSeconds(10), List.of()));
            store.submit(submission(Fixtures.response("c", null, 7, null, T0), T0.plusSeconds(20), List.of()));
            var seen = new ArrayList<String>();

            store.forEachResponse(Fixtures.SURVEY, r -> seen.add(r.id()));
            store.forEachResponse("other-survey", r -> seen.add("unexpected"));

            assertThat(seen).containsExactly("a", "b", "c");
        }

        @Test
        void responsesOfCustomer_areOrderedBySubmission() {
            store.submit(submission(Fixtures.response("late", "c1", 9, null, T0.plusSeconds(100)), T0,
                    List.of()));
            store.submit(submission(Fixtures.response("early", "c1", 2, null, T0), T0.plusSeconds(1), List.of()));
            store.submit(submission(Fixtures.response("other", "c2", 2, null, T0), T0, List.of()));

            assertThat(store.responsesOfCustomer("c1")).extracting(StoredResponse::id)
                    .containsExactly("early", "late");
        }

        @Test
        void storedResponse_roundTripsEveryAnswerKind() {
            Response response = new Response("r1", Fixtures.SURVEY, 1,
                    Respondent.of("c1", Map.of("plan", "pro", "region", "EU")),
                    Instant.parse("2024-03-04T09:00:00.123456Z"), "email",
                    Map.of("nps", Answer.rating(0), "why", Answer.text("ünïcode ✓ \"quoted\"\nline"),
                            "pick", new Answer.Choice(List.of("b", "a"), "other text"),
                            "yes", Answer.yesNo(true)),
                    List.of("nps", "why"));

            store.submit(submission(response, T0, List.of()));

            assertThat(store.findResponse("r1")).contains(new StoredResponse(response, T0));
        }

        @Test
        void submit_sameResponseWithNanosecondsAgain_returnsItAsStored() {
            Response response = Fixtures.response("r1", "c1", 3, "slow",
                    Instant.parse("2024-03-04T09:00:00.123456789Z"));
            store.submit(submission(response, T0, List.of()));

            SubmitResult again = store.submit(submission(response, T0.plusSeconds(1), List.of()));

            assertThat(again.stored()).isFalse();
            assertThat(again.response().response()).isEqualTo(response);
            assertThat(again.response().response().submittedAt().getNano()).isEqualTo(123_456_789);
        }

        @Test
        void loopSubmit_sameResponseWithNanosecondsTwice_isIdempotent() {
            Clock nanoClock = Clock.fixed(Instant.parse("2024-03-04T10:00:00.987654321Z"), ZoneOffset.UTC);
            FeedbackLoop loop = FeedbackLoop.builder().store(store).clock(nanoClock)
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
            loop.register(Fixtures.survey());
            Response response = Fixtures.response("r1", "c1", 3, "slow",
                    Instant.parse("2024-03-04T09:00:00.123456789Z"));

            Receipt first = loop.submit(response);
            Receipt second = loop.submit(response);

            assertThat(second).isEqualTo(first);
            assertThat(first.followUpIds()).hasSize(1);
            assertThat(loop.findResponse("r1").orElseThrow().response()).isEqualTo(response);
        }

        @Test
        void loopSubmit_sameResponseWithNanosecondsAfterARestart_isIdempotent() {
            Clock nanoClock = Clock.fixed(Instant.parse("2024-03-04T10:00:00.987654321Z"), ZoneOffset.UTC);
            Response response = Fixtures.response("r1", "c1", 3, "slow",
                    Instant.parse("2024-03-04T09:00:00.123456789Z"));
            FeedbackLoop before = FeedbackLoop.builder().store(store).clock(nanoClock)
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
            before.register(Fixtures.survey());
            Receipt first = before.submit(response);

            FeedbackLoop after = FeedbackLoop.builder().store(store).clock(Clock.offset(nanoClock, Duration.ofHours(1)))
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
            after.register(Fixtures.survey());
            Receipt again = after.submit(response);

            assertThat(again).isEqualTo(first);
            assertThat(store.followUpsOfResponse("r1")).hasSize(1);
        }
    }

    // ---- batches --------------------------------------------------------------------------------------------

    @Nested
    class Batches {

        private final RecordingListener listener = new RecordingListener();
        private final List<FeedbackEvent> delivered = listener.events();

        private FeedbackLoop loop() {
            return loopOver(store, listener, b -> b);
        }

        private List<String> acceptedIds() {
            return delivered.stream().filter(FeedbackEvent.ResponseAccepted.class::isInstance)
                    .map(e -> ((FeedbackEvent.ResponseAccepted) e).responseId()).toList();
        }

        @Test
        void submitAll_storesEverySubmission_andAppendsTheirEventsToTheOutboxInOrder() {
            FollowUp followUp = detractorFollowUp("r1", "c1", T0);
            List<Submission> batch = List.of(
                    submission(Fixtures.response("r1", "c1", 3, "slow", T0), T0, List.of(followUp)),
                    submission(Fixtures.response("r2", null, 10, null, T0), T0, List.of()));

            List<SubmitResult> results = store.submitAll(batch);

            assertThat(results).extracting(SubmitResult::stored).containsExactly(true, true);
            assertThat(results.get(0).followUps()).containsExactly(followUp);
            var events = new ArrayList<FeedbackEvent>(batch.get(0).events());
            events.addAll(batch.get(1).events());
            assertThat(store.pollOutbox(100)).extracting(OutboxEntry::event).containsExactlyElementsOf(events);
            assertThat(store.findResponse("r2")).isPresent();
            assertThat(store.findFollowUp(followUp.id())).contains(followUp);
            assertThat(store.touches("c1")).hasSize(1);
            assertThat(store.findCustomer("c1")).isPresent();
        }

        @Test
        void submit_appendsItsEventsToTheOutboxInOrder() {
            Submission submission = submission(Fixtures.response("r1", "c1", 3, "slow", T0), T0,
                    List.of(detractorFollowUp("r1", "c1", T0)));

            store.submit(submission);

            assertThat(store.pollOutbox(10)).extracting(OutboxEntry::event)
                    .containsExactlyElementsOf(submission.events());
        }

        @Test
        void submitAll_idRepeatedInsideTheBatch_storesTheFirstAndReportsItForTheSecond() {
            Response first = Fixtures.response("r1", "c1", 9, null, T0);
            Response second = Fixtures.response("r1", "c2", 2, "other", T0);

            List<SubmitResult> results = store.submitAll(List.of(submission(first, T0, List.of()),
                    submission(second, T0.plusSeconds(1), List.of())));

            assertThat(results.get(0).stored()).isTrue();
            assertThat(results.get(1).stored()).isFalse();
            assertThat(results.get(1).response()).isEqualTo(new StoredResponse(first, T0));
            assertThat(store.findResponse("r1")).contains(new StoredResponse(first, T0));
            assertThat(outboxEvents()).hasSize(1);
            assertThat(store.findCustomer("c2")).isEmpty();
        }

        @Test
        void submitAll_idAlreadyStored_writesNothingForItAndStoresTheRest() {
            FollowUp existing = submitDetractor("r1", "c1", T0);
            int eventsBefore = outboxEvents().size();

            List<SubmitResult> results = store.submitAll(List.of(
                    submission(Fixtures.response("r1", "c9", 10, null, T0), T0, List.of()),
                    submission(Fixtures.response("r2", "c2", 10, null, T0), T0, List.of())));

            assertThat(results.get(0).stored()).isFalse();
            assertThat(results.get(0).response().response().respondent().customerId()).isEqualTo("c1");
            assertThat(results.get(0).followUps()).containsExactly(existing);
            assertThat(results.get(1).stored()).isTrue();
            assertThat(outboxEvents()).hasSize(eventsBefore + 1);
            assertThat(store.findCustomer("c9")).isEmpty();
        }

        @Test
        void submitAll_failingPart_writesNothingOfTheBatch() {
            FollowUp taken = submitDetractor("r1", "c1", T0);
            int eventsBefore = outboxEvents().size();
            FollowUp reused = new FollowUp(taken.id(), 1, "r3", Fixtures.SURVEY, "nps-detractor", "x", Priority.LOW,
                    "ana", "c3", Map.of(), T0, T0, null, FollowUpState.OPEN, null, null, null, null, List.of(),
                    taken.history());

            assertThatThrownBy(() -> store.submitAll(List.of(
                    submission(Fixtures.response("r2", "c2", 10, null, T0), T0, List.of()),
                    submission(Fixtures.response("r3", "c3", 1, "x", T0), T0, List.of(reused)))))
                    .isInstanceOfSatisfying(FollowUpConflictException.class,
                            e -> assertThat(e.followUpIds()).containsExactly(taken.id()));

            assertThat(store.findResponse("r2")).isEmpty();
            assertThat(store.findResponse("r3")).isEmpty();
            assertThat(store.findCustomer("c2")).isEmpty();
            assertThat(store.touches("c2")).isEmpty();
            assertThat(outboxEvents()).hasSize(eventsBefore);
        }

        @Test
        void quota_countsTheBatchAndRefusesNothingOfAResubmission() {
            var quota = new CustomerQuota(2, Duration.ofHours(1), T0.plusSeconds(10));
            Submission first = withQuota(Fixtures.response("r1", "c1", 9, null, T0), quota);
            store.submit(first);

            assertThat(store.submit(first).stored()).isFalse();
            assertThatThrownBy(() -> store.submitAll(List.of(
                    withQuota(Fixtures.response("r2", "c1", 9, null, T0), quota),
                    withQuota(Fixtures.response("r3", "c1", 9, null, T0), quota))))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                        assertThat(e.responseId()).isEqualTo("r3");
                        assertThat(e.limit()).isEqualTo(LimitExceededException.Limit.RESPONSES_PER_CUSTOMER);
                    });
            assertThat(store.findResponse("r2")).isEmpty();
            assertThat(store.submit(withQuota(Fixtures.response("r2", "c1", 9, null, T0), quota)).stored()).isTrue();
            assertThat(store.submit(first).stored()).isFalse();
            assertThat(store.submitAll(List.of(first, withQuota(Fixtures.response("r2", "c1", 9, null, T0), quota))))
                    .extracting(SubmitResult::stored).containsExactly(false, false);
            assertThat(store.submit(withQuota(Fixtures.response("r9", "c1", 9, null, T0),
                    new CustomerQuota(2, Duration.ofSeconds(5), T0.plusSeconds(10)))).stored()).isTrue();
        }

        private Submission withQuota(Response response, CustomerQuota quota) {
            Submission plain = submission(response, T0, List.of());
            return new Submission(plain.response(), plain.followUps(), plain.touches(), plain.newCustomer(),
                    plain.events(), quota);
        }

        @Test
        void submitAll_emptyBatch_returnsNothing() {
            assertThat(store.submitAll(List.of())).isEmpty();
        }

        @Test
        void findResponses_returnsTheStoredOnes() {
            submitDetractor("r1", "c1", T0);
            submitDetractor("r2", "c2", T0);

            assertThat(store.findResponses(List.of("r1", "nope", "r2")))
                    .containsOnlyKeys("r1", "r2")
                    .hasEntrySatisfying("r1", r -> assertThat(r.id()).isEqualTo("r1"));
        }

        @Test
        void loopSubmitAll_returnsReceiptsInOrder_andDeliversEveryEventOnce() {
            FeedbackLoop loop = loop();
            List<Response> batch = List.of(Fixtures.response("b", "c1", 3, "slow", T0),
                    Fixtures.response("a", null, 10, null, T0), Fixtures.response("c", "c2", 8, null, T0));

            List<Receipt> receipts = loop.submitAll(batch);

            assertThat(receipts).extracting(Receipt::responseId).containsExactly("b", "a", "c");
            assertThat(receipts.get(0).followUpIds()).hasSize(1);
            assertThat(receipts).allSatisfy(r -> assertThat(r.receivedAt()).isEqualTo(T0));
            assertThat(acceptedIds()).containsExactly("b", "a", "c");
            assertThat(delivered).filteredOn(FeedbackEvent.FollowUpOpened.class::isInstance).hasSize(1);
            assertThat(store.pollOutbox(10)).isEmpty();
            assertThat(loop.submit(batch.get(1))).isEqualTo(receipts.get(1));
        }

        @Test
        void loopSubmitAll_oneInvalidResponse_rejectsTheWholeBatchWithTheViolationsOfEachBadResponse() {
            FeedbackLoop loop = loop();
            Response good = Fixtures.response("good", "c1", 3, "slow", T0);
            Response outOfScale = Fixtures.response("bad", "c2", 11, null, T0);
            Response unknownVersion = new Response("stray", Fixtures.SURVEY, 9, Respondent.of("c3", Map.of()), T0,
                    "web", Map.of("nps", Answer.rating(5)), List.of());

            assertThatThrownBy(() -> loop.submitAll(List.of(good, outOfScale, unknownVersion)))
                    .isInstanceOfSatisfying(InvalidBatchException.class, e -> {
                        assertThat(e.positions()).containsExactly(1, 2);
                        assertThat(e.rejected()).extracting(InvalidResponseException::responseId)
                                .containsExactly("bad", "stray");
                        assertThat(e.rejected().get(0).violations()).extracting(Violation::path)
                                .containsExactly("answers.nps");
                        assertThat(e.violations()).extracting(Violation::path)
                                .containsExactly("responses[1].answers.nps", "responses[2].surveyVersion");
                        assertThat(e.violations().get(0).message()).startsWith("responses[1].answers.nps: ");
                    });

            assertThat(store.findResponse("good")).isEmpty();
            assertThat(store.findCustomer("c1")).isEmpty();
            assertThat(store.pollOutbox(10)).isEmpty();
            assertThat(delivered).isEmpty();
        }

        @Test
        void loopSubmitAll_sameResponseTwiceInTheBatch_storesItOnceWithEqualReceipts() {
            FeedbackLoop loop = loop();
            Response response = Fixtures.response("r1", "c1", 3, "slow", T0);

            List<Receipt> receipts = loop.submitAll(List.of(response, Fixtures.response("r2", null, 9, null, T0),
                    response));

            assertThat(receipts.get(2)).isEqualTo(receipts.get(0));
            assertThat(store.followUpsOfResponse("r1")).hasSize(1);
            assertThat(acceptedIds()).containsExactly("r1", "r2");
        }

        @Test
        void loopSubmitAll_differentResponsesUnderOneIdInTheBatch_isAConflictAndStoresNothing() {
            FeedbackLoop loop = loop();

            assertThatThrownBy(() -> loop.submitAll(List.of(Fixtures.response("r2", null, 9, null, T0),
                    Fixtures.response("r1", "c1", 3, "slow", T0), Fixtures.response("r1", "c1", 4, "slow", T0))))
                    .isInstanceOfSatisfying(ResponseConflictException.class,
                            e -> assertThat(e.responseId()).isEqualTo("r1"));

            assertThat(store.findResponse("r2")).isEmpty();
            assertThat(delivered).isEmpty();
        }

        @Test
        void loopSubmitAll_withAStoredResponse_returnsItsReceiptOrRefusesADifferentOne() {
            FeedbackLoop loop = loop();
            Response stored = Fixtures.response("r1", "c1", 3, "slow", T0);
            Receipt first = loop.submit(stored);
            delivered.clear();

            List<Receipt> again = loop.submitAll(List.of(stored, Fixtures.response("r2", null, 9, null, T0)));

            assertThat(again.get(0)).isEqualTo(first);
            assertThat(acceptedIds()).containsExactly("r2");
            assertThatThrownBy(() -> loop.submitAll(List.of(Fixtures.response("r3", null, 9, null, T0),
                    Fixtures.response("r1", "c1", 0, "worse", T0))))
                    .isInstanceOf(ResponseConflictException.class);
            assertThat(store.findResponse("r3")).isEmpty();
        }

        @Test
        void loopSubmitAll_randomBatchesWithRepeats_storeEachIdOnceAndDeliverEachEventOnce() {
            long seed = Long.getLong("feedbackloop.seed", System.nanoTime());
            System.out.println("FeedbackStoreContract.Batches seed = " + seed + " (rerun with -Dfeedbackloop.seed="
                    + seed + ")");
            var random = new Random(seed);
            FeedbackLoop loop = loop();
            var pool = new ArrayList<Response>();
            for (int i = 0; i < 40; i++) {
                pool.add(Fixtures.response("r" + i, random.nextBoolean() ? null : "c" + random.nextInt(5),
                        random.nextInt(11), random.nextBoolean() ? "text " + i : null, T0));
            }
            var receipts = new HashMap<String, Receipt>();
            for (int round = 0; round < 6; round++) {
                var batch = new ArrayList<Response>();
                int size = random.nextInt(12);
                for (int i = 0; i < size; i++) {
                    batch.add(pool.get(random.nextInt(pool.size())));
                }
                List<Receipt> got = loop.submitAll(batch);
                assertThat(got).hasSameSizeAs(batch);
                for (int i = 0; i < batch.size(); i++) {
                    assertThat(got.get(i).responseId()).isEqualTo(batch.get(i).id());
                    Receipt earlier = receipts.putIfAbsent(batch.get(i).id(), got.get(i));
                    assertThat(earlier == null ? got.get(i) : earlier).isEqualTo(got.get(i));
                }
            }

            assertThat(acceptedIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(receipts.keySet());
            long detractors = receipts.keySet().stream().map(id -> pool.get(Integer.parseInt(id.substring(1))))
                    .filter(r -> ((Answer.Rating) r.answer("nps")).value() <= 6).count();
            assertThat(delivered).filteredOn(FeedbackEvent.FollowUpOpened.class::isInstance).hasSize((int) detractors);
            assertThat(store.pollOutbox(100)).isEmpty();
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
            assertThat(store.findFollowUp(opened.id())).contains(contacted);
        }

        @Test
        void update_withAStaleVersion_throwsAndWritesNothing() {
            FollowUp opened = submitDetractor("r1", "c1", T0);
            FollowUp contacted = apply(opened.contact(Contact.of("phone", "ana", T0.plusSeconds(60), null)));
            int eventsBefore = outboxEvents().size();
            FollowUp stale = opened.close(Closure.of("no-answer", "bob", T0.plusSeconds(90), null));

            assertThatThrownBy(() -> store.update(new FollowUpChange(stale, List.of(), List.of(
                    new FeedbackEvent.FollowUpClosed(stale.id(), "bob", "no-answer", "c1", T0)))))
                    .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                        assertThat(e.expectedVersion()).isEqualTo(1);
                        assertThat(e.actualVersion()).isEqualTo(2);
                    });
            assertThat(store.findFollowUp(opened.id())).contains(contacted);
            assertThat(outboxEvents()).hasSize(eventsBefore);
        }

        @Test
        void update_unknownFollowUp_throwsNotFound() {
            FollowUp never = detractorFollowUp("r9", null, T0).pause("ana", T0, null);

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
            assertThat(store.findFollowUp(opened.id())).contains(worked);
        }

        private List<FollowUp> steps(FollowUp from, FollowUp to) {
            // replays the history of `to` one version at a time, rebuilding the intermediate values
            var steps = new ArrayList<FollowUp>();
            FollowUp current = from;
            FollowUp e1 = current.escalate(to.escalations().get(0));
            steps.add(e1);
            FollowUp c = e1.contact(to.firstContact());
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
            store.submit(submission(Fixtures.response("b", "c2", 1, null, T0, Map.of("plan", "enterprise")),
                    T0, List.of(FollowUp.open("b", Fixtures.SURVEY, "nps-detractor", "x", Priority.URGENT, "bob",
                            "c2", Map.of("plan", "enterprise"), T0, T0.plusSeconds(10), null))));
            FollowUp b = store.findFollowUp("b/nps-detractor").orElseThrow();
            FollowUp c = apply(submitDetractor("c", "c1", T0.plusSeconds(1))
                    .contact(Contact.of("email", "ana", T0.plusSeconds(2), null)));

            assertThat(store.followUps(FollowUpQuery.all())).containsExactly(b, a, c);
            assertThat(store.followUps(FollowUpQuery.all().withState(FollowUpState.OPEN))).containsExactly(b, a);
            assertThat(store.followUps(FollowUpQuery.all().withOwner("ana"))).containsExactly(a, c);
            assertThat(store.followUps(FollowUpQuery.all().withPriority(Priority.URGENT))).containsExactly(b);
            assertThat(store.followUps(FollowUpQuery.all().withCustomer("c1"))).containsExactly(a, c);
            assertThat(store.followUps(FollowUpQuery.all().withSegment("plan", "enterprise"))).containsExactly(b);
            assertThat(store.followUps(FollowUpQuery.all().withSurvey("other"))).isEmpty();
            assertThat(store.followUps(FollowUpQuery.all().withOwner("ana").withState(FollowUpState.CONTACTED)))
                    .containsExactly(c);
            assertThat(store.followUps(FollowUpQuery.all().withLimit(1))).containsExactly(b);
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

            assertThat(store.pendingDue(DeadlineKind.FIRST_CONTACT, null, farFuture, 100))
                    .containsExactly(early, late);
            assertThat(store.pendingDue(DeadlineKind.FIRST_CONTACT, null, early.firstContactDue(), 100))
                    .isEmpty();
            assertThat(store.pendingDue(DeadlineKind.FIRST_CONTACT, null, early.firstContactDue().plusNanos(1000),
                    100)).containsExactly(early);
            assertThat(store.pendingDue(DeadlineKind.FIRST_CONTACT, early.firstContactDue().plusSeconds(1),
                    farFuture, 100)).containsExactly(late);
            assertThat(store.pendingDue(DeadlineKind.FIRST_CONTACT, null, farFuture, 1)).containsExactly(early);
        }

        @Test
        void pendingDue_forResolution_includesContactedButNotDone() {
            FollowUp open = submitDetractor("open", "c1", T0);
            FollowUp contacted = apply(submitDetractor("contacted", "c1", T0.plusSeconds(1))
                    .contact(Contact.of("phone", "ana", T0.plusSeconds(2), null)));
            FollowUp resolvedBase = apply(submitDetractor("resolved", "c1", T0)
                    .contact(Contact.of("phone", "ana", T0.plusSeconds(2), null)));
            apply(resolvedBase.resolve(Resolution.of("fixed", "bug", "ana", T0.plusSeconds(3), null)));

            assertThat(store.pendingDue(DeadlineKind.RESOLUTION, null, T0.plus(Duration.ofDays(365)), 100))
                    .containsExactly(open, contacted);
        }

        @Test
        void pendingDue_afterResume_usesTheMovedDeadline() {
            FollowUp opened = submitDetractor("r1", "c1", T0);
            FollowUp paused = apply(opened.pause("ana", T0.plusSeconds(10), null));
            Instant moved = opened.firstContactDue().plus(Duration.ofDays(2));
            apply(paused.resume("ana", T0.plusSeconds(20), moved, paused.resolutionDue()));

            assertThat(store.pendingDue(DeadlineKind.FIRST_CONTACT, null, opened.firstContactDue().plusSeconds(1),
                    10)).isEmpty();
            assertThat(store.pendingDue(DeadlineKind.FIRST_CONTACT, null, moved.plusSeconds(1), 10))
                    .extracting(FollowUp::id).containsExactly(opened.id());
        }

        @Test
        void forEachFollowUp_streamsInOrderOfOpening() {
            submitDetractor("b", null, T0.plusSeconds(5));
            submitDetractor("a", null, T0.plusSeconds(9));
            submitDetractor("c", null, T0);
            var seen = new ArrayList<String>();

            store.forEachFollowUp(f -> seen.add(f.responseId()));

            assertThat(seen).containsExactly("c", "b", "a");
        }
    }

    // ---- customers and touches ------------------------------------------------------------------------------

    @Nested
    class CustomersAndTouches {

        @Test
        void putCustomer_registersAndReplaces() {
            store.putCustomer(Customer.of("c1", Map.of("tier", "gold")));
            store.putCustomer(Customer.of("c1", Map.of("tier", "strategic")));

            assertThat(store.findCustomer("c1")).contains(Customer.of("c1", Map.of("tier", "strategic")));
            assertThat(store.findCustomer("c2")).isEmpty();
        }

        @Test
        void submission_registersANewCustomerButKeepsAnExistingOne() {
            store.putCustomer(Customer.of("c1", Map.of("tier", "strategic")));

            submitDetractor("r1", "c1", T0);
            submitDetractor("r2", "c2", T0);

            assertThat(store.findCustomer("c1")).contains(Customer.of("c1", Map.of("tier", "strategic")));
            assertThat(store.findCustomer("c2")).contains(Customer.of("c2", Map.of("plan", "pro")));
        }

        @Test
        void touches_areReturnedOldestFirst() {
            Touch call = Touch.contact("c1", TouchKind.CALL, T0.plusSeconds(50), "ana", "renewal");
            Touch meeting = Touch.contact("c1", TouchKind.MEETING, T0, "bob", null);
            store.recordTouch(call, List.of());
            store.recordTouch(meeting, List.of());
            store.recordTouch(Touch.contact("c2", TouchKind.CALL, T0, "ana", null), List.of());

            assertThat(store.touches("c1")).containsExactly(meeting, call);
            assertThat(store.touches("c3")).isEmpty();
        }

        @Test
        void forEachCustomer_reportsLastContactAndLastAnswer() {
            store.putCustomer(Customer.of("b", Map.of()));
            store.putCustomer(Customer.of("a", Map.of()));
            store.recordTouch(Touch.contact("a", TouchKind.CALL, T0, "ana", null), List.of());
            store.recordTouch(Touch.contact("a", TouchKind.MESSAGE, T0.plusSeconds(30), "ana", null), List.of());
            store.recordTouch(Touch.survey("a", TouchKind.SURVEY_ANSWERED, T0.plusSeconds(10), "s"), List.of());
            store.recordTouch(Touch.survey("b", TouchKind.SURVEY_INVITED, T0.plusSeconds(99), "s"), List.of());
            var seen = new ArrayList<CustomerActivity>();

            store.forEachCustomer(seen::add);

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
            store.update(new FollowUpChange(followUp.contact(Contact.of("phone", "ana", T0, null)), List.of(),
                    List.of(contacted)));
            var due = new FeedbackEvent.CustomerDueForContact("c9", "strategic", null, T0, T0);
            store.append(List.of(due));

            assertThat(outboxEvents()).hasSize(4).endsWith(contacted, due);
            assertThat(outboxEvents().get(0)).isInstanceOf(FeedbackEvent.ResponseAccepted.class);
            assertThat(outboxEvents().get(1)).isInstanceOf(FeedbackEvent.FollowUpOpened.class);
        }

        @Test
        void poll_doesNotRemove_andAcknowledgeDoes() {
            store.append(List.of(new FeedbackEvent.CustomerDueForContact("a", "t", null, T0, T0),
                    new FeedbackEvent.CustomerDueForContact("b", "t", null, T0, T0),
                    new FeedbackEvent.CustomerDueForContact("c", "t", null, T0, T0)));

            List<OutboxEntry> first = store.pollOutbox(2);
            List<OutboxEntry> again = store.pollOutbox(2);
            store.acknowledge(List.of(first.get(0).sequence(), 987_654L));

            assertThat(first).hasSize(2).isEqualTo(again);
            assertThat(first.get(0).sequence()).isLessThan(first.get(1).sequence());
            assertThat(store.pollOutbox(10)).extracting(e -> e.event().customerId()).containsExactly("b", "c");
        }

        @Test
        void acknowledged_sequencesAreNeverReused() {
            store.append(List.of(new FeedbackEvent.CustomerDueForContact("a", "t", null, T0, T0)));
            long first = store.pollOutbox(1).get(0).sequence();
            store.acknowledge(List.of(first));
            store.append(List.of(new FeedbackEvent.CustomerDueForContact("b", "t", null, T0, T0)));

            assertThat(store.pollOutbox(1).get(0).sequence()).isGreaterThan(first);
        }

        @Test
        void recordTouch_appendsItsEvents() {
            var event = new FeedbackEvent.CustomerDueForContact("c1", "t", null, T0, T0);

            store.recordTouch(Touch.contact("c1", TouchKind.CALL, T0, "ana", null), List.of(event));

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
            store.recordTouch(Touch.contact("c1", TouchKind.CALL, T0, "ana", "private"), List.of());

            ErasureReport report = erase("c1");

            StoredResponse erased = store.findResponse("r1").orElseThrow();
            assertThat(erased.response().respondent().customerId()).isNull();
            assertThat(erased.response().answers()).containsOnlyKeys("nps");
            assertThat(erased.response().answer("nps")).isEqualTo(Answer.rating(3));
            assertThat(erased.response().respondent().attributes()).containsEntry("plan", "pro");
            FollowUp anonymous = store.findFollowUp(followUp.id()).orElseThrow();
            assertThat(anonymous.customerId()).isNull();
            assertThat(anonymous.firstContact().note()).isNull();
            assertThat(anonymous.history()).allSatisfy(h -> assertThat(h.note()).isNull());
            assertThat(store.touches("c1")).isEmpty();
            assertThat(store.findCustomer("c1")).isEmpty();
            assertThat(store.responsesOfCustomer("c1")).isEmpty();
            assertThat(store.followUps(FollowUpQuery.all().withCustomer("c1"))).isEmpty();
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

            assertThat(store.findResponse("r2").orElseThrow().response().answer("why"))
                    .isEqualTo(Answer.text("slow support"));
            assertThat(store.findFollowUp(other.id())).contains(other);
            assertThat(store.touches("c2")).hasSize(1);
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

            assertThatThrownBy(() -> store.update(new FollowUpChange(stale,
                    List.of(Touch.contact("CUST-SECRET", TouchKind.FOLLOW_UP_CONTACT, T0, "ana", null)),
                    List.of(new FeedbackEvent.FollowUpContacted(stale.id(), "ana", "phone", "CUST-SECRET", T0)))))
                    .isInstanceOfSatisfying(VersionConflictException.class,
                            e -> assertThat(e.actualVersion()).isEqualTo(2));

            FollowUp stored = store.findFollowUp(read.id()).orElseThrow();
            assertThat(stored.customerId()).isNull();
            assertThat(stored.firstContact()).isNull();
            assertThat(stored.isErased()).isTrue();
            assertThat(store.touches("CUST-SECRET")).isEmpty();
            assertThat(outboxEvents()).noneMatch(e -> "CUST-SECRET".equals(e.customerId()));
        }

        @Test
        void eraseCustomer_movesEachFollowUpOneVersionOnAndEndsItsHistory() {
            FollowUp followUp = apply(submitDetractor("r1", "c1", T0)
                    .contact(Contact.of("phone", "ana", T0.plusSeconds(5), "said X")));

            erase("c1");

            FollowUp erased = store.findFollowUp(followUp.id()).orElseThrow();
            assertThat(erased).isEqualTo(followUp.erased(ERASED_AT, java.util.Set.of(), java.util.Set.of()));
            assertThat(erased.version()).isEqualTo(3);
            assertThat(erased.history()).last().extracting(HistoryEntry::action).isEqualTo(FollowUpAction.ERASED);
        }

        @Test
        void throughTheLoop_stepsOnAnErasedFollowUpAreRefusedAndFreeTextGoesButTaxonomyCodesStay() {
            FeedbackLoop loop = FeedbackLoop.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                    .taxonomy(java.util.Set.of("refund"), java.util.Set.of("billing")).build();
            loop.register(Fixtures.survey());
            String resolved = loop.submit(Fixtures.response("r1", "c1", 2, "text", T0)).followUpIds().get(0);
            String closed = loop.submit(Fixtures.response("r2", "c1", 2, "text", T0)).followUpIds().get(0);
            loop.followUps().contact(resolved, 1, Contact.of("phone", "ana", loop.now(), "NOTE-SECRET"));
            loop.followUps().resolve(resolved, 2, Resolution.of("refund", "billing", "ana", loop.now(),
                    "NOTE-SECRET resolved"));
            loop.followUps().close(closed, 1, Closure.of("customer moved to NOTE-SECRET street", "ana", loop.now(),
                    null));

            loop.eraseCustomer("c1");

            FollowUp erasedResolved = loop.followUps().followUp(resolved);
            FollowUp erasedClosed = loop.followUps().followUp(closed);
            assertThat(erasedResolved.resolution()).isEqualTo(Resolution.of("refund", "billing", "ana", T0, null));
            assertThat(erasedClosed.closeReason()).isEqualTo(FollowUp.ERASED_TEXT);
            assertThat(erasedResolved + " " + erasedClosed).doesNotContain("SECRET").doesNotContain("c1");
            assertThatThrownBy(() -> loop.followUps().reopen(resolved, erasedResolved.version(), "ana", null))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("erased");
            assertThatThrownBy(() -> loop.followUps().reopen(closed, erasedClosed.version(), "ana", null))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThat(loop.followUps().followUp(resolved)).isEqualTo(erasedResolved);
        }

        @Test
        void throughTheLoop_freeTextCodesAreErasedWithoutATaxonomy() {
            FeedbackLoop loop = FeedbackLoop.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
            loop.register(Fixtures.survey());
            String id = loop.submit(Fixtures.response("r1", "c1", 2, "text", T0)).followUpIds().get(0);
            loop.followUps().contact(id, 1, Contact.of("phone", "ana", loop.now(), null));
            loop.followUps().resolve(id, 2, Resolution.of("refunded CUST-SECRET", "CUST-SECRET's card", "ana",
                    loop.now(), null));

            loop.eraseCustomer("c1");

            assertThat(loop.followUps().followUp(id).resolution()).isEqualTo(Resolution.of(FollowUp.ERASED_TEXT,
                    FollowUp.ERASED_TEXT, "ana", T0, null));
        }

        @Test
        void erasedFollowUp_staysInTheDeadlineIndex() {
            FollowUp followUp = submitDetractor("r1", "c1", T0);

            erase("c1");

            assertThat(store.pendingDue(DeadlineKind.FIRST_CONTACT, null, T0.plus(Duration.ofDays(30)), 10))
                    .extracting(FollowUp::id).containsExactly(followUp.id());
        }
    }

    // ---- through the loop: text the stores keep as given, tokens, delivery ------------------------------------

    /** A loop over a store at {@code T0}, with a detractor policy, a recording listener and optional parts. */
    static FeedbackLoop loopOver(FeedbackStore over, RecordingListener listener,
                                 java.util.function.UnaryOperator<FeedbackLoop.Builder> parts) {
        FeedbackLoop loop = parts.apply(FeedbackLoop.builder().store(over).clock(Clock.fixed(T0, ZoneOffset.UTC))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).listener(listener)).build();
        loop.register(Fixtures.survey());
        return loop;
    }

    private static String storedIds(FeedbackStore store) {
        var ids = new ArrayList<String>();
        store.forEachResponse(Fixtures.SURVEY, r -> ids.add(r.id()));
        return String.join(",", ids);
    }

    @Nested
    class Texts {

        private final RecordingListener listener = new RecordingListener();
        private final List<FeedbackEvent> delivered = listener.events();

        @Test
        void unpairedSurrogate_isRefusedByValidationNamingThePathAndNothingIsStored() {
            FeedbackLoop loop = loopOver(store, listener, b -> b);
            Response halfEmoji = Fixtures.response("r1", "c1", 3, "great \uD83D", T0);
            Response fromJson = SurveyJson.standard().readResponse(SurveyJson.standard()
                    .write(Fixtures.response("r2", "c1", 3, "great X", T0)).replace("great X", "great \\ud83d"));

            assertThat(((Answer.Text) fromJson.answer("why")).text()).isEqualTo("great \uD83D");
            for (Response response : List.of(halfEmoji, fromJson, halfEmoji)) {
                assertThatThrownBy(() -> loop.submit(response)).isInstanceOfSatisfying(InvalidResponseException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo("answers.why");
                            assertThat(v.is(ViolationCode.INVALID_CHARACTER)).isTrue();
                        }));
            }
            assertThatThrownBy(() -> loop.submit(Fixtures.response("r\uD800", "c1", 3, null, T0)))
                    .isInstanceOfSatisfying(InvalidResponseException.class, e ->
                            assertThat(e.violations()).extracting(Violation::path).containsExactly("id"));
            assertThat(storedIds(store)).isEmpty();
            assertThat(delivered).isEmpty();
        }

        @Test
        void nulInOneResponseOfABatch_rejectsTheBatchAsInvalidNamingItAndStoresNothing() {
            FeedbackLoop loop = loopOver(store, listener, b -> b);
            var batch = new ArrayList<Response>();
            for (int i = 0; i < 11; i++) {
                batch.add(Fixtures.response("r" + i, "c" + i, 3, "fine", T0,
                        Map.of("plan", i == 5 ? "pro\u0000" : "pro")));
            }

            assertThatThrownBy(() -> loop.submitAll(batch)).isInstanceOfSatisfying(InvalidBatchException.class, e -> {
                assertThat(e.positions()).containsExactly(5);
                assertThat(e.violations()).extracting(Violation::path)
                        .containsExactly("responses[5].respondent.attributes[plan]");
            });
            assertThat(storedIds(store)).isEmpty();
            assertThat(loop.submitAll(batch.subList(0, 5))).hasSize(5);
        }

        @Test
        void nulInAContactNote_isRefusedBeforeTheStoreAndTheFollowUpIsUnchanged() {
            FeedbackLoop loop = loopOver(store, listener, b -> b);
            String id = loop.submit(Fixtures.response("r1", "c1", 3, "slow", T0)).followUpIds().get(0);

            assertThatThrownBy(() -> loop.followUps().contact(id, 1, Contact.of("phone", "ana", loop.now(),
                    "called \u0000")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("NUL");
            assertThatThrownBy(() -> loop.care().recordContact("c1", TouchKind.CALL, "ana", "x\uDFFF"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("surrogate");

            assertThat(store.findFollowUp(id).orElseThrow().version()).isEqualTo(1);
            assertThat(store.touches("c1")).hasSize(1);
        }

        @Test
        void hugeNotesAndReasons_areRefusedBeforeTheStore() {
            FeedbackLoop loop = loopOver(store, listener, b -> b);
            String id = loop.submit(Fixtures.response("r1", "c1", 3, "slow", T0)).followUpIds().get(0);
            String huge = "x".repeat(FollowUp.MAX_NOTE_LENGTH + 1);

            assertThatThrownBy(() -> loop.followUps().contact(id, 1, Contact.of("phone", "ana", loop.now(), huge)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("note");
            assertThatThrownBy(() -> loop.followUps().close(id, 1, Closure.of(huge, "ana", loop.now(), null)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("reason"));
            assertThatThrownBy(() -> loop.care().recordContact("c1", TouchKind.CALL, "ana", huge))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("touch.note");

            assertThat(store.findFollowUp(id).orElseThrow().version()).isEqualTo(1);
            assertThat(loop.followUps().contact(id, 1, Contact.of("phone", "ana", loop.now(),
                    huge.substring(1))).version()).isEqualTo(2);
        }
    }

    @Nested
    class InvitationTokens {

        private final RecordingListener listener = new RecordingListener();
        private final List<FeedbackEvent> delivered = listener.events();
        private final Invitations invitations = Invitations.builder().signWith(SigningKey.of("k", new byte[32]))
                .build();
        private final String token = invitations.issue(new Invitation("t-1", Fixtures.SURVEY, "c-1042",
                T0.plus(Duration.ofDays(7)), Map.of()));

        @Test
        void responseConflict_doesNotSpendTheToken() {
            FeedbackLoop loop = loopOver(store, listener, b -> b.invitations(invitations));
            loop.submit(Fixtures.response("r1", "someone", 9, null, T0));

            assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", null, 3, null, T0), token))
                    .isInstanceOf(ResponseConflictException.class);

            assertThat(loop.submit(Fixtures.response("r2", null, 3, null, T0), token).responseId()).isEqualTo("r2");
            assertThatThrownBy(() -> loop.submit(Fixtures.response("r3", null, 3, null, T0), token))
                    .isInstanceOfSatisfying(InvitationException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvitationException.Reason.ALREADY_USED));
        }

        @Test
        void limitCountedByTheStore_doesNotSpendTheToken() {
            FeedbackLoop loop = loopOver(store, listener, b -> b.invitations(invitations)
                    .limits(SubmissionLimits.standard().withResponsesPerCustomer(1, Duration.ofHours(1))));
            loop.submit(Fixtures.response("r1", "c-1042", 9, null, T0));

            assertThatThrownBy(() -> loop.submit(Fixtures.response("r2", null, 3, null, T0), token))
                    .isInstanceOf(LimitExceededException.class);

            assertThat(storedIds(store)).isEqualTo("r1");
            FeedbackLoop later = loopOver(store, listener, b -> b.invitations(invitations)
                    .limits(SubmissionLimits.standard().withResponsesPerCustomer(2, Duration.ofHours(1))));
            assertThat(later.submit(Fixtures.response("r3", null, 3, null, T0), token).responseId()).isEqualTo("r3");
        }
    }

    @Nested
    class Delivery {

        private final RecordingListener listener = new RecordingListener();
        private final List<FeedbackEvent> delivered = listener.events();

        private List<String> deliveredKinds() {
            return delivered.stream().map(e -> e.getClass().getSimpleName()).toList();
        }

        @Test
        void afterARestart_eventsLeftInTheOutboxComeFirstEvenWhenTheFirstCallIsASubmit() {
            store.append(List.of(new FeedbackEvent.CustomerDueForContact("left-1", "t", null, T0, T0),
                    new FeedbackEvent.CustomerDueForContact("left-2", "t", null, T0, T0)));
            FeedbackLoop restarted = loopOver(store, listener, b -> b);

            restarted.submit(Fixtures.response("r1", "c1", 9, null, T0));

            assertThat(deliveredKinds()).containsExactly("CustomerDueForContact", "CustomerDueForContact",
                    "ResponseAccepted");
            assertThat(delivered.get(0).customerId()).isEqualTo("left-1");
            assertThat(store.pollOutbox(10)).isEmpty();
        }

        @Test
        void acknowledgementFailureAfterTheCommit_returnsTheReceiptAndDeliversTheEventsAgainLater() {
            var failAcknowledgements = new java.util.concurrent.atomic.AtomicBoolean(true);
            FeedbackStore failing = new ForwardingStore(store) {
                @Override
                public void acknowledge(java.util.Collection<Long> sequences) {
                    if (failAcknowledgements.get()) {
                        throw new IllegalStateException("acknowledgement failed for CUST-SECRET");
                    }
                    super.acknowledge(sequences);
                }
            };
            FeedbackLoop loop = loopOver(failing, listener, b -> b);

            Receipt receipt = loop.submit(Fixtures.response("r1", "c1", 9, null, T0));
            failAcknowledgements.set(false);
            int again = loop.deliverPendingEvents();

            assertThat(receipt.responseId()).isEqualTo("r1");
            assertThat(store.findResponse("r1")).isPresent();
            assertThat(again).isEqualTo(1);
            assertThat(deliveredKinds()).containsExactly("ResponseAccepted", "ResponseAccepted");
            assertThat(store.pollOutbox(10)).isEmpty();
        }

        @Test
        void storeThatKeepsAcknowledgedEntries_boundsTheDeliveryWorkOfEachCall() {
            var polls = new java.util.concurrent.atomic.AtomicInteger();
            FeedbackStore keeping = new ForwardingStore(store) {
                @Override
                public List<OutboxEntry> pollOutbox(int max) {
                    if (polls.incrementAndGet() > 1_000) {
                        throw new IllegalStateException("polled 1,000 times in one test");
                    }
                    return super.pollOutbox(max);
                }

                @Override
                public void acknowledge(java.util.Collection<Long> sequences) {
                    // a broken store: acknowledged entries stay
                }
            };
            FeedbackLoop loop = loopOver(keeping, listener, b -> b);

            loop.submit(Fixtures.response("r1", "c1", 9, null, T0));
            loop.submit(Fixtures.response("r2", "c1", 9, null, T0));

            assertThat(delivered).filteredOn(e -> ((FeedbackEvent.ResponseAccepted) e).responseId().equals("r1"))
                    .hasSizeBetween(1, 2);
            assertThat(delivered).filteredOn(e -> ((FeedbackEvent.ResponseAccepted) e).responseId().equals("r2"))
                    .hasSize(1);
            assertThat(polls.get()).isLessThanOrEqualTo(4);
        }
    }
}
