/**
 * Compatibility between versions of a survey: which differences matter for pooling results.
 *
 * <p>Entry point: {@link dev.feedbackloop.survey.version.Compatibility#between}, which lists each
 * {@link dev.feedbackloop.survey.version.Change} with its {@link dev.feedbackloop.survey.version.Impact}.
 */
@NullMarked
package dev.feedbackloop.survey.version;

import org.jspecify.annotations.NullMarked;
