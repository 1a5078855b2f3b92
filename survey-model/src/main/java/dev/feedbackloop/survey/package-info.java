/**
 * Survey definitions and the responses to them.
 *
 * <p>Entry points: {@link dev.feedbackloop.survey.Survey} (built with {@link dev.feedbackloop.survey.Survey#builder},
 * checked as a whole with {@link dev.feedbackloop.survey.Survey#check}, failing with a
 * {@link dev.feedbackloop.survey.SurveyDefinitionException}) and its sealed family of
 * {@link dev.feedbackloop.survey.Question}s; {@link dev.feedbackloop.survey.Response} (built with
 * {@link dev.feedbackloop.survey.Response#builder(String, Survey, java.time.Instant)}) with its
 * {@link dev.feedbackloop.survey.Answer}s, checked against its survey by
 * {@link dev.feedbackloop.survey.ResponseValidator}. Every value type here is immutable. Related packages:
 * {@code condition} (display conditions, evaluated by {@link dev.feedbackloop.survey.Question#isShown}),
 * {@code validation} (validation results as values), {@code json} (the JSON form) and {@code version}
 * (compatibility between survey versions).
 */
@NullMarked
package dev.feedbackloop.survey;

import org.jspecify.annotations.NullMarked;
