/**
 * Not API: the implementation of a feedback loop's follow-up tracker ({@code DefaultFollowUpTracker}, with its
 * escalation paging and reports) and care desk ({@code DefaultCareDesk}) over what they need of the loop
 * ({@code LoopContext}). Public only so that {@code FeedbackLoop} can build them; hosts use
 * {@link dev.feedbackloop.core.followup.FollowUpTracker} and {@link dev.feedbackloop.core.care.CareDesk}. Anything here
 * may change without notice.
 */
@NullMarked
package dev.feedbackloop.core.internal;

import org.jspecify.annotations.NullMarked;
