/**
 * Care plans and survey throttling: the {@link dev.feedbackloop.core.care.CareDesk} (from {@code FeedbackLoop.care()})
 * keeps {@link dev.feedbackloop.core.care.Customer}s and the {@link dev.feedbackloop.core.care.Touch}es the host
 * records, reports coverage against {@link dev.feedbackloop.core.care.CarePlan} tiers and their contact cadence, and
 * decides survey throttling ({@link dev.feedbackloop.core.care.InviteDecision}).
 */
@NullMarked
package dev.feedbackloop.core.care;

import org.jspecify.annotations.NullMarked;
