package dev.feedbackloop.core;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.InvalidInputException;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.Closure;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.IllegalTransitionException;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.invitation.Invitation;
import dev.feedbackloop.core.invitation.InvitationException;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.invitation.SigningKey;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.ForwardingFeedbackStore;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoreTest;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.json.SurveyJson;
import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import dev.feedbackloop.testing.Seeds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the feedback loop guarantees on top of a store, checked on every store of the library: idempotent capture
 * whatever precision the store keeps, batches, erasure with a taxonomy, text refused before it reaches the store,
 * invitation tokens spent only by a stored response, and event delivery. What a store itself must do is the store
 * test kit's ({@code feedbackloop-store-tck}), which runs on the same stores.
 */
@ExtendWith(Seeds.class)
final class FeedbackLoopOnEveryStoreTest {

    private final RecordingListener listener = new RecordingListener();
    private final List<FeedbackEvent> delivered = listener.events();

    /** A loop over a store at {@code T0}, with a detractor policy, the recording listener and optional parts. */
    private FeedbackLoop loopOver(FeedbackStore store, UnaryOperator<FeedbackLoop.Builder> parts) {
        FeedbackLoop loop = parts.apply(FeedbackLoop.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).listener(listener)).build();
        loop.register(Fixtures.survey());
        return loop;
    }

    @Nested
    class Idempotence {

        @StoreTest
        void loopSubmit_sameResponseWithNanosecondsTwice_isIdempotent(FeedbackStore store) {
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

        @StoreTest
        void loopSubmit_sameResponseWithNanosecondsAfterARestart_isIdempotent(FeedbackStore store) {
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

    @Nested
    class Batches {

        private List<String> acceptedIds() {
            return delivered.stream().filter(FeedbackEvent.ResponseAccepted.class::isInstance)
                    .map(e -> ((FeedbackEvent.ResponseAccepted) e).responseId()).toList();
        }

        @StoreTest
        void loopSubmitAll_returnsReceiptsInOrder_andDeliversEveryEventOnce(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b);
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

        @StoreTest
        void loopSubmitAll_oneInvalidResponse_rejectsTheWholeBatchWithTheViolationsOfEachBadResponse(
                FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b);
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

        @StoreTest
        void loopSubmitAll_sameResponseTwiceInTheBatch_storesItOnceWithEqualReceipts(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b);
            Response response = Fixtures.response("r1", "c1", 3, "slow", T0);

            List<Receipt> receipts = loop.submitAll(List.of(response, Fixtures.response("r2", null, 9, null, T0),
                    response));

            assertThat(receipts.get(2)).isEqualTo(receipts.get(0));
            assertThat(store.followUpsOfResponse("r1")).hasSize(1);
            assertThat(acceptedIds()).containsExactly("r1", "r2");
        }

        @StoreTest
        void loopSubmitAll_differentResponsesUnderOneIdInTheBatch_isAConflictAndStoresNothing(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b);

            assertThatThrownBy(() -> loop.submitAll(List.of(Fixtures.response("r2", null, 9, null, T0),
                    Fixtures.response("r1", "c1", 3, "slow", T0), Fixtures.response("r1", "c1", 4, "slow", T0))))
                    .isInstanceOfSatisfying(ResponseConflictException.class,
                            e -> assertThat(e.responseId()).isEqualTo("r1"));

            assertThat(store.findResponse("r2")).isEmpty();
            assertThat(delivered).isEmpty();
        }

        @StoreTest
        void loopSubmitAll_withAStoredResponse_returnsItsReceiptOrRefusesADifferentOne(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b);
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

        @StoreTest
        void loopSubmitAll_randomBatchesWithRepeats_storeEachIdOnceAndDeliverEachEventOnce(FeedbackStore store,
                                                                                           Random random) {
            FeedbackLoop loop = loopOver(store, b -> b);
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
            loop.close();
            assertThat(store.pollOutbox(100)).as("closing acknowledges every delivered event").isEmpty();
        }
    }

    @Nested
    class Erasing {

        @StoreTest
        void throughTheLoop_stepsOnAnErasedFollowUpAreRefusedAndFreeTextGoesButTaxonomyCodesStay(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b.taxonomy(Set.of("refund"), Set.of("billing")));
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

        @StoreTest
        void throughTheLoop_freeTextCodesAreErasedWithoutATaxonomy(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b);
            String id = loop.submit(Fixtures.response("r1", "c1", 2, "text", T0)).followUpIds().get(0);
            loop.followUps().contact(id, 1, Contact.of("phone", "ana", loop.now(), null));
            loop.followUps().resolve(id, 2, Resolution.of("refunded CUST-SECRET", "CUST-SECRET's card", "ana",
                    loop.now(), null));

            loop.eraseCustomer("c1");

            assertThat(loop.followUps().followUp(id).resolution()).isEqualTo(Resolution.of(FollowUp.ERASED_TEXT,
                    FollowUp.ERASED_TEXT, "ana", T0, null));
        }
    }

    private static String storedIds(FeedbackStore store) {
        var ids = new ArrayList<String>();
        store.forEachResponse(Fixtures.SURVEY, r -> ids.add(r.id()));
        return String.join(",", ids);
    }

    @Nested
    class Texts {

        @StoreTest
        void unpairedSurrogate_isRefusedByValidationNamingThePathAndNothingIsStored(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b);
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

        @StoreTest
        void nulInOneResponseOfABatch_rejectsTheBatchAsInvalidNamingItAndStoresNothing(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b);
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

        @StoreTest
        void nulInAContactNote_isRefusedBeforeTheStoreAndTheFollowUpIsUnchanged(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b);
            String id = loop.submit(Fixtures.response("r1", "c1", 3, "slow", T0)).followUpIds().get(0);

            assertThatThrownBy(() -> loop.followUps().contact(id, 1, Contact.of("phone", "ana", loop.now(),
                    "called \u0000")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("NUL");
            assertThatThrownBy(() -> loop.care().recordContact("c1", TouchKind.CALL, "ana", "x\uDFFF"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("surrogate");

            assertThat(store.findFollowUp(id).orElseThrow().version()).isEqualTo(1);
            assertThat(store.touches("c1")).hasSize(1);
        }

        @StoreTest
        void hugeNotesAndReasons_areRefusedBeforeTheStore(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b);
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

        private final Invitations invitations = Invitations.builder().signWith(SigningKey.of("k", new byte[32]))
                .build();
        private final String token = invitations.issue(new Invitation("t-1", Fixtures.SURVEY, "c-1042",
                T0.plus(Duration.ofDays(7)), Map.of()));

        @StoreTest
        void responseConflict_doesNotSpendTheToken(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b.invitations(invitations));
            loop.submit(Fixtures.response("r1", "someone", 9, null, T0));

            assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", null, 3, null, T0), token))
                    .isInstanceOf(ResponseConflictException.class);

            assertThat(loop.submit(Fixtures.response("r2", null, 3, null, T0), token).responseId()).isEqualTo("r2");
            assertThatThrownBy(() -> loop.submit(Fixtures.response("r3", null, 3, null, T0), token))
                    .isInstanceOfSatisfying(InvitationException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvitationException.Reason.ALREADY_USED));
        }

        @StoreTest
        void limitCountedByTheStore_doesNotSpendTheToken(FeedbackStore store) {
            FeedbackLoop loop = loopOver(store, b -> b.invitations(invitations)
                    .limits(SubmissionLimits.standard().withResponsesPerCustomer(1, Duration.ofHours(1))));
            loop.submit(Fixtures.response("r1", "c-1042", 9, null, T0));

            assertThatThrownBy(() -> loop.submit(Fixtures.response("r2", null, 3, null, T0), token))
                    .isInstanceOf(LimitExceededException.class);

            assertThat(storedIds(store)).isEqualTo("r1");
            FeedbackLoop later = loopOver(store, b -> b.invitations(invitations)
                    .limits(SubmissionLimits.standard().withResponsesPerCustomer(2, Duration.ofHours(1))));
            assertThat(later.submit(Fixtures.response("r3", null, 3, null, T0), token).responseId()).isEqualTo("r3");
        }
    }

    @Nested
    class Delivery {

        private List<String> deliveredKinds() {
            return delivered.stream().map(e -> e.getClass().getSimpleName()).toList();
        }

        @StoreTest
        void afterARestart_eventsLeftInTheOutboxComeFirstEvenWhenTheFirstCallIsASubmit(FeedbackStore store) {
            store.append(List.of(new FeedbackEvent.CustomerDueForContact("left-1", "t", null, T0, T0),
                    new FeedbackEvent.CustomerDueForContact("left-2", "t", null, T0, T0)));
            FeedbackLoop restarted = loopOver(store, b -> b);

            restarted.submit(Fixtures.response("r1", "c1", 9, null, T0));

            assertThat(deliveredKinds()).containsExactly("CustomerDueForContact", "CustomerDueForContact",
                    "ResponseAccepted");
            assertThat(delivered.get(0).customerId()).isEqualTo("left-1");
            assertThat(store.pollOutbox(10)).isEmpty();
        }

        @StoreTest
        void acknowledgementFailureAfterTheCommit_returnsTheReceiptAndDeliversTheEventsAgainLater(FeedbackStore store) {
            var failAcknowledgements = new AtomicBoolean(true);
            FeedbackStore failing = new ForwardingFeedbackStore(store) {
                @Override
                public void acknowledge(Collection<Long> sequences) {
                    if (failAcknowledgements.get()) {
                        throw new IllegalStateException("acknowledgement failed for CUST-SECRET");
                    }
                    super.acknowledge(sequences);
                }
            };
            FeedbackLoop loop = loopOver(failing, b -> b);

            Receipt receipt = loop.submit(Fixtures.response("r1", "c1", 9, null, T0));
            failAcknowledgements.set(false);
            int again = loop.deliverPendingEvents();

            assertThat(receipt.responseId()).isEqualTo("r1");
            assertThat(store.findResponse("r1")).isPresent();
            assertThat(again).isEqualTo(1);
            assertThat(deliveredKinds()).containsExactly("ResponseAccepted", "ResponseAccepted");
            assertThat(store.pollOutbox(10)).isEmpty();
        }

        @StoreTest
        void storeThatKeepsAcknowledgedEntries_boundsTheDeliveryWorkOfEachCall(FeedbackStore store) {
            var polls = new AtomicInteger();
            FeedbackStore keeping = new ForwardingFeedbackStore(store) {
                @Override
                public List<OutboxEntry> pollOutbox(int max) {
                    if (polls.incrementAndGet() > 1_000) {
                        throw new IllegalStateException("polled 1,000 times in one test");
                    }
                    return super.pollOutbox(max);
                }

                @Override
                public void acknowledge(Collection<Long> sequences) {
                    // a broken store: acknowledged entries stay
                }
            };
            FeedbackLoop loop = loopOver(keeping, b -> b);

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
