/**
 * Display conditions: a small typed tree over earlier answers, entry point
 * {@link dev.feedbackloop.survey.condition.Condition}, built with its static factories
 * ({@code answered}, {@code atMost}, {@code equalTo}, {@code in}, {@code all}, {@code any}, {@code not}, ...).
 * Conditions are data, never executable code; whether they fit their survey is checked by
 * {@link dev.feedbackloop.survey.Survey#check(java.util.List)}.
 */
@NullMarked
package dev.feedbackloop.survey.condition;

import org.jspecify.annotations.NullMarked;
