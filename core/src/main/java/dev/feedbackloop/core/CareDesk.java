package dev.feedbackloop.core;

import dev.feedbackloop.core.care.CarePlan;
import dev.feedbackloop.core.care.CareReport;
import dev.feedbackloop.core.care.CareTier;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerStatus;
import dev.feedbackloop.core.care.InviteDecision;
import dev.feedbackloop.core.care.ThrottlePolicy;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The care desk of a {@link FeedbackLoop}: customers, the touches the host records, care-plan coverage reports and
 * survey throttling. Obtained from {@link FeedbackLoop#care()}; thread-safe.
 *
 * <p>Customers are registered by the host ({@link #registerCustomer(Customer)}) and implicitly by their first
 * response. Accepted responses and follow-up contacts are recorded as touches by the loop itself.
 */
public final class CareDesk {

    private final FeedbackLoop loop;
    private final CarePlan plan;
    private final ThrottlePolicy throttle;
    /** The customers notified as due, with the reason; guarded by itself. */
    private final Map<String, DueFor> notified = new HashMap<>();

    CareDesk(FeedbackLoop loop, CarePlan plan, ThrottlePolicy throttle) {
        this.loop = loop;
        this.plan = plan;
        this.throttle = throttle;
    }

    /**
     * Returns the care plan in force.
     *
     * @return the plan
     */
    public CarePlan plan() {
        return plan;
    }

    /**
     * Registers a customer or replaces their attributes.
     *
     * @param customer the customer
     */
    public void registerCustomer(Customer customer) {
        loop.store().putCustomer(Objects.requireNonNull(customer, "customer"));
    }

    /**
     * Looks up a customer.
     *
     * @param customerId the customer id
     * @return the customer, or empty
     */
    public Optional<Customer> findCustomer(String customerId) {
        return loop.store().findCustomer(Objects.requireNonNull(customerId, "customerId"));
    }

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
    public Touch recordContact(String customerId, TouchKind kind, String actor, @Nullable String note) {
        Touch touch = Touch.contact(customerId, kind, loop.now(), actor, note);
        loop.store().recordTouch(touch, List.of());
        return touch;
    }

    /**
     * Records a touch as given, for touches logged after the fact.
     *
     * @param touch the touch
     */
    public void recordTouch(Touch touch) {
        loop.store().recordTouch(Objects.requireNonNull(touch, "touch"), List.of());
    }

    /**
     * Records that a customer was invited to a survey now, for throttling.
     *
     * @param customerId the customer
     * @param surveyId the survey
     * @return the touch recorded
     */
    public Touch recordInvitation(String customerId, String surveyId) {
        Touch touch = Touch.survey(customerId, TouchKind.SURVEY_INVITED, loop.now(), surveyId);
        loop.store().recordTouch(touch, List.of());
        return touch;
    }

    /**
     * Returns a customer's touches, oldest first.
     *
     * @param customerId the customer
     * @return the touches
     */
    public List<Touch> touches(String customerId) {
        return loop.store().touches(Objects.requireNonNull(customerId, "customerId"));
    }

    /**
     * Decides whether a customer may be invited to a survey, with the reason: quiet period per survey and across
     * surveys, last invited, last answered.
     *
     * @param customerId the customer
     * @param surveyId the survey
     * @param now the instant of the invitation
     * @return the decision
     */
    public InviteDecision mayInvite(String customerId, String surveyId, Instant now) {
        return throttle.decide(surveyId, touches(customerId), now);
    }

    /**
     * Reports care-plan coverage at an instant: per tier, the customers overdue for contact (never contacted,
     * or last contacted longer ago than the tier's cadence) and the customers never heard from (never answered a
     * survey). Customers that no tier applies to are left out.
     *
     * @param asOf the instant
     * @return the report
     */
    public CareReport report(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        var counts = new LinkedHashMap<String, int[]>();
        for (CareTier tier : plan.tiers()) {
            counts.put(tier.name(), new int[3]);
        }
        var overdue = new ArrayList<CustomerStatus>();
        var neverHeard = new ArrayList<CustomerStatus>();
        loop.store().forEachCustomer(activity -> {
            Optional<CareTier> tier = plan.findTier(activity.customer());
            if (tier.isEmpty()) {
                return;
            }
            Instant last = activity.lastContact();
            Instant due = last == null ? asOf : last.plus(tier.get().contactEvery());
            var status = new CustomerStatus(activity.customer().id(), tier.get().name(), last,
                    activity.lastAnswered(), due);
            int[] c = counts.get(tier.get().name());
            c[0]++;
            if (status.isDue(asOf)) {
                overdue.add(status);
            } else {
                c[1]++;
            }
            if (activity.lastAnswered() == null) {
                neverHeard.add(status);
                c[2]++;
            }
        });
        overdue.sort(Comparator.comparing(CustomerStatus::dueAt).thenComparing(CustomerStatus::customerId));
        var tiers = new ArrayList<CareReport.TierCoverage>();
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] c = entry.getValue();
            tiers.add(new CareReport.TierCoverage(entry.getKey(), c[0], c[1], c[0] - c[1], c[2]));
        }
        return new CareReport(asOf, tiers, overdue, neverHeard);
    }

    /**
     * Emits a {@link FeedbackEvent.CustomerDueForContact} event for every customer overdue for contact at an
     * instant, through the outbox to the listeners, once per customer and due date: a customer still due for the
     * same reason (same tier, same last contact) at a later call is not notified again; a new contact, or a change
     * of tier, starts a new due date that is notified once when it comes. Hosts call it on their own schedule (for
     * example daily). What was notified is remembered by this loop, not by the store: a restarted loop notifies
     * the customers still due once more.
     *
     * @param asOf the instant
     * @return every customer found due, whether notified by this call or an earlier one
     */
    public List<CustomerStatus> notifyDueForContact(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<CustomerStatus> due;
        boolean appended;
        synchronized (notified) {
            due = report(asOf).overdue();
            var events = new ArrayList<FeedbackEvent>();
            var current = new HashMap<String, DueFor>();
            for (CustomerStatus status : due) {
                DueFor reason = new DueFor(status.tier(), status.lastContact());
                current.put(status.customerId(), reason);
                if (!reason.equals(notified.get(status.customerId()))) {
                    events.add(new FeedbackEvent.CustomerDueForContact(status.customerId(), status.tier(),
                            status.lastContact(), status.dueAt(), asOf));
                }
            }
            appended = !events.isEmpty();
            if (appended) {
                loop.store().append(events);
            }
            // only the customers due now are remembered, so memory follows the overdue list, not every customer
            notified.clear();
            notified.putAll(current);
        }
        if (appended) {
            loop.deliverAfterWrite();
        }
        return due;
    }

    /** Why a customer is due: the tier's cadence counted from the last contact (none: due from the start). */
    private record DueFor(String tier, @Nullable Instant lastContact) {
    }
}
