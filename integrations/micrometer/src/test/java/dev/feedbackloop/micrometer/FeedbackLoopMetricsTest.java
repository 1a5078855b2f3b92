package dev.feedbackloop.micrometer;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.Closure;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.ForwardingFeedbackStore;
import dev.feedbackloop.core.store.StoreException;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.testing.StartGate;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class FeedbackLoopMetricsTest {

    private static final String SURVEY = Fixtures.SURVEY;

    /**
     * Counts the store's reads behind the gauges: the count queries, the reads of the follow-ups opened in a range
     * (with the ranges asked and the follow-ups handed out), and the full passes over every follow-up.
     */
    static final class CountingStore extends ForwardingFeedbackStore {

        final AtomicInteger countReads = new AtomicInteger();
        final AtomicInteger rangeReads = new AtomicInteger();
        final List<List<Instant>> ranges = new CopyOnWriteArrayList<>();
        final List<String> handedOut = new CopyOnWriteArrayList<>();
        final AtomicInteger fullPasses = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();

        CountingStore(FeedbackStore delegate) {
            super(delegate);
        }

        @Override
        public FollowUpCounts followUpCounts(Instant asOf) {
            countReads.incrementAndGet();
            failIfAsked();
            return super.followUpCounts(asOf);
        }

        @Override
        public void forEachFollowUp(Instant from, Instant to, Consumer<FollowUp> action) {
            rangeReads.incrementAndGet();
            ranges.add(List.of(from, to));
            failIfAsked();
            super.forEachFollowUp(from, to, followUp -> {
                handedOut.add(followUp.responseId());
                action.accept(followUp);
            });
        }

        @Override
        public void forEachFollowUp(Consumer<FollowUp> action) {
            fullPasses.incrementAndGet();
            failIfAsked();
            super.forEachFollowUp(action);
        }

        private void failIfAsked() {
            if (failing.get()) {
                throw new StoreException("the database is down");
            }
        }
    }

    private static Response response(String id, String customer, int nps) {
        return Fixtures.response(id, customer, nps, null, T0);
    }

    @Nested
    class Responses {

        private final MeteredLoop metered = new MeteredLoop(FeedbackStore.inMemory());

        @Test
        void acceptedResponses_areCountedBySurvey() {
            metered.loop.submit(response("r1", "c1", 2));
            metered.loop.submit(response("r2", "c2", 10));
            metered.loop.submitAll(List.of(response("r3", "c3", 9), response("r4", "c4", 0)));

            assertThat(metered.counter(MeterNames.RESPONSES, "survey", SURVEY, "outcome", "accepted", "reason", "none"))
                    .isEqualTo(4);
        }

        @Test
        void resubmission_isNotCountedAgain() {
            metered.loop.submit(response("r1", "c1", 2));
            metered.loop.submit(response("r1", "c1", 2));

            assertThat(metered.counter(MeterNames.RESPONSES, "outcome", "accepted")).isEqualTo(1);
        }

        @Test
        void refusedResponses_areCountedBySurveyAndReason() {
            metered.loop.submit(response("r1", "c1", 9));
            catchRefusal(() -> metered.loop.submit(response("r2", "c2", 11)));
            catchRefusal(() -> metered.loop.submit(response("r3", "c3", 12)));
            catchRefusal(() -> metered.loop.submit(response("r1", "c1", 3)));

            assertThat(metered.counter(MeterNames.RESPONSES, "survey", SURVEY, "outcome", "rejected",
                    "reason", "answer.out-of-scale")).isEqualTo(2);
            assertThat(metered.counter(MeterNames.RESPONSES, "survey", SURVEY, "outcome", "rejected",
                    "reason", "response.conflict")).isEqualTo(1);
        }

        @Test
        void refusedResponseToAnUnregisteredSurvey_isTaggedUnregistered_notWithTheCallersId() {
            Response stranger = new Response("r1", "made-up-" + System.nanoTime(), 1, response("x", "c1", 1)
                    .respondent(), T0, "web", Map.of("nps", Answer.rating(5)), List.of());

            catchRefusal(() -> metered.loop.submit(stranger));

            assertThat(metered.counter(MeterNames.RESPONSES, "survey", "unregistered", "outcome", "rejected",
                    "reason", "response.wrong-version")).isEqualTo(1);
        }

        private void catchRefusal(Runnable submit) {
            assertThatThrownBy(submit::run).isInstanceOf(RuntimeException.class);
        }
    }

    @Nested
    class FollowUps {

        private final MeteredLoop metered = new MeteredLoop(FeedbackStore.inMemory());

        private FollowUp detractor(String id) {
            metered.loop.submit(response(id, "c-" + id, 1));
            return metered.loop.followUps().ofResponse(id).get(0);
        }

        @Test
        void everyStep_isCountedByPolicy_andTimedFromOpening() {
            FollowUp resolved = detractor("r1");
            FollowUp closed = detractor("r2");
            detractor("r3");

            metered.clock.advance(Duration.ofHours(3));
            FollowUp contacted = metered.loop.followUps().contact(resolved.id(), 1,
                    Contact.of("phone", "ana", metered.loop.now(), null));
            metered.clock.advance(Duration.ofHours(5));
            metered.loop.followUps().resolve(resolved.id(), contacted.version(),
                    Resolution.of("fixed", "bug", "ana", metered.loop.now(), null));
            metered.loop.followUps().close(closed.id(), 1, Closure.of("no answer", "ben", metered.loop.now(), null));

            String[] policy = {"policy", MeteredLoop.POLICY};
            assertThat(metered.counter(MeterNames.OPENED, policy)).isEqualTo(3);
            assertThat(metered.counter(MeterNames.CONTACTED, policy)).isEqualTo(1);
            assertThat(metered.counter(MeterNames.RESOLVED, policy)).isEqualTo(1);
            assertThat(metered.counter(MeterNames.CLOSED, policy)).isEqualTo(1);
            Timer toContact = metered.registry.get(MeterNames.TIME_TO_FIRST_CONTACT).tags(policy).timer();
            Timer toResolution = metered.registry.get(MeterNames.TIME_TO_RESOLUTION).tags(policy).timer();
            assertThat(toContact.count()).isEqualTo(1);
            assertThat(toContact.totalTime(TimeUnit.HOURS)).isEqualTo(3);
            assertThat(toResolution.count()).isEqualTo(1);
            assertThat(toResolution.totalTime(TimeUnit.HOURS)).isEqualTo(8);
        }

        @Test
        void escalations_areCountedByPolicyAndDeadline() {
            detractor("r1");
            detractor("r2");

            metered.clock.advance(Duration.ofHours(49));
            metered.loop.followUps().escalateOverdue(metered.loop.now());
            metered.loop.followUps().escalateOverdue(metered.loop.now());

            assertThat(metered.counter(MeterNames.ESCALATED, "policy", MeteredLoop.POLICY,
                    "deadline", "first-contact")).isEqualTo(2);
            assertThat(metered.counter(MeterNames.ESCALATED, "policy", MeteredLoop.POLICY,
                    "deadline", "resolution")).isZero();
        }

        @Test
        void aContactOfAFollowUpTheStoreDoesNotHave_isCounted_butNotTimed() {
            metered.events.onEvent(new FeedbackEvent.FollowUpContacted(FollowUp.idFor("gone", MeteredLoop.POLICY),
                    "ana", "phone", null, T0));

            assertThat(metered.counter(MeterNames.CONTACTED, "policy", MeteredLoop.POLICY)).isEqualTo(1);
            assertThat(metered.registry.find(MeterNames.TIME_TO_FIRST_CONTACT).timers()).isEmpty();
        }

        @Test
        void countersOfTheLoopsPolicies_existAtZeroFromBinding() {
            assertThat(metered.counter(MeterNames.OPENED, "policy", MeteredLoop.POLICY)).isZero();
            assertThat(metered.counter(MeterNames.ESCALATED, "policy", MeteredLoop.POLICY,
                    "deadline", "resolution")).isZero();
        }
    }

    @Nested
    class Duplicates {

        private final MeteredLoop metered = new MeteredLoop(FeedbackStore.inMemory());

        @Test
        void anEventDeliveredTwice_countsOnce() {
            var accepted = new FeedbackEvent.ResponseAccepted("r1", SURVEY, 1, "c1", T0);
            var opened = new FeedbackEvent.FollowUpOpened(FollowUp.idFor("r1", MeteredLoop.POLICY), "r1",
                    MeteredLoop.POLICY, "cs", dev.feedbackloop.core.followup.Priority.HIGH, T0, "c1", T0);

            for (int i = 0; i < 2; i++) {
                metered.events.onEvent(accepted);
                metered.events.onEvent(opened);
            }

            assertThat(metered.counter(MeterNames.RESPONSES, "outcome", "accepted")).isEqualTo(1);
            assertThat(metered.counter(MeterNames.OPENED, "policy", MeteredLoop.POLICY)).isEqualTo(1);
        }

        @Test
        void aStepTakenAgainAfterAReopening_countsAgain() {
            String id = FollowUp.idFor("r1", MeteredLoop.POLICY);

            metered.events.onEvent(new FeedbackEvent.FollowUpClosed(id, "ana", "no answer", null, T0));
            metered.events.onEvent(new FeedbackEvent.FollowUpClosed(id, "ana", "no answer", null,
                    T0.plusSeconds(60)));

            assertThat(metered.counter(MeterNames.CLOSED, "policy", MeteredLoop.POLICY)).isEqualTo(2);
        }
    }

    @Nested
    class Concurrency {

        @Test
        void submissionsRacingOnEightThreads_areEachCountedOnce() throws InterruptedException {
            MeteredLoop metered = new MeteredLoop(FeedbackStore.inMemory());
            var tasks = new ArrayList<Runnable>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        String id = "r-" + thread + "-" + i;
                        metered.loop.submit(response(id, "c-" + id, i % 2 == 0 ? 1 : 10));
                        try {
                            metered.loop.submit(response(id, "c-" + id, 5));
                        } catch (RuntimeException conflict) {
                            // counted as a refusal
                        }
                    }
                });
            }

            try (StartGate gate = StartGate.of(8)) {
                assertThat(gate.race(tasks)).isEmpty();
            }

            assertThat(metered.counter(MeterNames.RESPONSES, "outcome", "accepted")).isEqualTo(200);
            assertThat(metered.counter(MeterNames.RESPONSES, "outcome", "rejected", "reason", "response.conflict"))
                    .isEqualTo(200);
            assertThat(metered.counter(MeterNames.OPENED, "policy", MeteredLoop.POLICY)).isEqualTo(104);
        }
    }

    @Nested
    class Binding {

        @Test
        void eventsBeforeBinding_areNotCounted() {
            FeedbackEventMeters events = FeedbackEventMeters.create();
            FeedbackLoop loop = FeedbackLoop.builder().listener(events).followUpPolicy(MeteredLoop.policy()).build();
            loop.register(Fixtures.survey());
            FeedbackLoopMetrics metrics = FeedbackLoopMetrics.builder(loop).events(events).build();
            loop.submit(response("r1", "c1", 2));
            var registry = new SimpleMeterRegistry();

            metrics.bindTo(registry);
            loop.submit(response("r2", "c2", 2));

            assertThat(registry.get(MeterNames.RESPONSES).counter().count()).isEqualTo(1);
        }

        @Test
        void everyBoundRegistry_recordsEveryEvent() {
            MeteredLoop metered = new MeteredLoop(FeedbackStore.inMemory());
            var second = new SimpleMeterRegistry();
            metered.metrics.bindTo(second);
            metered.metrics.bindTo(second);

            metered.loop.submit(response("r1", "c1", 2));

            assertThat(metered.counter(MeterNames.OPENED, "policy", MeteredLoop.POLICY)).isEqualTo(1);
            assertThat(second.get(MeterNames.OPENED).counter().count()).isEqualTo(1);
        }

        @Test
        void eventMeters_belongToOneLoop() {
            FeedbackEventMeters events = FeedbackEventMeters.create();
            FeedbackLoopMetrics.builder(FeedbackLoop.builder().listener(events).build()).events(events).build();
            FeedbackLoopMetrics.Builder other = FeedbackLoopMetrics.builder(FeedbackLoop.builder().build())
                    .events(events);

            assertThatThrownBy(other::build).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another loop");
        }

        @Test
        void withoutEventMeters_onlyTheGaugesAreBound() {
            FeedbackLoop loop = FeedbackLoop.builder().followUpPolicy(MeteredLoop.policy()).build();
            var registry = new SimpleMeterRegistry();

            FeedbackLoopMetrics.builder(loop).build().bindTo(registry);

            assertThat(registry.getMeters()).extracting(meter -> meter.getId().getType())
                    .containsOnly(Meter.Type.GAUGE);
        }

        @Test
        void extraTags_goOnEveryMeter() {
            MeteredLoop metered = new MeteredLoop(FeedbackStore.inMemory(), b -> b,
                    m -> m.tags(List.of(Tag.of("loop", "support"))));
            metered.loop.submit(response("r1", "c1", 2));
            metered.scrape();

            assertThat(metered.registry.getMeters()).allSatisfy(meter ->
                    assertThat(meter.getId().getTag("loop")).isEqualTo("support"));
        }

        @Test
        void builder_refusesAnIntervalOrWindowThatIsNotPositive() {
            FeedbackLoopMetrics.Builder builder = FeedbackLoopMetrics.builder(FeedbackLoop.builder().build());

            assertThatThrownBy(() -> builder.cacheFor(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cacheFor: PT0S is not positive");
            assertThatThrownBy(() -> builder.coverageWindow(Duration.ofDays(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("coverageWindow: PT-24H is not positive");
        }

        @Test
        void policyOf_readsThePolicyFromTheFollowUpId() {
            assertThat(FeedbackEventMeters.policyOf(FollowUp.idFor("a/b", "low-csat"))).isEqualTo("low-csat");
            assertThat(FeedbackEventMeters.policyOf("no-slash")).isEqualTo("unknown");
        }
    }

    @Nested
    class Gauges {

        private final CountingStore store = new CountingStore(FeedbackStore.inMemory());
        private final MeteredLoop metered = new MeteredLoop(store);

        @Test
        void openAndOverdue_countEveryStoredFollowUp_byPolicyAndDeadline() {
            for (String id : List.of("r1", "r2", "r3")) {
                metered.loop.submit(response(id, "c-" + id, 1));
            }
            metered.clock.advance(Duration.ofHours(3));
            FollowUp r1 = metered.loop.followUps().ofResponse("r1").get(0);
            metered.loop.followUps().contact(r1.id(), 1, Contact.of("phone", "ana", metered.loop.now(), null));
            FollowUp r2 = metered.loop.followUps().ofResponse("r2").get(0);
            FollowUp contacted = metered.loop.followUps().contact(r2.id(), 1,
                    Contact.of("phone", "ana", metered.loop.now(), null));
            metered.loop.followUps().resolve(r2.id(), contacted.version(),
                    Resolution.of("fixed", "bug", "ana", metered.loop.now(), null));
            metered.clock.advance(Duration.ofHours(46));

            String[] policy = {"policy", MeteredLoop.POLICY};
            assertThat(metered.gauge(MeterNames.OPEN, policy)).isEqualTo(2);
            assertThat(metered.gauge(MeterNames.OVERDUE, "policy", MeteredLoop.POLICY, "deadline", "first-contact"))
                    .isEqualTo(1);
            assertThat(metered.gauge(MeterNames.OVERDUE, "policy", MeteredLoop.POLICY, "deadline", "resolution"))
                    .isZero();
            metered.clock.advance(Duration.ofDays(4));
            assertThat(metered.gauge(MeterNames.OVERDUE, "policy", MeteredLoop.POLICY, "deadline", "resolution"))
                    .isEqualTo(2);
        }

        @Test
        void coverage_isTheShareContactedByTheDeadline_overTheWindow() {
            metered.loop.submit(response("r1", "c1", 1));
            metered.loop.submit(response("r2", "c2", 1));
            metered.loop.submit(response("r3", "c3", 1));
            metered.loop.submit(response("r4", "c4", 9));
            metered.clock.advance(Duration.ofHours(10));
            FollowUp onTime = metered.loop.followUps().ofResponse("r1").get(0);
            metered.loop.followUps().contact(onTime.id(), 1, Contact.of("phone", "ana", metered.loop.now(), null));
            metered.clock.advance(Duration.ofHours(40));
            FollowUp late = metered.loop.followUps().ofResponse("r2").get(0);
            metered.loop.followUps().contact(late.id(), 1, Contact.of("phone", "ana", metered.loop.now(), null));

            String[] policy = {"policy", MeteredLoop.POLICY};
            assertThat(metered.gauge(MeterNames.NEEDED, policy)).isEqualTo(3);
            assertThat(metered.gauge(MeterNames.ON_TIME, policy)).isEqualTo(1);
            assertThat(metered.gauge(MeterNames.COVERAGE, policy)).isEqualTo(1.0 / 3);
        }

        @Test
        void coverage_leavesOutFollowUpsOpenedBeforeTheWindow() {
            metered.loop.submit(response("r1", "c1", 1));
            metered.clock.advance(Duration.ofDays(31));
            metered.loop.submit(response("r2", "c2", 1));

            assertThat(metered.gauge(MeterNames.NEEDED, "policy", MeteredLoop.POLICY)).isEqualTo(1);
        }

        @Test
        void coverage_isNaN_whenNothingWasNeeded() {
            assertThat(metered.gauge(MeterNames.NEEDED, "policy", MeteredLoop.POLICY)).isZero();
            assertThat(metered.gauge(MeterNames.COVERAGE, "policy", MeteredLoop.POLICY)).isNaN();
        }

        @Test
        void binding_readsTheFiguresOnce() {
            CountingStore fresh = new CountingStore(FeedbackStore.inMemory());

            new MeteredLoop(fresh);

            assertThat(fresh.countReads).hasValue(1);
            assertThat(fresh.rangeReads).hasValue(1);
            assertThat(fresh.fullPasses).hasValue(0);
        }

        @Test
        void aRefresh_readsOnlyTheFollowUpsOpenedInTheCoverageWindow_neverAllOfThem() {
            metered.loop.submit(response("before", "c1", 1));
            metered.clock.advance(Duration.ofDays(20));
            metered.loop.submit(response("inside", "c2", 1));
            metered.clock.advance(Duration.ofDays(11));
            metered.loop.submit(response("now", "c3", 1));
            Instant now = metered.loop.now();
            store.ranges.clear();
            store.handedOut.clear();

            double needed = metered.gauge(MeterNames.NEEDED, "policy", MeteredLoop.POLICY);

            // the window is the 30 days up to now, now included: T0 + 1 day to T0 + 31 days and a nanosecond
            assertThat(store.ranges).containsExactly(List.of(now.minus(Duration.ofDays(30)), now.plusNanos(1)));
            assertThat(store.handedOut).containsExactly("inside", "now");
            assertThat(needed).isEqualTo(2);
            assertThat(store.fullPasses).hasValue(0);
        }

        @Test
        void manyScrapes_readTheStoreOncePerInterval() {
            metered.loop.submit(response("r1", "c1", 1));
            metered.meterClock.add(MeteredLoop.CACHE);
            int counts = store.countReads.get();
            int passes = store.rangeReads.get();

            for (int i = 0; i < 100; i++) {
                metered.scrape();
            }
            int afterFirstInterval = store.countReads.get() - counts;
            metered.meterClock.add(MeteredLoop.CACHE.minusNanos(1));
            metered.scrape();
            int justBeforeTheEnd = store.countReads.get() - counts;
            metered.meterClock.add(Duration.ofNanos(1));
            for (int i = 0; i < 100; i++) {
                metered.scrape();
            }

            assertThat(afterFirstInterval).isEqualTo(1);
            assertThat(justBeforeTheEnd).isEqualTo(1);
            assertThat(store.countReads.get() - counts).isEqualTo(2);
            assertThat(store.rangeReads.get() - passes).isEqualTo(2);
        }

        @Test
        void figures_changeOnlyWhenTheIntervalHasPassed() {
            metered.loop.submit(response("r1", "c1", 1));
            assertThat(metered.gauge(MeterNames.NEEDED, "policy", MeteredLoop.POLICY)).isEqualTo(1);

            metered.loop.submit(response("r2", "c2", 1));
            double cached = metered.cachedGauge(MeterNames.NEEDED, "policy", MeteredLoop.POLICY);

            assertThat(cached).isEqualTo(1);
            assertThat(metered.gauge(MeterNames.NEEDED, "policy", MeteredLoop.POLICY)).isEqualTo(2);
        }

        @Test
        void concurrentScrapes_readTheStoreOnce() throws InterruptedException {
            metered.loop.submit(response("r1", "c1", 1));
            metered.meterClock.add(MeteredLoop.CACHE);
            int before = store.countReads.get();
            var scrapes = new ArrayList<Runnable>();
            for (int i = 0; i < 8; i++) {
                scrapes.add(metered::scrape);
            }

            try (StartGate gate = StartGate.of(8)) {
                assertThat(gate.race(scrapes)).isEmpty();
            }

            assertThat(store.countReads.get() - before).isEqualTo(1);
        }

        @Test
        void aFailedRefresh_makesTheGaugesNaN_untilTheNextInterval() {
            metered.loop.submit(response("r1", "c1", 1));
            store.failing.set(true);

            double duringFailure = metered.gauge(MeterNames.NEEDED, "policy", MeteredLoop.POLICY);
            metered.scrape();
            int reads = store.countReads.get();
            store.failing.set(false);
            double stillCached = metered.cachedGauge(MeterNames.NEEDED, "policy", MeteredLoop.POLICY);

            assertThat(duringFailure).isNaN();
            assertThat(metered.cachedGauge(MeterNames.OPEN, "policy", MeteredLoop.POLICY)).isNaN();
            assertThat(stillCached).isNaN();
            assertThat(store.countReads.get()).isEqualTo(reads);
            assertThat(metered.gauge(MeterNames.NEEDED, "policy", MeteredLoop.POLICY)).isEqualTo(1);
        }

        @Test
        void aPolicyTheLoopDoesNotHave_getsItsGauges_whenARefreshFindsItInTheStore() {
            FeedbackStore shared = FeedbackStore.inMemory();
            new MeteredLoop(shared).loop.submit(response("r1", "c1", 1));
            FeedbackLoop withoutPolicies = FeedbackLoop.builder().store(shared).clock(metered.clock).build();
            var registry = new SimpleMeterRegistry();

            FeedbackLoopMetrics.builder(withoutPolicies).build().bindTo(registry);

            assertThat(registry.get(MeterNames.NEEDED).tags("policy", MeteredLoop.POLICY).gauge().value())
                    .isEqualTo(1);
        }

        @Test
        void aPolicySeenForTheFirstTimeByALaterRefresh_getsItsGauges() {
            FeedbackStore shared = FeedbackStore.inMemory();
            MeteredLoop other = new MeteredLoop(shared, b -> b, m -> m);
            FeedbackLoop lowCsatOnly = FeedbackLoop.builder().store(shared).clock(other.clock)
                    .followUpPolicy(dev.feedbackloop.core.followup.FollowUpPolicy.lowRatings("csat", 1,
                            Duration.ofDays(1))).build();
            var clock = new io.micrometer.core.instrument.MockClock();
            var registry = new SimpleMeterRegistry(io.micrometer.core.instrument.simple.SimpleConfig.DEFAULT, clock);
            FeedbackLoopMetrics.builder(lowCsatOnly).clock(clock).build().bindTo(registry);
            boolean beforeTheFollowUp = registry.find(MeterNames.NEEDED).tag("policy", MeteredLoop.POLICY).gauges()
                    .isEmpty();

            other.loop.submit(response("r1", "c1", 1));
            clock.add(Duration.ofMinutes(1));
            registry.get(MeterNames.NEEDED).tag("policy", "low-csat").gauge().value();

            assertThat(beforeTheFollowUp).isTrue();
            assertThat(registry.get(MeterNames.NEEDED).tags("policy", MeteredLoop.POLICY).gauge().value())
                    .isEqualTo(1);
        }
    }

    @Nested
    class BoundedTags {

        @Test
        void noMeterIsTaggedWithACustomerResponseOrFollowUpId_andTheirNumberDoesNotGrowWithTraffic() {
            MeteredLoop metered = new MeteredLoop(FeedbackStore.inMemory());
            var ids = new HashSet<String>();
            for (int i = 0; i < 200; i++) {
                String id = "response-" + i;
                String customer = "customer-" + i;
                ids.add(id);
                ids.add(customer);
                metered.loop.submit(response(id, customer, i % 11));
                try {
                    metered.loop.submit(new Response("bad-" + i, "survey-" + i, 1, response("x", customer, 1)
                            .respondent(), T0, "web", Map.of("nps", Answer.rating(1)), List.of()));
                } catch (RuntimeException expected) {
                    ids.add("survey-" + i);
                }
            }
            for (FollowUp followUp : metered.loop.followUps().find(
                    dev.feedbackloop.core.followup.FollowUpQuery.all())) {
                ids.add(followUp.id());
                metered.loop.followUps().contact(followUp.id(), followUp.version(),
                        Contact.of("phone", "ana", metered.loop.now(), null));
            }
            metered.clock.advance(Duration.ofDays(3));
            metered.loop.followUps().escalateOverdue(metered.loop.now());
            metered.scrape();

            Set<String> tagValues = new HashSet<>();
            metered.registry.getMeters().forEach(meter -> meter.getId().getTags()
                    .forEach(tag -> tagValues.add(tag.getValue())));
            assertThat(tagValues).doesNotContainAnyElementsOf(ids);
            assertThat(metered.registry.getMeters()).extracting(meter -> meter.getId().getTags())
                    .allSatisfy(tags -> assertThat(tags).extracting(Tag::getKey)
                            .isSubsetOf("survey", "outcome", "reason", "policy", "deadline"));
            assertThat(metered.registry.getMeters()).hasSizeLessThan(30);
        }
    }
}
