package dev.feedbackloop.core.internal;

import dev.feedbackloop.core.care.CareDesk;
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
 * Not API. The {@link CareDesk} of a feedback loop over its {@link LoopContext}. Thread-safe: the only mutable state,
 * the customers last notified as due, is guarded by itself.
 */
public final class DefaultCareDesk implements CareDesk {

    private final LoopContext loop;
    private final CarePlan plan;
    private final ThrottlePolicy throttle;
    /** The customers notified as due, with the reason; guarded by itself. */
    private final Map<String, DueFor> notified = new HashMap<>();

    /**
     * Creates the care desk of a loop.
     *
     * @param loop what the care desk needs of its loop
     * @param plan the care plan
     * @param throttle survey throttling
     */
    public DefaultCareDesk(LoopContext loop, CarePlan plan, ThrottlePolicy throttle) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    @Override
    public CarePlan plan() {
        return plan;
    }

    @Override
    public void registerCustomer(Customer customer) {
        loop.store().putCustomer(Objects.requireNonNull(customer, "customer"));
    }

    @Override
    public Optional<Customer> findCustomer(String customerId) {
        return loop.store().findCustomer(Objects.requireNonNull(customerId, "customerId"));
    }

    @Override
    public Touch recordContact(String customerId, TouchKind kind, String actor, @Nullable String note) {
        Touch touch = Touch.contact(customerId, kind, loop.now(), actor, note);
        loop.store().recordTouch(touch, List.of());
        return touch;
    }

    @Override
    public void recordTouch(Touch touch) {
        loop.store().recordTouch(Objects.requireNonNull(touch, "touch"), List.of());
    }

    @Override
    public Touch recordInvitation(String customerId, String surveyId) {
        Touch touch = Touch.survey(customerId, TouchKind.SURVEY_INVITED, loop.now(), surveyId);
        loop.store().recordTouch(touch, List.of());
        return touch;
    }

    @Override
    public List<Touch> touches(String customerId) {
        return loop.store().touches(Objects.requireNonNull(customerId, "customerId"));
    }

    @Override
    public InviteDecision mayInvite(String customerId, String surveyId, Instant asOf) {
        return throttle.decide(surveyId, touches(customerId), Objects.requireNonNull(asOf, "asOf"));
    }

    @Override
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
            int[] c = Objects.requireNonNull(counts.get(tier.get().name()));
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

    @Override
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
            loop.afterWrite().run();
        }
        return due;
    }

    /** Why a customer is due: the tier's cadence counted from the last contact (none: due from the start). */
    private record DueFor(String tier, @Nullable Instant lastContact) {
    }
}
