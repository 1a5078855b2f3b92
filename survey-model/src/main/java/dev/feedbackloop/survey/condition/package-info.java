/**
 * Display conditions: a small typed tree over earlier answers, entry point
 * {@link dev.feedbackloop.survey.condition.Condition}. Conditions are data, never executable code.
 */
@NullMarked
package dev.feedbackloop.survey.condition;

import org.jspecify.annotations.NullMarked;
