package dev.feedbackloop.micrometer;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.EscalationStep;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.OwnerRule;
import dev.feedbackloop.core.followup.Trigger;
import dev.feedbackloop.core.store.FeedbackStore;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A real loop with its meters bound to a {@link SimpleMeterRegistry}: the loop on a {@link MutableClock} at
 * {@link Fixtures#T0}, the cache on a {@link MockClock}, policy {@code nps-detractor} (first contact within 48 hours,
 * resolution within 5 days, escalation to the owner at the first-contact deadline).
 */
final class MeteredLoop {

    static final String POLICY = "nps-detractor";
    static final Duration CACHE = Duration.ofSeconds(30);

    final MutableClock clock = MutableClock.at(Fixtures.T0);
    final MockClock meterClock = new MockClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, meterClock);
    final FeedbackEventMeters events = FeedbackEventMeters.create();
    final FeedbackLoop loop;
    final FeedbackLoopMetrics metrics;

    MeteredLoop(FeedbackStore store) {
        this(store, b -> b, m -> m);
    }

    MeteredLoop(FeedbackStore store, UnaryOperator<FeedbackLoop.Builder> loopOptions,
                UnaryOperator<FeedbackLoopMetrics.Builder> meterOptions) {
        loop = loopOptions.apply(FeedbackLoop.builder().store(store).clock(clock)
                .listener(events).intakeObserver(events).followUpPolicy(policy())).build();
        loop.register(Fixtures.survey());
        metrics = meterOptions.apply(FeedbackLoopMetrics.builder(loop).events(events).cacheFor(CACHE)
                .coverageWindow(Duration.ofDays(30)).clock(meterClock)).build();
        metrics.bindTo(registry);
    }

    static FollowUpPolicy policy() {
        return FollowUpPolicy.builder(POLICY).when(Trigger.npsDetractor("nps")).owner(OwnerRule.fixed("cs"))
                .firstContactWithin(Duration.ofHours(48)).resolveWithin(Duration.ofDays(5))
                .escalate(EscalationStep.toOwner(DeadlineKind.FIRST_CONTACT, Duration.ZERO)).build();
    }

    double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    /** The value of a gauge after the cache interval has passed: as of now. */
    double gauge(String name, String... tags) {
        meterClock.add(CACHE);
        return cachedGauge(name, tags);
    }

    /** The value of a gauge, from the cache if it was read within the interval. */
    double cachedGauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    /** Reads every meter of the registry, as a scrape does. */
    void scrape() {
        registry.getMeters().forEach(meter -> meter.measure().forEach(measurement -> measurement.getValue()));
    }
}
