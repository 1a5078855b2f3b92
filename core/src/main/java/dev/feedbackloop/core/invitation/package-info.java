/**
 * Signed survey invitations: {@link dev.feedbackloop.core.invitation.Invitations} issues and verifies tokens that
 * bind an {@link dev.feedbackloop.core.invitation.Invitation} (survey, customer, expiry, attributes) under an
 * HMAC-SHA256 {@link dev.feedbackloop.core.invitation.SigningKey}; an
 * {@link dev.feedbackloop.core.invitation.InvitationLedger} remembers which tokens were redeemed; every rejection is an
 * {@link dev.feedbackloop.core.invitation.InvitationException} with a
 * {@link dev.feedbackloop.core.invitation.InvitationException.Reason}. Submit with a token through
 * {@link dev.feedbackloop.core.FeedbackLoop#submit(dev.feedbackloop.survey.Response, String)}.
 */
@NullMarked
package dev.feedbackloop.core.invitation;

import org.jspecify.annotations.NullMarked;
