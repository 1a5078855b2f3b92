/**
 * Survey definitions and the responses to them.
 *
 * <p>Entry points: {@link dev.feedbackloop.survey.Survey} (built with {@link dev.feedbackloop.survey.Survey#builder})
 * and its sealed family of {@link dev.feedbackloop.survey.Question}s; {@link dev.feedbackloop.survey.Response} with
 * its {@link dev.feedbackloop.survey.Answer}s. Every type here is an immutable value.
 */
@NullMarked
package dev.feedbackloop.survey;

import org.jspecify.annotations.NullMarked;
