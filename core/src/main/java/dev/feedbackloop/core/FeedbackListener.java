package dev.feedbackloop.core;

import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.event.FeedbackEvent.CustomerDueForContact;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpClosed;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpContacted;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpEscalated;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpOpened;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpResolved;
import dev.feedbackloop.core.event.FeedbackEvent.ResponseAccepted;

/**
 * Host hooks called after data is durably stored: send the email, open the CRM task, page the account owner.
 *
 * <p>Every method has an empty default, so a new event never breaks a host. Events come from the store's outbox
 * and are delivered at least once: a listener may see an event again after a crash, and should be idempotent. A
 * listener that throws is logged at WARN and skipped; it never loses data or fails the call that stored it.
 * Listeners are called on the thread that stored the data, one event at a time, unless the loop has a
 * {@linkplain FeedbackLoop.Builder#listenerExecutor listener executor}: then on its threads, the events of one
 * response, follow-up or customer in order and one at a time, others in parallel. Listeners must be thread-safe.
 */
public interface FeedbackListener {

    /**
     * Returns a listener that ignores every event.
     *
     * @return the listener
     */
    static FeedbackListener noop() {
        return new FeedbackListener() {
        };
    }

    /**
     * Called when a response was accepted and stored.
     *
     * @param event the event
     */
    default void onResponseAccepted(ResponseAccepted event) {
    }

    /**
     * Called when a follow-up was opened.
     *
     * @param event the event
     */
    default void onFollowUpOpened(FollowUpOpened event) {
    }

    /**
     * Called when a follow-up's first contact was recorded.
     *
     * @param event the event
     */
    default void onFollowUpContacted(FollowUpContacted event) {
    }

    /**
     * Called when a follow-up was resolved.
     *
     * @param event the event
     */
    default void onFollowUpResolved(FollowUpResolved event) {
    }

    /**
     * Called when a follow-up was closed without resolution.
     *
     * @param event the event
     */
    default void onFollowUpClosed(FollowUpClosed event) {
    }

    /**
     * Called when a follow-up was escalated.
     *
     * @param event the event
     */
    default void onFollowUpEscalated(FollowUpEscalated event) {
    }

    /**
     * Called when a customer is due for contact under their care plan.
     *
     * @param event the event
     */
    default void onCustomerDueForContact(CustomerDueForContact event) {
    }

    /**
     * Calls the method for an event's type; override only to see every event in one place.
     *
     * @param event the event
     */
    default void onEvent(FeedbackEvent event) {
        if (event instanceof ResponseAccepted e) {
            onResponseAccepted(e);
        } else if (event instanceof FollowUpOpened e) {
            onFollowUpOpened(e);
        } else if (event instanceof FollowUpContacted e) {
            onFollowUpContacted(e);
        } else if (event instanceof FollowUpResolved e) {
            onFollowUpResolved(e);
        } else if (event instanceof FollowUpClosed e) {
            onFollowUpClosed(e);
        } else if (event instanceof FollowUpEscalated e) {
            onFollowUpEscalated(e);
        } else if (event instanceof CustomerDueForContact e) {
            onCustomerDueForContact(e);
        } else {
            throw new AssertionError("unknown event " + event.getClass());
        }
    }
}
