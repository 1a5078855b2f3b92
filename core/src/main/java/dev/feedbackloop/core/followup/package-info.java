/**
 * The follow-up tracker's domain: {@link dev.feedbackloop.core.followup.FollowUp} and its lifecycle,
 * {@link dev.feedbackloop.core.followup.FollowUpPolicy} with its {@link dev.feedbackloop.core.followup.Trigger} and
 * {@link dev.feedbackloop.core.followup.OwnerRule}, deadlines in business time
 * ({@link dev.feedbackloop.core.followup.BusinessCalendar}), queries and
 * {@link dev.feedbackloop.core.followup.FollowUpMetrics}.
 */
@NullMarked
package dev.feedbackloop.core.followup;

import org.jspecify.annotations.NullMarked;
