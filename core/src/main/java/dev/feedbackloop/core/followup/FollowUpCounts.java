package dev.feedbackloop.core.followup;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How many follow-ups there are, by state, and how many are open by owner and by policy and overdue by policy, at one
 * instant; counted over every stored follow-up, without a cap. Immutable and thread-safe.
 *
 * <p><b>Open</b> means every state that is not {@linkplain FollowUpState#isDone() done}: {@code OPEN} and
 * {@code CONTACTED}, paused or running. <b>Overdue</b> for a {@link DeadlineKind} means what
 * {@link FollowUpTracker#overdue(DeadlineKind, Instant)} lists and {@link FollowUp#isOverdue(DeadlineKind, Instant)}
 * tells: the deadline is {@linkplain FollowUp#isPending(DeadlineKind) pending} (not paused; open for the first
 * contact, open or contacted for the resolution) and lies before {@code asOf}. Follow-ups whose customer was erased
 * are counted like the others: they keep their state, owner, policy and deadlines.
 *
 * <p>Maps are unmodifiable copies: {@link #byState()} has every state, zero included, in declaration order;
 * {@link #overdueByPolicy()} has every deadline kind; the maps by owner and by policy hold only keys whose count is
 * not zero, sorted by key. Counts are never negative.
 *
 * @param asOf the instant the counts are for, which decides what is overdue
 * @param byState the number of follow-ups in each state; every state is a key
 * @param openByOwner the number of open follow-ups by owner; owners with none are absent
 * @param openByPolicy the number of open follow-ups by {@linkplain FollowUp#policyId() policy id}; policies with none
 *     are absent
 * @param overdueByPolicy for each deadline kind (every kind is a key), the number of follow-ups overdue for it by
 *     policy id; policies with none are absent
 */
public record FollowUpCounts(Instant asOf, Map<FollowUpState, Long> byState, Map<String, Long> openByOwner,
                             Map<String, Long> openByPolicy, Map<DeadlineKind, Map<String, Long>> overdueByPolicy) {

    public FollowUpCounts {
        Objects.requireNonNull(asOf, "asOf");
        var states = new EnumMap<FollowUpState, Long>(FollowUpState.class);
        for (FollowUpState state : FollowUpState.values()) {
            states.put(state, 0L);
        }
        for (var entry : byState.entrySet()) {
            states.put(Objects.requireNonNull(entry.getKey(), "byState key"), count(entry.getValue(),
                    "byState[" + entry.getKey() + "]"));
        }
        byState = Collections.unmodifiableMap(states);
        openByOwner = sorted(openByOwner, "openByOwner");
        openByPolicy = sorted(openByPolicy, "openByPolicy");
        var overdue = new EnumMap<DeadlineKind, Map<String, Long>>(DeadlineKind.class);
        for (DeadlineKind kind : DeadlineKind.values()) {
            overdue.put(kind, Map.of());
        }
        for (var entry : overdueByPolicy.entrySet()) {
            DeadlineKind kind = Objects.requireNonNull(entry.getKey(), "overdueByPolicy key");
            overdue.put(kind, sorted(entry.getValue(), "overdueByPolicy[" + kind + "]"));
        }
        overdueByPolicy = Collections.unmodifiableMap(overdue);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts, String name) {
        var copy = new TreeMap<String, Long>();
        for (var entry : counts.entrySet()) {
            String key = Objects.requireNonNull(entry.getKey(), name + " key");
            long value = count(entry.getValue(), name + "[" + key + "]");
            if (value != 0) {
                copy.put(key, value);
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    private static long count(Long value, String name) {
        if (Objects.requireNonNull(value, name) < 0) {
            throw new IllegalArgumentException(name + ": " + value + " is negative");
        }
        return value;
    }

    /**
     * Counts follow-ups in memory, as a store without count queries does; the {@link Counter} takes them one at a
     * time.
     *
     * @param asOf the instant that decides what is overdue
     * @return a new, empty counter
     */
    public static Counter counter(Instant asOf) {
        return new Counter(Objects.requireNonNull(asOf, "asOf"));
    }

    /**
     * Returns the number of follow-ups in every state.
     *
     * @return the sum of {@link #byState()}
     */
    public long total() {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Returns the number of open follow-ups (not resolved, not closed).
     *
     * @return the number in {@code OPEN} and {@code CONTACTED}
     */
    public long open() {
        long open = 0;
        for (var entry : byState.entrySet()) {
            if (!entry.getKey().isDone()) {
                open += entry.getValue();
            }
        }
        return open;
    }

    /**
     * Returns the number of follow-ups overdue for one deadline, over every policy.
     *
     * @param kind the deadline kind
     * @return the sum of {@code overdueByPolicy().get(kind)}
     */
    public long overdue(DeadlineKind kind) {
        return Objects.requireNonNull(overdueByPolicy.get(Objects.requireNonNull(kind, "kind")), "kind")
                .values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Counts follow-ups one at a time into {@link FollowUpCounts}; for stores that count in memory. Mutable, not
     * thread-safe.
     */
    public static final class Counter {

        private final Instant asOf;
        private final EnumMap<FollowUpState, Long> byState = new EnumMap<>(FollowUpState.class);
        private final TreeMap<String, Long> openByOwner = new TreeMap<>();
        private final TreeMap<String, Long> openByPolicy = new TreeMap<>();
        private final EnumMap<DeadlineKind, Map<String, Long>> overdueByPolicy = new EnumMap<>(DeadlineKind.class);

        private Counter(Instant asOf) {
            this.asOf = asOf;
            for (DeadlineKind kind : DeadlineKind.values()) {
                overdueByPolicy.put(kind, new TreeMap<>());
            }
        }

        /**
         * Counts one follow-up.
         *
         * @param followUp the follow-up
         * @return this counter
         */
        public Counter add(FollowUp followUp) {
            byState.merge(followUp.state(), 1L, Long::sum);
            if (!followUp.state().isDone()) {
                openByOwner.merge(followUp.owner(), 1L, Long::sum);
                openByPolicy.merge(followUp.policyId(), 1L, Long::sum);
            }
            for (var entry : overdueByPolicy.entrySet()) {
                if (followUp.isOverdue(entry.getKey(), asOf)) {
                    entry.getValue().merge(followUp.policyId(), 1L, Long::sum);
                }
            }
            return this;
        }

        /**
         * Returns the counts of every follow-up added so far.
         *
         * @return the counts
         */
        public FollowUpCounts counts() {
            return new FollowUpCounts(asOf, byState, openByOwner, openByPolicy, overdueByPolicy);
        }
    }
}
