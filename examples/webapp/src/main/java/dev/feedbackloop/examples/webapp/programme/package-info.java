/**
 * The host's feedback programme, {@link dev.feedbackloop.examples.webapp.programme.FeedbackProgramme}: policies,
 * calendar, care plan, taxonomy, clock and invitation keys, from which the Feedback Loop starter builds the
 * application's {@link dev.feedbackloop.core.FeedbackLoop} over its data source.
 */
@NullMarked
package dev.feedbackloop.examples.webapp.programme;

import org.jspecify.annotations.NullMarked;
