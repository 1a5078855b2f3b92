/**
 * The host's feedback programme and the {@link dev.feedbackloop.core.FeedbackLoop} built over the application's
 * data source: {@link dev.feedbackloop.examples.webapp.programme.FeedbackProgramme} (policies, calendar, care plan)
 * and {@link dev.feedbackloop.examples.webapp.programme.LoopConfiguration}.
 */
@NullMarked
package dev.feedbackloop.examples.webapp.programme;

import org.jspecify.annotations.NullMarked;
