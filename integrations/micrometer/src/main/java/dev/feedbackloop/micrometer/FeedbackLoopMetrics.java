package dev.feedbackloop.micrometer;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The meters of a feedback loop, bound to any Micrometer registry: counters and timers from the loop's events (with
 * {@link Builder#events(FeedbackEventMeters)}) and gauges of its follow-ups, read from the store at most once per
 * {@linkplain Builder#cacheFor(Duration) interval}. Thread-safe; bind it to as many registries as the host has.
 *
 * <pre>{@code
 * FeedbackEventMeters events = FeedbackEventMeters.create();
 * FeedbackLoop loop = FeedbackLoop.builder().listener(events).intakeObserver(events) ... .build();
 * FeedbackLoopMetrics.builder(loop).events(events).cacheFor(Duration.ofSeconds(30)).build().bindTo(registry);
 * }</pre>
 *
 * <p>Counters and timers (with {@link Builder#events}; they count from the moment of binding):
 * <ul>
 *     <li>{@code feedbackloop.responses} (base unit {@code responses}), tags {@code survey}, {@code outcome}
 *     ({@code accepted} or {@code rejected}) and {@code reason} ({@code none} when accepted, else the
 *     {@link dev.feedbackloop.core.Rejection#reason() rejection's reason}, for example {@code answer.out-of-scale}).
 *     A refused response to a survey id that is not registered is tagged {@code survey=unregistered}.</li>
 *     <li>{@code feedbackloop.followups.opened}, {@code .contacted} (first contact), {@code .resolved},
 *     {@code .closed}, tag {@code policy}; {@code feedbackloop.followups.escalated}, tags {@code policy} and
 *     {@code deadline} ({@code first-contact} or {@code resolution}).</li>
 *     <li>Timers {@code feedbackloop.followups.time.to.first.contact} and {@code .time.to.resolution}, tag
 *     {@code policy}: wall-clock time from opening, as the agent recorded the step.</li>
 * </ul>
 *
 * <p>Gauges, tag {@code policy}, for every policy of the loop and every policy the store holds follow-ups of at
 * binding, and for any other policy id from the refresh that first sees it (one of another process sharing the
 * store, say):
 * <ul>
 *     <li>{@code feedbackloop.followups.open}: follow-ups not yet resolved or closed; and
 *     {@code feedbackloop.followups.overdue}, tags {@code policy} and {@code deadline}: open follow-ups whose
 *     first-contact or resolution deadline has passed, not paused. Both over every stored follow-up, as
 *     {@link dev.feedbackloop.core.followup.FollowUpCounts} counts them.</li>
 *     <li>{@code feedbackloop.followups.needed}, {@code .on.time} and {@code .coverage}: over the follow-ups opened
 *     within the {@linkplain Builder#coverageWindow(Duration) coverage window} before now, how many needed an answer,
 *     how many were contacted by their first-contact deadline, and the share of the first that the second is, from 0
 *     to 1 ("did we respond?"); the coverage is NaN when nothing was needed. Only the follow-ups of the window are
 *     read (with the JDBC store, a range on an index of the opening time). Sum {@code needed} and {@code on.time}
 *     across policies or instances for an overall coverage.</li>
 * </ul>
 * A refresh that fails makes the gauges NaN until the next interval.
 *
 * <p>Tags are bounded: survey ids, policy ids, reasons and deadline kinds, never a customer, response or follow-up id.
 * Names are dot-separated; a registry renders them in its own convention (Prometheus:
 * {@code feedbackloop_followups_time_to_first_contact_seconds}).
 */
public final class FeedbackLoopMetrics implements MeterBinder {

    private final Tags tags;
    private final @Nullable FeedbackEventMeters events;
    private final FollowUpSnapshots snapshots;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    /** The policies whose gauges are registered in every registry; guarded by {@code this}. */
    private final Set<String> policies = new LinkedHashSet<>();

    private FeedbackLoopMetrics(Builder builder) {
        this.tags = builder.tags;
        this.events = builder.events;
        this.snapshots = new FollowUpSnapshots(builder.loop, builder.window, builder.interval, builder.clock,
                this::policiesSeen);
        for (FollowUpPolicy policy : builder.loop.followUpPolicies()) {
            policies.add(policy.id());
        }
        if (events != null) {
            events.attach(builder.loop, tags);
        }
    }

    /**
     * Starts building the meters of a loop.
     *
     * @param loop the loop
     * @return a builder
     */
    public static Builder builder(FeedbackLoop loop) {
        return new Builder(Objects.requireNonNull(loop, "loop"));
    }

    /**
     * Registers the gauges, and the counters of the loop's policies at zero, in a registry, and starts recording the
     * events into it; binding the same registry again does nothing. Reads the follow-up figures unless they were
     * read within the interval, and registers the gauges of every policy found in the store.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        synchronized (this) {
            if (registries.contains(registry)) {
                return;
            }
            registries.add(registry);
            for (String policy : policies) {
                register(registry, policy);
            }
            if (events != null) {
                events.bindTo(registry);
            }
        }
        // the first reading (once per interval, like every other) finds the policies of the stored follow-ups
        snapshots.get();
    }

    /** Registers the gauges of policies seen for the first time in a snapshot, in every registry. */
    private synchronized void policiesSeen(Set<String> seen) {
        for (String policy : seen) {
            if (policies.add(policy)) {
                for (MeterRegistry registry : registries) {
                    register(registry, policy);
                }
            }
        }
    }

    private void register(MeterRegistry registry, String policy) {
        Tags policyTags = tags.and(MeterNames.POLICY, policy);
        gauge(registry, MeterNames.OPEN, policyTags, snapshot -> snapshot.open(policy));
        for (DeadlineKind kind : DeadlineKind.values()) {
            gauge(registry, MeterNames.OVERDUE, policyTags.and(MeterNames.DEADLINE, MeterNames.deadline(kind)),
                    snapshot -> snapshot.overdue(policy, kind));
        }
        gauge(registry, MeterNames.NEEDED, policyTags, snapshot -> snapshot.needed(policy));
        gauge(registry, MeterNames.ON_TIME, policyTags, snapshot -> snapshot.onTime(policy));
        gauge(registry, MeterNames.COVERAGE, policyTags, snapshot -> snapshot.coverage(policy));
        if (events != null) {
            for (String counter : List.of(MeterNames.OPENED, MeterNames.CONTACTED, MeterNames.RESOLVED,
                    MeterNames.CLOSED)) {
                MeterNames.counter(registry, counter, policyTags);
            }
            for (DeadlineKind kind : DeadlineKind.values()) {
                MeterNames.counter(registry, MeterNames.ESCALATED,
                        policyTags.and(MeterNames.DEADLINE, MeterNames.deadline(kind)));
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, Tags gaugeTags,
                       ToDoubleFunction<FollowUpSnapshots.Snapshot> value) {
        // the registry holds the snapshots strongly: the gauges live as long as the registry, as the loop does
        Gauge.builder(name, snapshots, s -> value.applyAsDouble(s.get())).description(MeterNames.description(name))
                .tags(gaugeTags).strongReference(true).register(registry);
    }

    /** Builds {@link FeedbackLoopMetrics}; each setter validates at once; not thread-safe. */
    public static final class Builder {

        private final FeedbackLoop loop;
        private Duration interval = Duration.ofMinutes(1);
        private Duration window = Duration.ofDays(30);
        private Tags tags = Tags.empty();
        private Clock clock = Clock.SYSTEM;
        private @Nullable FeedbackEventMeters events;

        private Builder(FeedbackLoop loop) {
            this.loop = loop;
        }

        /**
         * Sets how long the gauges' figures are kept before the store is asked again; default one minute. However
         * often the registry is scraped, and however many gauges and registries there are, the store is read at most
         * once per interval.
         *
         * @param value the interval; positive
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder cacheFor(Duration value) {
            this.interval = positive(value, "cacheFor");
            return this;
        }

        /**
         * Sets the window of the coverage gauges: the follow-ups opened within this long before now; default 30
         * days.
         *
         * @param value the window; positive
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder coverageWindow(Duration value) {
            this.window = positive(value, "coverageWindow");
            return this;
        }

        /**
         * Adds the counters and timers recorded by event meters that the loop was built with (as its listener and
         * intake observer); default none, and then only the gauges are bound.
         *
         * @param value the event meters given to the loop's builder
         * @return this builder
         */
        public Builder events(FeedbackEventMeters value) {
            this.events = Objects.requireNonNull(value, "events");
            return this;
        }

        /**
         * Adds tags to every meter, for example the name of the loop when a host runs several.
         *
         * @param value the tags
         * @return this builder
         */
        public Builder tags(Iterable<Tag> value) {
            this.tags = this.tags.and(Objects.requireNonNull(value, "tags"));
            return this;
        }

        /**
         * Sets the clock whose monotonic time measures the cache interval; default {@link Clock#SYSTEM}. The figures
         * themselves are taken as of the loop's now.
         *
         * @param value the clock, for example the registry's
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the meters; they record nothing until {@linkplain FeedbackLoopMetrics#bindTo(MeterRegistry) bound}.
         *
         * @return the meters
         * @throws IllegalStateException if the event meters already belong to another loop
         */
        public FeedbackLoopMetrics build() {
            return new FeedbackLoopMetrics(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + ": " + value + " is not positive");
            }
            return value;
        }
    }
}
