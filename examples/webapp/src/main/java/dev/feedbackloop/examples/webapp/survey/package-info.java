/**
 * The customer's side: the survey page behind a signed invitation link, its answers, the thank-you page;
 * {@link dev.feedbackloop.examples.webapp.survey.SurveyDesk} holds every call into the library.
 */
@NullMarked
package dev.feedbackloop.examples.webapp.survey;

import org.jspecify.annotations.NullMarked;
