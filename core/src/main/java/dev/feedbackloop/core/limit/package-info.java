/**
 * Limits on what one submission may carry and how often one customer may submit:
 * {@link dev.feedbackloop.core.limit.SubmissionLimits} with documented defaults, the host hook
 * {@link dev.feedbackloop.core.limit.SubmissionGuard} for rate limits of its own, and the
 * {@link dev.feedbackloop.core.limit.LimitExceededException} that both raise. Set them with
 * {@link dev.feedbackloop.core.FeedbackLoop.Builder#limits(SubmissionLimits)} and
 * {@link dev.feedbackloop.core.FeedbackLoop.Builder#submissionGuard(SubmissionGuard)}.
 */
@NullMarked
package dev.feedbackloop.core.limit;

import org.jspecify.annotations.NullMarked;
