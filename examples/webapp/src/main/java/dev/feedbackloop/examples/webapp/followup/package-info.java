/**
 * The agents' side: the follow-up inbox, a follow-up with its customer's history and actions, and the care view;
 * {@link dev.feedbackloop.examples.webapp.followup.FollowUpDesk} holds every call into the library.
 */
@NullMarked
package dev.feedbackloop.examples.webapp.followup;

import org.jspecify.annotations.NullMarked;
