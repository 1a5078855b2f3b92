package dev.feedbackloop.micrometer;

import dev.feedbackloop.core.FeedbackListener;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.IntakeObserver;
import dev.feedbackloop.core.Rejection;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpClosed;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpContacted;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpEscalated;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpOpened;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpResolved;
import dev.feedbackloop.core.event.FeedbackEvent.ResponseAccepted;
import dev.feedbackloop.core.followup.FollowUp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters and timers of a feedback loop, recorded from its events: a {@link FeedbackListener} and an
 * {@link IntakeObserver} to give to the loop's builder before {@code build()}, then to
 * {@link FeedbackLoopMetrics.Builder#events(FeedbackEventMeters)}, which binds them to meter registries. Thread-safe.
 *
 * <pre>{@code
 * FeedbackEventMeters events = FeedbackEventMeters.create();
 * FeedbackLoop loop = FeedbackLoop.builder().listener(events).intakeObserver(events) ... .build();
 * FeedbackLoopMetrics.builder(loop).events(events).build().bindTo(registry);
 * }</pre>
 *
 * <p>It records into every registry the {@link FeedbackLoopMetrics} it belongs to is bound to, from the moment of
 * binding: events before then are not counted. See {@link FeedbackLoopMetrics} for the meters.
 *
 * <p>Duplicates: events are delivered at least once, so the same event may come again, after a failed
 * acknowledgement (in this process) or a crash (in the next). Every event carries its identity (the response or
 * follow-up id, and for the steps that may repeat after a reopening, their time), and the last
 * {@value #RECENT_EVENTS} identities are remembered: an event seen again among them is not counted again. A crash
 * loses that memory with the counters themselves, so an event redelivered by the next process counts once there; a
 * monitoring system sees a counter restart from zero, and at most the events of the crash window count in both
 * lives. Refusals are told once, synchronously, and are never duplicates.
 *
 * <p>The policy of a follow-up step comes from its follow-up's id ({@link FollowUp#idFor(String, String)}); the timers
 * read the follow-up once, through the loop, for its opening time: a first contact and a resolution (which people
 * record, one at a time) each cost one lookup by primary key, on the thread that delivers the event. A lookup that
 * fails is logged at DEBUG and its time is not recorded; the step is still counted.
 */
public final class FeedbackEventMeters implements FeedbackListener, IntakeObserver {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackEventMeters.class);

    /** How many event identities are remembered to drop duplicates. */
    static final int RECENT_EVENTS = 10_000;

    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> recent = new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_EVENTS;
        }
    };
    private volatile @Nullable Attachment attachment;

    /** The loop whose follow-ups are read, and the tags of every meter; immutable. */
    private record Attachment(FeedbackLoop loop, Tags tags) {
    }

    private FeedbackEventMeters() {
    }

    /**
     * Creates the meters of one loop, recording nothing until bound through a {@link FeedbackLoopMetrics}.
     *
     * @return new event meters
     */
    public static FeedbackEventMeters create() {
        return new FeedbackEventMeters();
    }

    /**
     * Attaches these meters to the loop they listen to, with the tags of every meter.
     *
     * @throws IllegalStateException if they are attached to another loop
     */
    synchronized void attach(FeedbackLoop loop, Tags tags) {
        Attachment current = attachment;
        if (current != null && current.loop() != loop) {
            throw new IllegalStateException("events: these event meters already belong to another loop; expected one"
                    + " FeedbackEventMeters per loop");
        }
        attachment = new Attachment(loop, tags);
    }

    /** Starts recording into a registry too. */
    void bindTo(MeterRegistry registry) {
        if (!registries.contains(registry)) {
            registries.add(registry);
        }
    }

    @Override
    public void onResponseAccepted(ResponseAccepted event) {
        if (firstTime("accepted " + event.responseId())) {
            count(MeterNames.RESPONSES, Tags.of(MeterNames.SURVEY, event.surveyId(),
                            MeterNames.OUTCOME, MeterNames.ACCEPTED, MeterNames.REASON, MeterNames.NONE));
        }
    }

    @Override
    public void onRejected(Rejection rejection) {
        Attachment current = attachment;
        if (current == null || registries.isEmpty()) {
            return;
        }
        // a refused response may name any survey id: only registered ones become tag values
        String survey = current.loop().surveyVersions(rejection.surveyId()).isEmpty() ? MeterNames.UNREGISTERED
                : rejection.surveyId();
        count(MeterNames.RESPONSES, Tags.of(MeterNames.SURVEY, survey, MeterNames.OUTCOME, MeterNames.REJECTED,
                        MeterNames.REASON, rejection.reason()));
    }

    @Override
    public void onFollowUpOpened(FollowUpOpened event) {
        if (firstTime("opened " + event.followUpId())) {
            count(MeterNames.OPENED, Tags.of(MeterNames.POLICY, event.policyId()));
        }
    }

    @Override
    public void onFollowUpContacted(FollowUpContacted event) {
        if (firstTime("contacted " + event.followUpId() + " " + event.at())) {
            Tags policy = Tags.of(MeterNames.POLICY, policyOf(event.followUpId()));
            count(MeterNames.CONTACTED, policy);
            time(MeterNames.TIME_TO_FIRST_CONTACT, policy, event.followUpId(), event.at());
        }
    }

    @Override
    public void onFollowUpResolved(FollowUpResolved event) {
        if (firstTime("resolved " + event.followUpId() + " " + event.at())) {
            Tags policy = Tags.of(MeterNames.POLICY, policyOf(event.followUpId()));
            count(MeterNames.RESOLVED, policy);
            time(MeterNames.TIME_TO_RESOLUTION, policy, event.followUpId(), event.at());
        }
    }

    @Override
    public void onFollowUpClosed(FollowUpClosed event) {
        if (firstTime("closed " + event.followUpId() + " " + event.at())) {
            count(MeterNames.CLOSED, Tags.of(MeterNames.POLICY, policyOf(event.followUpId())));
        }
    }

    @Override
    public void onFollowUpEscalated(FollowUpEscalated event) {
        if (firstTime("escalated " + event.followUpId() + " " + event.deadline() + " " + event.due() + " "
                + event.step())) {
            count(MeterNames.ESCALATED, Tags.of(MeterNames.POLICY, policyOf(event.followUpId()),
                            MeterNames.DEADLINE, MeterNames.deadline(event.deadline())));
        }
    }

    /**
     * Remembers an event's identity; false if it was seen among the recent ones, or if nothing records (then
     * nothing is remembered either).
     */
    private boolean firstTime(String identity) {
        if (attachment == null || registries.isEmpty()) {
            return false;
        }
        synchronized (recent) {
            return recent.put(identity, Boolean.TRUE) == null;
        }
    }

    private void count(String name, Tags tags) {
        Attachment current = attachment;
        if (current == null) {
            return;
        }
        for (MeterRegistry registry : registries) {
            MeterNames.counter(registry, name, current.tags().and(tags)).increment();
        }
    }

    private void time(String name, Tags tags, String followUpId, Instant at) {
        Attachment current = attachment;
        if (current == null) {
            return;
        }
        Optional<Instant> openedAt = lookUp(current.loop(), followUpId, FollowUp::openedAt);
        if (openedAt.isEmpty() || at.isBefore(openedAt.get())) {
            return;
        }
        Duration took = Duration.between(openedAt.get(), at);
        for (MeterRegistry registry : registries) {
            MeterNames.timer(registry, name, current.tags().and(tags)).record(took);
        }
    }

    private static <T> Optional<T> lookUp(FeedbackLoop loop, String followUpId, Function<FollowUp, T> part) {
        try {
            return loop.followUps().findFollowUp(followUpId).map(part);
        } catch (RuntimeException e) {
            LOG.debug("could not read follow-up {} to time it; its time is not recorded", followUpId, e);
            return Optional.empty();
        }
    }

    /** The policy of a follow-up, from its id: {@code responseId/policyId}, and policy ids hold no slash. */
    static String policyOf(String followUpId) {
        int slash = Objects.requireNonNull(followUpId, "followUpId").lastIndexOf('/');
        return slash < 0 || slash == followUpId.length() - 1 ? MeterNames.UNKNOWN : followUpId.substring(slash + 1);
    }
}
