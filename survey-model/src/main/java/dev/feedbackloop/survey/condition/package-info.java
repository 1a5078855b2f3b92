/**
 * Display conditions: a small typed tree over earlier answers, entry point
 * {@link dev.feedbackloop.survey.condition.Condition}, built with its static factories
 * ({@code answered}, {@code atMost}, {@code equalTo}, {@code in}, {@code all}, {@code any}, {@code not}, ...).
 * Conditions are data, never executable code, and this package depends on nothing else of the library: the
 * survey model evaluates them ({@code Question.isShown}) and checks that they fit their survey
 * ({@code Survey.check}).
 */
@NullMarked
package dev.feedbackloop.survey.condition;

import org.jspecify.annotations.NullMarked;
