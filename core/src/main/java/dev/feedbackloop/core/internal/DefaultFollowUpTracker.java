package dev.feedbackloop.core.internal;

import dev.feedbackloop.InvalidInputException;
import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.Closure;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.DidWeRespond;
import dev.feedbackloop.core.followup.Escalation;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.FollowUpCursor;
import dev.feedbackloop.core.followup.FollowUpPage;
import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.FollowUpTracker;
import dev.feedbackloop.core.followup.FollowUpTracker.Recovery;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.store.FollowUpChange;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Not API. The {@link FollowUpTracker} of a feedback loop over its {@link LoopContext}: lookups and the lifecycle
 * steps here; escalation in {@link EscalationPager}, metrics and recovery in {@link FollowUpReports}. Thread-safe: it
 * holds no mutable state.
 *
 * <p>Design note: every step reads the follow-up, checks the caller's version, applies the transition of the
 * {@link FollowUp} value and hands the result, its touches and events to the store as one {@link FollowUpChange};
 * the store checks the version again atomically, so a concurrent step fails with a version conflict.
 */
public final class DefaultFollowUpTracker implements FollowUpTracker {

    private final LoopContext loop;
    private final EscalationPager escalation;
    private final FollowUpReports reports;

    /**
     * Creates the tracker of a loop.
     *
     * @param loop what the tracker needs of its loop
     */
    public DefaultFollowUpTracker(LoopContext loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.escalation = new EscalationPager(loop);
        this.reports = new FollowUpReports(loop);
    }

    // ---- lookups and queries --------------------------------------------------------------------------------

    @Override
    public FollowUp followUp(String followUpId) {
        return findFollowUp(followUpId).orElseThrow(() -> new NotFoundException("follow-up", followUpId));
    }

    @Override
    public Optional<FollowUp> findFollowUp(String followUpId) {
        return loop.store().findFollowUp(Objects.requireNonNull(followUpId, "followUpId"));
    }

    @Override
    public List<FollowUp> ofResponse(String responseId) {
        return loop.store().followUpsOfResponse(Objects.requireNonNull(responseId, "responseId"));
    }

    @Override
    public List<FollowUp> find(FollowUpQuery query) {
        return loop.store().followUps(query);
    }

    @Override
    public FollowUpPage page(FollowUpQuery query, @Nullable FollowUpCursor after) {
        Objects.requireNonNull(query, "query");
        int size = query.limit();
        // one more than the page, to know whether a next page follows without an empty last page
        FollowUpQuery probe = query.withLimit(plusOne(size));
        List<FollowUp> rows = after == null ? loop.store().followUps(probe)
                : loop.store().followUpsAfter(probe, after.requireOrderedBy(DeadlineKind.FIRST_CONTACT));
        return FollowUpPage.of(rows, size, DeadlineKind.FIRST_CONTACT);
    }

    @Override
    public List<FollowUp> overdue(DeadlineKind kind, Instant asOf) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asOf, "asOf");
        return loop.store().pendingDue(kind, null, asOf, Integer.MAX_VALUE);
    }

    @Override
    public FollowUpPage overduePage(DeadlineKind kind, Instant asOf, int size, @Nullable FollowUpCursor after) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asOf, "asOf");
        return pendingPage(kind, null, asOf, size, after);
    }

    @Override
    public List<FollowUp> dueWithin(Duration window, Instant asOf) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(asOf, "asOf");
        return loop.store().pendingDue(DeadlineKind.FIRST_CONTACT, asOf, asOf.plus(window), Integer.MAX_VALUE);
    }

    @Override
    public FollowUpPage dueWithinPage(Duration window, Instant asOf, int size, @Nullable FollowUpCursor after) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(asOf, "asOf");
        return pendingPage(DeadlineKind.FIRST_CONTACT, asOf, asOf.plus(window), size, after);
    }

    private FollowUpPage pendingPage(DeadlineKind kind, @Nullable Instant from, Instant to, int size,
                                     @Nullable FollowUpCursor after) {
        if (size < 1) {
            throw new IllegalArgumentException("size: " + size + " is not positive");
        }
        List<FollowUp> rows = after == null ? loop.store().pendingDue(kind, from, to, plusOne(size))
                : loop.store().pendingDueAfter(kind, from, after.requireOrderedBy(kind), to, plusOne(size));
        return FollowUpPage.of(rows, size, kind);
    }

    private static int plusOne(int size) {
        return size == Integer.MAX_VALUE ? size : size + 1;
    }

    @Override
    public FollowUpCounts counts(Instant asOf) {
        return loop.store().followUpCounts(Objects.requireNonNull(asOf, "asOf"));
    }

    @Override
    public DidWeRespond didWeRespond(String responseId, Instant asOf) {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(asOf, "asOf");
        if (loop.store().findResponse(responseId).isEmpty()) {
            throw new NotFoundException("response", responseId);
        }
        return DidWeRespond.of(responseId, ofResponse(responseId), asOf);
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    public FollowUp contact(String followUpId, long expectedVersion, Contact contact) {
        Objects.requireNonNull(contact, "contact");
        Contact step = Contact.of(contact.channel(), contact.by(), micros(contact.at()), contact.note());
        return step(followUpId, expectedVersion, current -> {
            requireBetween(step.at(), current.openedAt(), "contact.at", "the opening");
            return current.contact(step);
        }, updated -> List.of(new FeedbackEvent.FollowUpContacted(updated.id(), step.by(), step.channel(),
                updated.customerId(), step.at())), updated -> updated.customerId() == null ? List.of()
                : List.of(Touch.contact(updated.customerId(), TouchKind.FOLLOW_UP_CONTACT, step.at(), step.by(),
                        null)));
    }

    @Override
    public FollowUp resolve(String followUpId, long expectedVersion, Resolution resolution) {
        Objects.requireNonNull(resolution, "resolution");
        requireIn(loop.resolutionCodes(), resolution.code(), "resolution.code");
        requireIn(loop.rootCauses(), resolution.rootCause(), "resolution.rootCause");
        Resolution step = Resolution.of(resolution.code(), resolution.rootCause(), resolution.by(),
                micros(resolution.at()), resolution.note());
        return step(followUpId, expectedVersion, current -> {
            Contact contact = current.firstContact();
            requireBetween(step.at(), contact == null ? current.openedAt() : contact.at(), "resolution.at",
                    "the first contact");
            return current.resolve(step);
        }, updated -> List.of(new FeedbackEvent.FollowUpResolved(updated.id(), step.by(), step.code(),
                updated.customerId(), step.at())), updated -> List.of());
    }

    @Override
    public FollowUp close(String followUpId, long expectedVersion, Closure closure) {
        Objects.requireNonNull(closure, "closure");
        Closure step = Closure.of(closure.reason(), closure.by(), micros(closure.at()), closure.note());
        return step(followUpId, expectedVersion, current -> {
            Contact contact = current.firstContact();
            requireBetween(step.at(), contact == null ? current.openedAt() : contact.at(), "closure.at",
                    contact == null ? "the opening" : "the first contact");
            return current.close(step);
        }, updated -> List.of(new FeedbackEvent.FollowUpClosed(updated.id(), step.by(), step.reason(),
                updated.customerId(), step.at())), updated -> List.of());
    }

    /** Refuses a time that an agent entered unless it lies between an earlier step and the loop's now. */
    private void requireBetween(Instant at, Instant earliest, String field, String earlier) {
        Instant now = loop.now();
        if (at.isAfter(now) || at.isBefore(earliest)) {
            throw new InvalidInputException(field, at + " is outside " + earliest + ".." + now + "; expected a time"
                    + " between " + earlier + " and now");
        }
    }

    /** An entered time at the loop's precision, so that a time taken from the host's clock is never "later". */
    private static Instant micros(Instant at) {
        return Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public FollowUp reopen(String followUpId, long expectedVersion, String by, @Nullable String note) {
        Instant now = loop.now();
        BusinessCalendar calendar = loop.calendar();
        return step(followUpId, expectedVersion, current -> {
            Optional<FollowUpPolicy> policy = loop.policy(current.policyId());
            Duration contactWithin = policy.map(FollowUpPolicy::firstContactWithin)
                    .orElse(calendar.between(current.openedAt(), current.firstContactDue()));
            Duration resolveWithin = policy.isPresent() ? policy.get().resolveWithin()
                    : current.resolutionDue() == null ? null
                    : calendar.between(current.openedAt(), current.resolutionDue());
            return current.reopen(by, now, note, calendar.plus(now, contactWithin),
                    resolveWithin == null ? null : calendar.plus(now, resolveWithin));
        }, updated -> List.of(), updated -> List.of());
    }

    @Override
    public FollowUp pause(String followUpId, long expectedVersion, String by, @Nullable String note) {
        Instant now = loop.now();
        return step(followUpId, expectedVersion, current -> current.pause(by, now, note), updated -> List.of(),
                updated -> List.of());
    }

    @Override
    public FollowUp resume(String followUpId, long expectedVersion, String by) {
        Instant now = loop.now();
        BusinessCalendar calendar = loop.calendar();
        return step(followUpId, expectedVersion, current -> {
            Instant pausedAt = current.pausedAt();
            if (pausedAt == null) {
                return current.resume(by, now, current.firstContactDue(), current.resolutionDue());
            }
            Instant contactDue = shifted(calendar, current.firstContactDue(), pausedAt, now);
            Instant resolutionDue = current.resolutionDue() == null ? null
                    : shifted(calendar, current.resolutionDue(), pausedAt, now);
            return current.resume(by, now, contactDue, resolutionDue);
        }, updated -> List.of(), updated -> List.of());
    }

    private static Instant shifted(BusinessCalendar calendar, Instant due, Instant pausedAt, Instant now) {
        if (!due.isAfter(pausedAt)) {
            return due;
        }
        return calendar.plus(now, calendar.between(pausedAt, due));
    }

    // ---- escalation and reports ------------------------------------------------------------------------------

    @Override
    public List<Escalation> escalateOverdue(Instant asOf) {
        return escalation.escalateOverdue(Objects.requireNonNull(asOf, "asOf"));
    }

    @Override
    public FollowUpMetrics metrics(Instant from, Instant to, Instant asOf) {
        return reports.metrics(from, to, asOf);
    }

    @Override
    public Map<String, FollowUpMetrics> metricsBy(Function<FollowUp, String> groupBy, Instant from, Instant to,
                                                  Instant asOf) {
        return reports.metricsBy(groupBy, from, to, asOf);
    }

    @Override
    public List<Recovery> recovery(String surveyId, String questionId) {
        return reports.recovery(surveyId, questionId);
    }

    // ---- the step template ----------------------------------------------------------------------------------

    private FollowUp step(String followUpId, long expectedVersion, UnaryOperator<FollowUp> transition,
                          Function<FollowUp, List<FeedbackEvent>> events, Function<FollowUp, List<Touch>> touches) {
        Objects.requireNonNull(followUpId, "followUpId");
        FollowUp current = followUp(followUpId);
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(followUpId, expectedVersion, current.version());
        }
        FollowUp updated = transition.apply(current);
        FollowUp stored = loop.store().update(new FollowUpChange(updated, touches.apply(updated),
                events.apply(updated)));
        loop.afterWrite().run();
        return stored;
    }

    private static void requireIn(Set<String> allowed, String value, String name) {
        Objects.requireNonNull(value, name);
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw new InvalidInputException(name, "'" + value + "' is not one of " + new TreeSet<>(allowed));
        }
    }
}
