/**
 * Meters of a feedback loop for any Micrometer host. Entry points: {@link dev.feedbackloop.micrometer.FeedbackEventMeters},
 * the listener and intake observer given to the loop's builder, which counts and times what happens, and
 * {@link dev.feedbackloop.micrometer.FeedbackLoopMetrics}, the {@link io.micrometer.core.instrument.binder.MeterBinder}
 * built over the loop, which binds those meters and the gauges of open, overdue and answered follow-ups.
 */
@NullMarked
package dev.feedbackloop.micrometer;

import org.jspecify.annotations.NullMarked;
