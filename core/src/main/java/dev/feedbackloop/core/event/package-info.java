/**
 * What happened in a feedback loop: the closed family {@link dev.feedbackloop.core.event.FeedbackEvent}, written to
 * the store's outbox in the same atomic step as the data it describes and delivered to
 * {@link dev.feedbackloop.core.FeedbackListener}s once stored.
 */
@NullMarked
package dev.feedbackloop.core.event;

import org.jspecify.annotations.NullMarked;
