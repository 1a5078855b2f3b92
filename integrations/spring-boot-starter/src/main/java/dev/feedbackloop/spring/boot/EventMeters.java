package dev.feedbackloop.spring.boot;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.micrometer.FeedbackEventMeters;

/**
 * Gives the auto-configured loop's builder the event meters, as listener and intake observer, and remembers whether
 * it did: a loop that the application built itself has no event meters, and only its gauges are bound. The meters
 * are not a bean of their own, so that the auto-configuration does not also take them as a listener bean.
 * Thread-safe.
 */
final class EventMeters implements FeedbackLoopBuilderCustomizer {

    private final FeedbackEventMeters meters = FeedbackEventMeters.create();
    private volatile boolean given;

    @Override
    public void customize(FeedbackLoop.Builder builder) {
        builder.listener(meters).intakeObserver(meters);
        given = true;
    }

    /**
     * Returns whether the meters were given to a loop's builder.
     *
     * @return whether the loop records into them
     */
    boolean given() {
        return given;
    }

    /**
     * Returns the meters.
     *
     * @return the meters
     */
    FeedbackEventMeters meters() {
        return meters;
    }
}
