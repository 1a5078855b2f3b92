/**
 * The embeddable feedback loop: build a {@link dev.feedbackloop.core.FeedbackLoop} once, register surveys,
 * {@link dev.feedbackloop.core.FeedbackLoop#submit(dev.feedbackloop.survey.Response) submit} responses for a
 * {@link dev.feedbackloop.core.Receipt}, work follow-ups through
 * {@link dev.feedbackloop.core.followup.FollowUpTracker}, care plans through
 * {@link dev.feedbackloop.core.care.CareDesk}, and hook in with {@link dev.feedbackloop.core.FeedbackListener} (what
 * was stored) and {@link dev.feedbackloop.core.IntakeObserver} (what was refused).
 */
@NullMarked
package dev.feedbackloop.core;

import org.jspecify.annotations.NullMarked;
