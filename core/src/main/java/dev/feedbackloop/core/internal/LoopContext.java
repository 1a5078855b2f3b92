package dev.feedbackloop.core.internal;

import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.store.FeedbackStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Not API. What the follow-up tracker and the care desk need of their feedback loop, and nothing more: the store,
 * the clock, the calendar, the policies by id, the taxonomy, and the delivery of the events a write appended.
 * Immutable (the store and the delivery are thread-safe).
 *
 * @param store the loop's store
 * @param clock the loop's clock
 * @param calendar the calendar in which deadlines count working time
 * @param policies the follow-up policies by id; copied
 * @param resolutionCodes the allowed resolution codes; empty for any; copied
 * @param rootCauses the allowed root causes; empty for any; copied
 * @param afterWrite delivers pending outbox events after a write that committed; never throws
 */
public record LoopContext(FeedbackStore store, Clock clock, BusinessCalendar calendar,
                          Map<String, FollowUpPolicy> policies, Set<String> resolutionCodes, Set<String> rootCauses,
                          Runnable afterWrite) {

    public LoopContext {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(calendar, "calendar");
        policies = Map.copyOf(policies);
        resolutionCodes = Set.copyOf(resolutionCodes);
        rootCauses = Set.copyOf(rootCauses);
        Objects.requireNonNull(afterWrite, "afterWrite");
    }

    /**
     * Returns the clock's instant at microsecond precision, the finest that SQL databases keep: the loop's one "now".
     *
     * @return the instant
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Looks up a policy.
     *
     * @param id the policy id
     * @return the policy, or empty when the loop has none by that id (any more)
     */
    public Optional<FollowUpPolicy> policy(String id) {
        return Optional.ofNullable(policies.get(id));
    }
}
