/**
 * Care plans and survey throttling: {@link dev.feedbackloop.core.care.Customer}s, the
 * {@link dev.feedbackloop.core.care.Touch}es the host records, {@link dev.feedbackloop.core.care.CarePlan} tiers
 * with their contact cadence and the {@link dev.feedbackloop.core.care.InviteDecision} of survey throttling.
 */
@NullMarked
package dev.feedbackloop.core.care;

import org.jspecify.annotations.NullMarked;
