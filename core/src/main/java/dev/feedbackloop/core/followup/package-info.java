/**
 * Follow-ups and their tracker: {@link dev.feedbackloop.core.followup.FollowUpTracker} (from
 * {@code FeedbackLoop.followUps()}) takes the lifecycle steps of a {@link dev.feedbackloop.core.followup.FollowUp},
 * answers queries, in pages ({@link dev.feedbackloop.core.followup.FollowUpPage},
 * {@link dev.feedbackloop.core.followup.FollowUpCursor}) and counts
 * ({@link dev.feedbackloop.core.followup.FollowUpCounts}), and reports
 * {@link dev.feedbackloop.core.followup.FollowUpMetrics};
 * {@link dev.feedbackloop.core.followup.FollowUpPolicy} with its {@link dev.feedbackloop.core.followup.Trigger} and
 * {@link dev.feedbackloop.core.followup.OwnerRule} decides which responses open one, with deadlines in business time
 * ({@link dev.feedbackloop.core.followup.BusinessCalendar}).
 */
@NullMarked
package dev.feedbackloop.core.followup;

import org.jspecify.annotations.NullMarked;
