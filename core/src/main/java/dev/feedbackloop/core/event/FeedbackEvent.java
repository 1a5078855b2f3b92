package dev.feedbackloop.core.event;

import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.Priority;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a feedback loop, delivered to listeners after it is durably stored: a closed family of
 * immutable records carrying ids and small facts, never free text.
 */
public sealed interface FeedbackEvent {

    /**
     * Returns when it happened.
     *
     * @return the instant
     */
    Instant at();

    /**
     * Returns the customer the event is about, if any; used to erase a customer's pending events.
     *
     * @return the customer id, or {@code null}
     */
    @Nullable String customerId();

    /**
     * A response was validated and stored.
     *
     * @param responseId the response
     * @param surveyId its survey
     * @param surveyVersion its survey version
     * @param customerId the customer, or {@code null} when anonymous
     * @param at when it was stored
     */
    record ResponseAccepted(String responseId, String surveyId, int surveyVersion, @Nullable String customerId,
                            Instant at) implements FeedbackEvent {

        public ResponseAccepted {
            Objects.requireNonNull(responseId, "responseId");
            Objects.requireNonNull(surveyId, "surveyId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A follow-up was opened.
     *
     * @param followUpId the follow-up
     * @param responseId the response that opened it
     * @param policyId the policy that opened it
     * @param owner who must act
     * @param priority how urgent
     * @param firstContactDue the first-contact deadline
     * @param customerId the customer, or {@code null}
     * @param at when it was opened
     */
    record FollowUpOpened(String followUpId, String responseId, String policyId, String owner, Priority priority,
                          Instant firstContactDue, @Nullable String customerId, Instant at) implements FeedbackEvent {

        public FollowUpOpened {
            Objects.requireNonNull(followUpId, "followUpId");
            Objects.requireNonNull(responseId, "responseId");
            Objects.requireNonNull(policyId, "policyId");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(firstContactDue, "firstContactDue");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A follow-up's first human contact was recorded.
     *
     * @param followUpId the follow-up
     * @param by who made the contact
     * @param channel how
     * @param customerId the customer, or {@code null}
     * @param at when the contact happened
     */
    record FollowUpContacted(String followUpId, String by, String channel, @Nullable String customerId, Instant at)
            implements FeedbackEvent {

        public FollowUpContacted {
            Objects.requireNonNull(followUpId, "followUpId");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A contacted follow-up was resolved.
     *
     * @param followUpId the follow-up
     * @param by who resolved it
     * @param code the resolution code
     * @param customerId the customer, or {@code null}
     * @param at when it was resolved
     */
    record FollowUpResolved(String followUpId, String by, String code, @Nullable String customerId, Instant at)
            implements FeedbackEvent {

        public FollowUpResolved {
            Objects.requireNonNull(followUpId, "followUpId");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A follow-up was closed without resolution, for example because no contact was possible.
     *
     * @param followUpId the follow-up
     * @param by who closed it
     * @param reason why it was closed
     * @param customerId the customer, or {@code null}
     * @param at when it was closed
     */
    record FollowUpClosed(String followUpId, String by, String reason, @Nullable String customerId, Instant at)
            implements FeedbackEvent {

        public FollowUpClosed {
            Objects.requireNonNull(followUpId, "followUpId");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A follow-up's deadline passed and one escalation step fired.
     *
     * @param followUpId the follow-up
     * @param deadline which deadline passed
     * @param due the deadline instant
     * @param step the step index, from 0
     * @param escalatedTo who is alerted
     * @param customerId the customer, or {@code null}
     * @param at when it was escalated
     */
    record FollowUpEscalated(String followUpId, DeadlineKind deadline, Instant due, int step, String escalatedTo,
                             @Nullable String customerId, Instant at) implements FeedbackEvent {

        public FollowUpEscalated {
            Objects.requireNonNull(followUpId, "followUpId");
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(escalatedTo, "escalatedTo");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A customer is due for contact under their care-plan tier.
     *
     * @param customerId the customer
     * @param tier the care-plan tier name
     * @param lastTouch the last touch, or {@code null} when never touched
     * @param dueAt when contact was due
     * @param at when this was detected
     */
    record CustomerDueForContact(String customerId, String tier, @Nullable Instant lastTouch, Instant dueAt,
                                 Instant at) implements FeedbackEvent {

        public CustomerDueForContact {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(at, "at");
        }
    }
}
