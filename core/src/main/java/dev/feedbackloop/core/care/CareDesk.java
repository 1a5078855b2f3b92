package dev.feedbackloop.core.care;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The care desk of a feedback loop: customers, the touches the host records, care-plan coverage reports and survey
 * throttling. Obtained from {@code FeedbackLoop.care()}; thread-safe. Hosts use it and do not implement it: methods may
 * be added.
 *
 * <p>Customers are registered by the host ({@link #registerCustomer(Customer)}) and implicitly by their first
 * response. Accepted responses and follow-up contacts are recorded as touches by the loop itself. Queries that depend
 * on the time take the instant they answer for ({@code asOf}); the touches recorded here are stamped with the loop's
 * clock.
 */
public interface CareDesk {

    /**
     * Returns the care plan in force.
     *
     * @return the plan
     */
    CarePlan plan();

    /**
     * Registers a customer or replaces their attributes.
     *
     * @param customer the customer
     */
    void registerCustomer(Customer customer);

    /**
     * Looks up a customer.
     *
     * @param customerId the customer id
     * @return the customer, or empty
     */
    Optional<Customer> findCustomer(String customerId);

    /**
     * Records a contact with a customer now: a call, meeting or message.
     *
     * @param customerId the customer
     * @param kind the kind of contact
     * @param actor who made it
     * @param note a note, or {@code null}
     * @return the touch recorded
     * @throws IllegalArgumentException if {@code kind} is a survey kind (use {@link #recordInvitation})
     */
    Touch recordContact(String customerId, TouchKind kind, String actor, @Nullable String note);

    /**
     * Records a touch as given, for touches logged after the fact.
     *
     * @param touch the touch
     */
    void recordTouch(Touch touch);

    /**
     * Records that a customer was invited to a survey now, for throttling.
     *
     * @param customerId the customer
     * @param surveyId the survey
     * @return the touch recorded
     */
    Touch recordInvitation(String customerId, String surveyId);

    /**
     * Returns a customer's touches, oldest first.
     *
     * @param customerId the customer
     * @return the touches
     */
    List<Touch> touches(String customerId);

    /**
     * Decides whether a customer may be invited to a survey, with the reason: quiet period per survey and across
     * surveys, last invited, last answered.
     *
     * @param customerId the customer
     * @param surveyId the survey
     * @param asOf the instant of the invitation, normally {@code FeedbackLoop.now()}
     * @return the decision
     */
    InviteDecision mayInvite(String customerId, String surveyId, Instant asOf);

    /**
     * Reports care-plan coverage at an instant: per tier, the customers overdue for contact (never contacted,
     * or last contacted longer ago than the tier's cadence) and the customers never heard from (never answered a
     * survey). Customers that no tier applies to are left out.
     *
     * @param asOf the instant
     * @return the report
     */
    CareReport report(Instant asOf);

    /**
     * Emits a {@link dev.feedbackloop.core.event.FeedbackEvent.CustomerDueForContact} event for every customer overdue
     * for contact at an instant, through the outbox to the listeners, once per customer and due date: a customer still
     * due for the same reason (same tier, same last contact) at a later call is not notified again; a new contact, or a
     * change of tier, starts a new due date that is notified once when it comes. Hosts call it on their own schedule
     * (for example daily). What was notified is remembered by this loop, not by the store: a restarted loop notifies
     * the customers still due once more.
     *
     * @param asOf the instant
     * @return every customer found due, whether notified by this call or an earlier one
     */
    List<CustomerStatus> notifyDueForContact(Instant asOf);
}
