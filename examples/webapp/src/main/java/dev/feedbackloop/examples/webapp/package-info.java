/**
 * An example host web application on Spring Boot: the customer's survey page, the agents' inbox, follow-up and
 * care pages, and the dashboard. Entry point {@link dev.feedbackloop.examples.webapp.WebApp}; the calls into the
 * library live in {@code SurveyDesk}, {@code FollowUpDesk}, {@code Dashboard} and {@code DemoData}.
 */
@NullMarked
package dev.feedbackloop.examples.webapp;

import org.jspecify.annotations.NullMarked;
