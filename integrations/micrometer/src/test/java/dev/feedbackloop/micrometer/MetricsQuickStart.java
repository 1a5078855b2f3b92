package dev.feedbackloop.micrometer;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** The README's Micrometer setup: event meters on the loop's builder, then the binder over the loop. */
final class MetricsQuickStart {

    private MetricsQuickStart() {
    }

    static FeedbackLoop meteredLoop(MeterRegistry registry) {
        FeedbackEventMeters events = FeedbackEventMeters.create();  // counters and timers, from the loop's events
        FeedbackLoop loop = FeedbackLoop.builder()
                .listener(events).intakeObserver(events)            // before build(), so they see every event
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .build();
        FeedbackLoopMetrics.builder(loop)
                .events(events)
                .cacheFor(Duration.ofSeconds(30))                   // the gauges ask the store at most every 30 s
                .coverageWindow(Duration.ofDays(30))                // "did we respond" over the last 30 days
                .build()
                .bindTo(registry);
        return loop;
    }
}
