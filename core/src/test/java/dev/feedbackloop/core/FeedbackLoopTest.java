package dev.feedbackloop.core;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.Trigger;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.ForwardingFeedbackStore;
import dev.feedbackloop.core.store.StoreException;
import dev.feedbackloop.scoring.NpsScore;
import dev.feedbackloop.scoring.scorecard.Scorecard;
import dev.feedbackloop.scoring.scorecard.ScorecardSpec;
import dev.feedbackloop.scoring.scorecard.Segment;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class FeedbackLoopTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final FeedbackStore store = FeedbackStore.inMemory();
    private final RecordingListener listener = new RecordingListener();
    private final FeedbackLoop loop = FeedbackLoop.builder().clock(clock).store(store)
            .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
            .listener(listener)
            .build();

    FeedbackLoopTest() {
        loop.register(Fixtures.survey());
    }

    @Nested
    class Submit {

        @Test
        void submit_detractor_opensOneFollowUpAndReturnsItInTheReceipt() {
            Receipt receipt = loop.submit(Fixtures.response("r1", "c1", 3, "slow", T0));

            assertThat(receipt).isEqualTo(new Receipt("r1", Fixtures.SURVEY, 1, T0, List.of("r1/nps-detractor")));
            FollowUp followUp = loop.followUps().followUp("r1/nps-detractor");
            assertThat(followUp.firstContactDue()).isEqualTo(T0.plus(Duration.ofHours(48)));
            assertThat(followUp.owner()).isEqualTo("customer-success");
        }

        @Test
        void submit_promoter_opensNoFollowUp() {
            Receipt receipt = loop.submit(Fixtures.response("r1", "c1", 9, null, T0));

            assertThat(receipt.needsFollowUp()).isFalse();
            assertThat(loop.followUps().ofResponse("r1")).isEmpty();
        }

        @Test
        void submit_sameResponseTwice_returnsSameReceiptAndStoresNothingNew() {
            Response response = Fixtures.response("r1", "c1", 3, "slow", T0);
            Receipt first = loop.submit(response);
            int events = listener.events.size();
            clock.advance(Duration.ofHours(1));

            Receipt second = loop.submit(response);

            assertThat(second).isEqualTo(first);
            assertThat(listener.events).hasSize(events);
            assertThat(loop.care().touches("c1")).hasSize(1);
        }

        @Test
        void submit_differentResponseUnderExistingId_isAConflict() {
            loop.submit(Fixtures.response("r1", "c1", 3, "slow", T0));

            assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", "c1", 4, "slow", T0)))
                    .isInstanceOfSatisfying(ResponseConflictException.class,
                            e -> assertThat(e.responseId()).isEqualTo("r1"))
                    .isInstanceOf(FeedbackLoopException.class);
            assertThat(loop.findResponse("r1").orElseThrow().response().answer("nps")).isEqualTo(Answer.rating(3));
        }

        @Test
        void submit_invalidResponse_isRejectedWithEveryViolationAndStoresNothing() {
            Response invalid = new Response("r1", Fixtures.SURVEY, 1, Respondent.of("c1", Map.of()), T0, "web",
                    Map.of("nps", Answer.rating(11), "nope", Answer.text("x")), List.of());

            assertThatThrownBy(() -> loop.submit(invalid))
                    .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                        assertThat(e.responseId()).isEqualTo("r1");
                        assertThat(e.violations()).hasSizeGreaterThanOrEqualTo(2);
                        assertThat(e.violations()).anyMatch(v -> v.is(ViolationCode.OUT_OF_SCALE));
                        assertThat(e.violations()).anyMatch(v -> v.is(ViolationCode.UNKNOWN_QUESTION));
                    });
            assertThat(loop.findResponse("r1")).isEmpty();
            assertThat(listener.events).isEmpty();
        }

        @Test
        void submit_unregisteredSurveyVersion_isRejected() {
            Response response = new Response("r1", Fixtures.SURVEY, 2, Respondent.anonymous(), T0, "web",
                    Map.of("nps", Answer.rating(3)), List.of());

            assertThatThrownBy(() -> loop.submit(response)).isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("v2 is not registered");
        }

        @Test
        void submit_failingPolicy_storesNothing() {
            FeedbackLoop failing = FeedbackLoop.builder().clock(clock)
                    .followUpPolicy(FollowUpPolicy.builder("boom").when(Trigger.of(r -> {
                        throw new IllegalStateException("host bug");
                    })).build()).build();
            failing.register(Fixtures.survey());

            assertThatThrownBy(() -> failing.submit(Fixtures.response("r1", "c1", 3, null, T0)))
                    .isInstanceOfSatisfying(HostCallbackException.class, e -> {
                        assertThat(e.callback()).isEqualTo(HostCallbackException.Callback.FOLLOW_UP_POLICY);
                        assertThat(e.name()).isEqualTo("policy 'boom'");
                        assertThat(e).hasRootCauseMessage("host bug");
                    })
                    .isInstanceOf(FeedbackLoopException.class).hasMessageContaining("policy 'boom'");
            assertThat(failing.findResponse("r1")).isEmpty();
        }

        @Test
        void submit_ownerRuleThatFails_isAHostCallbackFailureAndStoresNothing() {
            FeedbackLoop failing = FeedbackLoop.builder().clock(clock)
                    .followUpPolicy(FollowUpPolicy.builder("blank-owner").when(Trigger.always())
                            .owner(response -> " ").build()).build();
            failing.register(Fixtures.survey());

            assertThatThrownBy(() -> failing.submit(Fixtures.response("r1", "c1", 3, null, T0)))
                    .isInstanceOfSatisfying(HostCallbackException.class,
                            e -> assertThat(e.name()).isEqualTo("policy 'blank-owner'"));
            assertThat(failing.findResponse("r1")).isEmpty();
        }

        @Test
        void submit_knownCustomer_recordsAnsweredTouchAndRegistersCustomer() {
            loop.submit(Fixtures.response("r1", "c1", 9, null, T0));

            assertThat(loop.care().touches("c1")).singleElement()
                    .satisfies(t -> assertThat(t.surveyId()).isEqualTo(Fixtures.SURVEY));
            assertThat(loop.care().findCustomer("c1")).isPresent();
        }

        @Test
        void submit_anonymousDetractor_opensFollowUpWithoutCustomer() {
            loop.submit(Fixtures.response("r1", null, 2, null, T0));

            assertThat(loop.followUps().ofResponse("r1")).singleElement()
                    .satisfies(f -> assertThat(f.customerId()).isNull());
        }
    }

    @Nested
    class Surveys {

        @Test
        void register_keepsEveryVersion() {
            Survey v2 = Survey.builder(Fixtures.SURVEY, 2).title("Relationship 2")
                    .question(NpsQuestion.standard("nps")).build();

            loop.register(v2);
            loop.register(Fixtures.survey());

            assertThat(loop.surveyVersions(Fixtures.SURVEY)).extracting(Survey::version).containsExactly(1, 2);
        }

        @Test
        void register_differentDefinitionUnderSameVersion_isRefused() {
            Survey other = Survey.builder(Fixtures.SURVEY, 1).title("Other").question(NpsQuestion.standard("nps"))
                    .build();

            assertThatThrownBy(() -> loop.register(other)).isInstanceOfSatisfying(SurveyConflictException.class, e -> {
                assertThat(e.surveyId()).isEqualTo(Fixtures.SURVEY);
                assertThat(e.surveyVersion()).isEqualTo(1);
                assertThat(e).hasMessageContaining("relationship v1");
            });
            assertThat(loop.findSurvey(Fixtures.SURVEY, 1)).contains(Fixtures.survey());
            assertThat(store.surveys()).containsExactly(Fixtures.survey());
        }

        @Test
        void register_keepsTheSurveyInTheStore() {
            Survey v2 = Survey.builder(Fixtures.SURVEY, 2).title("Relationship 2")
                    .question(NpsQuestion.standard("nps")).build();

            loop.register(v2);

            assertThat(store.surveys()).containsExactly(Fixtures.survey(), v2);
        }

        @Test
        void surveys_listsIdsInOrderWithVersionsAscending() {
            for (int version : new int[] {10, 2}) {
                loop.register(Survey.builder(Fixtures.SURVEY, version).title("Relationship " + version)
                        .question(NpsQuestion.standard("nps")).build());
            }
            loop.register(Survey.builder("onboarding", 1).title("Onboarding").question(NpsQuestion.standard("nps"))
                    .build());

            assertThat(loop.surveys()).containsExactly(entry("onboarding", List.of(1)),
                    entry(Fixtures.SURVEY, List.of(1, 2, 10)));
        }

        @Test
        void surveys_isASnapshot() {
            var before = loop.surveys();

            loop.register(Survey.builder("onboarding", 1).title("Onboarding").question(NpsQuestion.standard("nps"))
                    .build());

            assertThat(before).containsOnlyKeys(Fixtures.SURVEY);
            assertThatThrownBy(() -> before.put("x", List.of(1))).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void build_knowsTheSurveysThatItsStoreKeeps() {
            FeedbackLoop restarted = FeedbackLoop.builder().clock(clock).store(store).build();

            assertThat(restarted.surveys()).containsExactly(entry(Fixtures.SURVEY, List.of(1)));
            assertThat(restarted.findSurvey(Fixtures.SURVEY, 1)).contains(Fixtures.survey());
            assertThat(restarted.submit(Fixtures.response("r1", "c1", 9, null, T0)).surveyVersion()).isEqualTo(1);
        }

        @Test
        void register_knownDefinition_writesNothing() {
            var puts = new AtomicInteger();
            FeedbackStore counting = new ForwardingFeedbackStore(store) {
                @Override
                public void putSurvey(Survey survey) {
                    puts.incrementAndGet();
                    super.putSurvey(survey);
                }
            };
            FeedbackLoop restarted = FeedbackLoop.builder().clock(clock).store(counting).build();

            restarted.register(Fixtures.survey());

            assertThat(puts).hasValue(0);
        }

        @Test
        void register_whenTheStoreFails_throwsItsExceptionAndLeavesTheSurveyUnknown() {
            var failing = new AtomicBoolean(true);
            FeedbackStore flaky = new ForwardingFeedbackStore(store) {
                @Override
                public void putSurvey(Survey survey) {
                    if (failing.get()) {
                        throw new StoreException("store survey " + survey.id() + ": disk full");
                    }
                    super.putSurvey(survey);
                }
            };
            FeedbackLoop flakyLoop = FeedbackLoop.builder().clock(clock).store(flaky).build();
            Survey v2 = Survey.builder(Fixtures.SURVEY, 2).title("Relationship 2")
                    .question(NpsQuestion.standard("nps")).build();

            assertThatThrownBy(() -> flakyLoop.register(v2)).isInstanceOf(StoreException.class);
            assertThat(flakyLoop.findSurvey(Fixtures.SURVEY, 2)).isEmpty();

            failing.set(false);
            flakyLoop.register(v2);
            assertThat(flakyLoop.findSurvey(Fixtures.SURVEY, 2)).contains(v2);
            assertThat(store.surveys()).contains(v2);
        }

        @Test
        void build_whenTheStoreCannotReadItsSurveys_fails() {
            FeedbackStore broken = new ForwardingFeedbackStore(store) {
                @Override
                public List<Survey> surveys() {
                    throw new StoreException("read the surveys: connection refused");
                }
            };

            assertThatThrownBy(() -> FeedbackLoop.builder().store(broken).build()).isInstanceOf(StoreException.class)
                    .hasMessageContaining("read the surveys");
        }
    }

    @Nested
    class Listeners {

        @Test
        void listeners_seeEventsAfterTheyAreStored() {
            var seenStored = new AtomicBoolean();
            FeedbackLoop checking = FeedbackLoop.builder().clock(clock).store(store)
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                    .listener(new FeedbackListener() {
                        @Override
                        public void onFollowUpOpened(FeedbackEvent.FollowUpOpened event) {
                            seenStored.set(store.findFollowUp(event.followUpId()).isPresent());
                        }
                    }).build();
            checking.register(Fixtures.survey());

            checking.submit(Fixtures.response("r1", "c1", 3, null, T0));

            assertThat(seenStored).isTrue();
        }

        @Test
        void failingListener_neverBreaksCaptureOrOtherListeners() {
            var after = new RecordingListener();
            FeedbackLoop withFailing = FeedbackLoop.builder().clock(clock)
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                    .listener(new FeedbackListener() {
                        @Override
                        public void onResponseAccepted(FeedbackEvent.ResponseAccepted event) {
                            throw new IllegalStateException("mail server down");
                        }
                    })
                    .listener(after).build();
            withFailing.register(Fixtures.survey());

            Receipt receipt = withFailing.submit(Fixtures.response("r1", "c1", 3, null, T0));

            assertThat(withFailing.findResponse(receipt.responseId())).isPresent();
            assertThat(after.events).hasSize(2);
        }

        @Test
        void submit_deliversAcceptedThenOpened_andAcknowledgesThem() {
            loop.submit(Fixtures.response("r1", "c1", 3, null, T0));

            assertThat(listener.events).hasSize(2);
            assertThat(listener.events.get(0)).isInstanceOf(FeedbackEvent.ResponseAccepted.class);
            assertThat(listener.events.get(1)).isInstanceOf(FeedbackEvent.FollowUpOpened.class);
            assertThat(store.pollOutbox(10)).isEmpty();
        }

        @Test
        void deliverPendingEvents_deliversWhatACrashLeftBehind() {
            store.append(List.of(new FeedbackEvent.CustomerDueForContact("c1", "t", null, T0, T0)));

            int delivered = loop.deliverPendingEvents();

            assertThat(delivered).isEqualTo(1);
            assertThat(listener.of(FeedbackEvent.CustomerDueForContact.class)).hasSize(1);
        }

        @Test
        void listenerThatSubmits_doesNotDeliverTwice() {
            var recorder = new RecordingListener();
            FeedbackLoop[] holder = new FeedbackLoop[1];
            holder[0] = FeedbackLoop.builder().clock(clock).listener(new FeedbackListener() {
                @Override
                public void onResponseAccepted(FeedbackEvent.ResponseAccepted event) {
                    if (event.responseId().equals("r1")) {
                        holder[0].submit(Fixtures.response("r2", "c1", 9, null, T0));
                    }
                }
            }).listener(recorder).build();
            holder[0].register(Fixtures.survey());

            holder[0].submit(Fixtures.response("r1", "c1", 9, null, T0));

            assertThat(recorder.of(FeedbackEvent.ResponseAccepted.class))
                    .extracting(FeedbackEvent.ResponseAccepted::responseId).containsExactly("r1", "r2");
        }
    }

    @Test
    void scorecard_scoresStoredResponsesBySegment() {
        loop.submit(Fixtures.response("r1", "c1", 10, null, T0, Map.of("plan", "pro")));
        loop.submit(Fixtures.response("r2", "c2", 3, null, T0, Map.of("plan", "pro")));
        loop.submit(Fixtures.response("r3", "c3", 9, null, T0, Map.of("plan", "free")));

        Scorecard card = loop.scorecard(ScorecardSpec.builder(Fixtures.survey()).groupBy("plan").build());

        assertThat(card.responses()).isEqualTo(3);
        NpsScore pro = card.group(Segment.of("pro")).score("nps", NpsScore.class);
        assertThat(pro.n()).isEqualTo(2);
        assertThat(pro.score()).isEqualTo(0.0);
    }

    @Test
    void scorecard_inATimeRange_scoresOnlyTheResponsesSubmittedInIt() {
        Instant day = T0.minus(Duration.ofDays(3));
        loop.submit(Fixtures.response("r1", "c1", 10, null, day));
        loop.submit(Fixtures.response("r2", "c2", 3, null, day.plus(Duration.ofDays(1))));
        loop.submit(Fixtures.response("r3", "c3", 9, null, day.plus(Duration.ofDays(2))));
        loop.submit(Fixtures.response("r4", "c4", 0, null, day.plus(Duration.ofDays(2)).plusSeconds(3_600)));
        ScorecardSpec spec = ScorecardSpec.builder(Fixtures.survey()).build();

        // r2 (a detractor) and r3 (a promoter): NPS 0 over two
        NpsScore middle = loop.scorecard(spec, day.plus(Duration.ofDays(1)), day.plus(Duration.ofDays(2))
                .plusSeconds(3_600)).overall().score("nps", NpsScore.class);
        NpsScore first = loop.scorecard(spec, day, day.plus(Duration.ofDays(1))).overall().score("nps",
                NpsScore.class);

        assertThat(middle.n()).isEqualTo(2);
        assertThat(middle.score()).isEqualTo(0.0);
        assertThat(first.n()).isEqualTo(1);
        assertThat(first.score()).isEqualTo(100.0);
        assertThat(loop.scorecard(spec, T0, T0).responses()).isZero();
    }

    @Test
    void forEachResponse_inATimeRange_streamsThoseSubmittedInIt() {
        loop.submit(Fixtures.response("r1", "c1", 3, null, T0.minusSeconds(20)));
        loop.submit(Fixtures.response("r2", "c2", 9, null, T0.minusSeconds(10)));
        var ids = new ArrayList<String>();

        loop.forEachResponse(Fixtures.SURVEY, T0.minusSeconds(15), T0, r -> ids.add(r.id()));

        assertThat(ids).containsExactly("r2");
    }

    @Test
    void forEachResponse_streamsStoredResponses() {
        loop.submit(Fixtures.response("r1", "c1", 3, null, T0));
        loop.submit(Fixtures.response("r2", "c2", 9, null, T0));
        var ids = new ArrayList<String>();

        loop.forEachResponse(Fixtures.SURVEY, r -> ids.add(r.id()));

        assertThat(ids).containsExactly("r1", "r2");
    }

    @Test
    void followUpPolicies_areThoseOfTheBuilder_inOrder() {
        FollowUpPolicy detractors = FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48));
        FollowUpPolicy lowCsat = FollowUpPolicy.lowRatings("csat", 2, Duration.ofHours(24));
        FeedbackLoop loop = FeedbackLoop.builder().followUpPolicy(lowCsat).followUpPolicy(detractors).build();

        assertThat(loop.followUpPolicies()).containsExactly(lowCsat, detractors);
        assertThat(FeedbackLoop.builder().build().followUpPolicies()).isEmpty();
    }
}
