package dev.feedbackloop.core;

import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.DidWeRespond;
import dev.feedbackloop.core.followup.Escalation;
import dev.feedbackloop.core.followup.EscalationStep;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpMetrics;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.IllegalTransitionException;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.store.FollowUpChange;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.survey.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follow-up tracker of a {@link FeedbackLoop}: lifecycle steps with optimistic versions, queries, the overdue
 * index, escalation and "did we respond" metrics. Obtained from {@link FeedbackLoop#followUps()}; thread-safe.
 *
 * <p>Every step takes the version the caller last saw; if someone changed the follow-up since, the step fails
 * with {@link VersionConflictException} and nothing is written. Steps the state does not allow fail with
 * {@link IllegalTransitionException}. Each step is appended to the follow-up's history with actor and time.
 */
public final class FollowUpTracker {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpTracker.class);
    static final int ESCALATION_BATCH = 500;

    private final FeedbackLoop loop;

    FollowUpTracker(FeedbackLoop loop) {
        this.loop = loop;
    }

    // ---- lookups and queries --------------------------------------------------------------------------------

    /**
     * Returns a follow-up.
     *
     * @param followUpId the id
     * @return the follow-up
     * @throws NotFoundException if there is none
     */
    public FollowUp followUp(String followUpId) {
        return findFollowUp(followUpId).orElseThrow(() -> new NotFoundException("follow-up", followUpId));
    }

    /**
     * Looks up a follow-up.
     *
     * @param followUpId the id
     * @return the follow-up, or empty
     */
    public Optional<FollowUp> findFollowUp(String followUpId) {
        return loop.store().findFollowUp(Objects.requireNonNull(followUpId, "followUpId"));
    }

    /**
     * Returns the follow-ups a response opened, ordered by id.
     *
     * @param responseId the response id
     * @return the follow-ups
     */
    public List<FollowUp> ofResponse(String responseId) {
        return loop.store().followUpsOfResponse(Objects.requireNonNull(responseId, "responseId"));
    }

    /**
     * Returns the follow-ups matching a query (state, owner, priority, customer, survey, segment), ordered by
     * first-contact deadline.
     *
     * @param query the query
     * @return the follow-ups
     */
    public List<FollowUp> find(FollowUpQuery query) {
        return loop.store().followUps(query);
    }

    /**
     * Returns the follow-ups overdue for first contact now: open, not paused, deadline passed; most overdue
     * first, from the deadline index.
     *
     * @return the follow-ups, at most {@link FollowUpQuery#DEFAULT_LIMIT}
     */
    public List<FollowUp> overdue() {
        return overdue(DeadlineKind.FIRST_CONTACT, loop.now());
    }

    /**
     * Returns the follow-ups overdue for one deadline at an instant, most overdue first.
     *
     * @param kind which deadline
     * @param now the instant
     * @return the follow-ups, at most {@link FollowUpQuery#DEFAULT_LIMIT}
     */
    public List<FollowUp> overdue(DeadlineKind kind, Instant now) {
        return loop.store().pendingDue(kind, null, now, FollowUpQuery.DEFAULT_LIMIT);
    }

    /**
     * Returns the follow-ups whose first-contact deadline falls within a window from now, soonest first.
     *
     * @param window how far ahead to look
     * @return the follow-ups, at most {@link FollowUpQuery#DEFAULT_LIMIT}
     */
    public List<FollowUp> dueWithin(Duration window) {
        Instant now = loop.now();
        return loop.store().pendingDue(DeadlineKind.FIRST_CONTACT, now, now.plus(window),
                FollowUpQuery.DEFAULT_LIMIT);
    }

    /**
     * Answers "did we respond to this response?".
     *
     * @param responseId the response id
     * @return the answer
     * @throws NotFoundException if no such response is stored
     */
    public DidWeRespond didWeRespond(String responseId) {
        Objects.requireNonNull(responseId, "responseId");
        if (loop.store().findResponse(responseId).isEmpty()) {
            throw new NotFoundException("response", responseId);
        }
        return DidWeRespond.of(responseId, ofResponse(responseId), loop.now());
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    /**
     * Records the first human contact now: {@code OPEN → CONTACTED}; also records a {@code FOLLOW_UP_CONTACT}
     * touch for the customer.
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller last saw
     * @param channel how the customer was reached
     * @param by who made the contact
     * @param note what was said, or {@code null}
     * @return the updated follow-up
     * @throws NotFoundException if there is no such follow-up
     * @throws VersionConflictException if the follow-up changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is open
     */
    public FollowUp contact(String followUpId, long expectedVersion, String channel, String by,
                            @Nullable String note) {
        Instant now = loop.now();
        return contact(followUpId, expectedVersion, Contact.of(channel, by, now, note));
    }

    /**
     * Records the first human contact as given, for contacts logged after the fact.
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller last saw
     * @param contact the contact; not in the future, not before the follow-up opened
     * @return the updated follow-up
     * @throws NotFoundException if there is no such follow-up
     * @throws VersionConflictException if the follow-up changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is open
     * @throws IllegalArgumentException if the contact time is in the future or before the opening
     */
    public FollowUp contact(String followUpId, long expectedVersion, Contact contact) {
        Objects.requireNonNull(contact, "contact");
        return step(followUpId, expectedVersion, current -> {
            if (contact.at().isAfter(loop.now()) || contact.at().isBefore(current.openedAt())) {
                throw new IllegalArgumentException("contact.at: " + contact.at() + " is outside "
                        + current.openedAt() + ".." + loop.now());
            }
            return current.contact(contact);
        }, updated -> List.of(new FeedbackEvent.FollowUpContacted(updated.id(), contact.by(), contact.channel(),
                updated.customerId(), contact.at())), updated -> updated.customerId() == null ? List.of()
                : List.of(Touch.contact(updated.customerId(), TouchKind.FOLLOW_UP_CONTACT, contact.at(),
                        contact.by(), null)));
    }

    /**
     * Resolves a contacted follow-up now: {@code CONTACTED → RESOLVED}.
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller last saw
     * @param code the resolution code, from the loop's taxonomy if one is set
     * @param rootCause the root cause, from the loop's taxonomy if one is set
     * @param by who resolved it
     * @param note the outcome in words, or {@code null}
     * @return the updated follow-up
     * @throws NotFoundException if there is no such follow-up
     * @throws VersionConflictException if the follow-up changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is contacted
     * @throws IllegalArgumentException if the code or root cause is not in the taxonomy
     */
    public FollowUp resolve(String followUpId, long expectedVersion, String code, String rootCause, String by,
                            @Nullable String note) {
        requireIn(loop.resolutionCodes(), code, "code");
        requireIn(loop.rootCauses(), rootCause, "rootCause");
        Instant now = loop.now();
        Resolution resolution = Resolution.of(code, rootCause, by, now, note);
        return step(followUpId, expectedVersion, current -> current.resolve(resolution),
                updated -> List.of(new FeedbackEvent.FollowUpResolved(updated.id(), by, true, code,
                        updated.customerId(), now)), updated -> List.of());
    }

    /**
     * Closes an open or contacted follow-up without resolution now, for example when no contact is possible.
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller last saw
     * @param reason why, for example {@code "no-contact-possible"}
     * @param by who closes it
     * @param note a note, or {@code null}
     * @return the updated follow-up
     * @throws NotFoundException if there is no such follow-up
     * @throws VersionConflictException if the follow-up changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is open or contacted
     */
    public FollowUp close(String followUpId, long expectedVersion, String reason, String by, @Nullable String note) {
        Instant now = loop.now();
        return step(followUpId, expectedVersion, current -> current.close(reason, by, now, note),
                updated -> List.of(new FeedbackEvent.FollowUpResolved(updated.id(), by, false, reason,
                        updated.customerId(), now)), updated -> List.of());
    }

    /**
     * Reopens a resolved or closed follow-up now, with fresh deadlines from its policy (first contact only if it
     * was never contacted).
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller last saw
     * @param by who reopens it
     * @param note why, or {@code null}
     * @return the updated follow-up
     * @throws NotFoundException if there is no such follow-up
     * @throws VersionConflictException if the follow-up changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is resolved or closed
     */
    public FollowUp reopen(String followUpId, long expectedVersion, String by, @Nullable String note) {
        Instant now = loop.now();
        BusinessCalendar calendar = loop.calendar();
        return step(followUpId, expectedVersion, current -> {
            Optional<FollowUpPolicy> policy = loop.policy(current.ruleId());
            Duration contactWithin = policy.map(FollowUpPolicy::firstContactWithin)
                    .orElse(calendar.between(current.openedAt(), current.firstContactDue()));
            Duration resolveWithin = policy.isPresent() ? policy.get().resolveWithin()
                    : current.resolutionDue() == null ? null
                    : calendar.between(current.openedAt(), current.resolutionDue());
            return current.reopen(by, now, note, calendar.plus(now, contactWithin),
                    resolveWithin == null ? null : calendar.plus(now, resolveWithin));
        }, updated -> List.of(), updated -> List.of());
    }

    /**
     * Pauses a follow-up's deadlines now, while waiting on the customer.
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller last saw
     * @param by who pauses it
     * @param note why, or {@code null}
     * @return the updated follow-up
     * @throws NotFoundException if there is no such follow-up
     * @throws VersionConflictException if the follow-up changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is open or contacted and running
     */
    public FollowUp pause(String followUpId, long expectedVersion, String by, @Nullable String note) {
        Instant now = loop.now();
        return step(followUpId, expectedVersion, current -> current.pause(by, now, note), updated -> List.of(),
                updated -> List.of());
    }

    /**
     * Resumes a paused follow-up now; its pending deadlines move later by the working time that was left when it
     * was paused.
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller last saw
     * @param by who resumes it
     * @return the updated follow-up
     * @throws NotFoundException if there is no such follow-up
     * @throws VersionConflictException if the follow-up changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is paused
     */
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

    // ---- escalation -----------------------------------------------------------------------------------------

    /**
     * Escalates every follow-up whose deadline passed without being met: each escalation step of its policy fires
     * once per follow-up, deadline and step, when {@code now} is past the deadline plus the step's delay. Reads the
     * overdue follow-ups from the deadline index. Safe to call concurrently and repeatedly; a follow-up changed
     * concurrently is skipped and picked up by the next call.
     *
     * @param now the instant to escalate at
     * @return the escalations recorded by this call
     */
    public List<Escalation> escalateOverdue(Instant now) {
        Objects.requireNonNull(now, "now");
        var fired = new ArrayList<Escalation>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            // page through the deadline index; escalated follow-ups stay pending, so page by deadline
            var seen = new HashSet<String>();
            Instant from = null;
            while (true) {
                List<FollowUp> page = loop.store().pendingDue(kind, from, now, ESCALATION_BATCH);
                boolean progressed = false;
                for (FollowUp followUp : page) {
                    if (seen.add(followUp.id())) {
                        progressed = true;
                        fired.addAll(escalate(followUp, kind, now));
                    }
                }
                if (page.size() < ESCALATION_BATCH || !progressed) {
                    break;
                }
                from = page.get(page.size() - 1).due(kind);
            }
        }
        if (!fired.isEmpty()) {
            LOG.debug("escalated {} follow-up deadline step(s)", fired.size());
            loop.deliverAfterWrite();
        }
        return fired;
    }

    private List<Escalation> escalate(FollowUp followUp, DeadlineKind kind, Instant now) {
        if (followUp.isErased()) {
            // an erased follow-up takes no further steps; it stays in the deadline index for the metrics
            return List.of();
        }
        Instant due = followUp.due(kind);
        List<EscalationStep> steps = loop.policy(followUp.ruleId()).map(FollowUpPolicy::escalation)
                .orElse(List.of(EscalationStep.toOwner(kind, Duration.ZERO)));
        FollowUp current = followUp;
        var fired = new ArrayList<Escalation>();
        for (int i = 0; i < steps.size(); i++) {
            EscalationStep step = steps.get(i);
            if (step.deadline() != kind || current.isEscalated(kind, due, i) || now.isBefore(due.plus(step.after()))) {
                continue;
            }
            Escalation escalation = new Escalation(kind, due, i, step.targetFor(current), now);
            FollowUp updated = current.escalate(escalation);
            try {
                current = loop.store().update(new FollowUpChange(updated, List.of(),
                        List.of(new FeedbackEvent.FollowUpEscalated(updated.id(), kind, due, i,
                                escalation.escalatedTo(), updated.customerId(), now))));
                fired.add(escalation);
            } catch (VersionConflictException e) {
                LOG.debug("follow-up {} changed during escalation; next run retries", followUp.id());
                break;
            }
        }
        return fired;
    }

    // ---- metrics --------------------------------------------------------------------------------------------

    /**
     * Returns "did we respond" metrics over the follow-ups opened in {@code [from, to)}, as of now.
     *
     * @param from the earliest opening, inclusive
     * @param to the latest opening, exclusive
     * @return the metrics
     */
    public FollowUpMetrics metrics(Instant from, Instant to) {
        return metricsBy(f -> "all", from, to).getOrDefault("all",
                FollowUpMetrics.tally(loop.now()).result());
    }

    /**
     * Returns "did we respond" metrics per group over the follow-ups opened in {@code [from, to)}, as of now,
     * for example by {@link FollowUpMetrics#byOwner()}, {@link FollowUpMetrics#bySegment(String)} or
     * {@link FollowUpMetrics#byPeriod(dev.feedbackloop.scoring.Period, java.time.ZoneId)}.
     *
     * @param groupBy the key of each follow-up's group
     * @param from the earliest opening, inclusive
     * @param to the latest opening, exclusive
     * @return metrics by group key, sorted by key
     */
    public Map<String, FollowUpMetrics> metricsBy(Function<FollowUp, String> groupBy, Instant from, Instant to) {
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Instant asOf = loop.now();
        var tallies = new TreeMap<String, FollowUpMetrics.Tally>();
        Predicate<FollowUp> inRange = f -> !f.openedAt().isBefore(from) && f.openedAt().isBefore(to);
        loop.store().forEachFollowUp(followUp -> {
            if (inRange.test(followUp)) {
                tallies.computeIfAbsent(groupBy.apply(followUp), k -> FollowUpMetrics.tally(asOf)).add(followUp);
            }
        });
        var result = new TreeMap<String, FollowUpMetrics>();
        tallies.forEach((key, tally) -> result.put(key, tally.result()));
        return result;
    }

    /**
     * Compares, for followed-up customers, the rating that opened a follow-up with the same customer's next
     * rating on the same question of the same survey.
     *
     * @param surveyId the survey
     * @param questionId the rating or NPS question
     * @return one entry per follow-up whose customer answered again, in order of opening
     */
    public List<Recovery> recovery(String surveyId, String questionId) {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(questionId, "questionId");
        var followed = new ArrayList<FollowUp>();
        loop.store().forEachFollowUp(f -> {
            if (f.surveyId().equals(surveyId) && f.customerId() != null) {
                followed.add(f);
            }
        });
        // one read of a customer's responses serves all of their follow-ups; results keep the order of opening
        var byCustomer = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < followed.size(); i++) {
            byCustomer.computeIfAbsent(Objects.requireNonNull(followed.get(i).customerId()), c -> new ArrayList<>())
                    .add(i);
        }
        var found = new Recovery[followed.size()];
        byCustomer.forEach((customerId, indexes) -> {
            List<StoredResponse> responses = loop.store().responsesOfCustomer(customerId);
            for (int index : indexes) {
                found[index] = recovery(followed.get(index), customerId, responses, surveyId, questionId);
            }
        });
        var result = new ArrayList<Recovery>();
        for (Recovery recovery : found) {
            if (recovery != null) {
                result.add(recovery);
            }
        }
        return result;
    }

    private static @Nullable Recovery recovery(FollowUp followUp, String customerId, List<StoredResponse> responses,
                                               String surveyId, String questionId) {
        Integer before = null;
        Instant beforeAt = null;
        for (StoredResponse stored : responses) {
            if (stored.id().equals(followUp.responseId())) {
                before = rating(stored, questionId);
                beforeAt = stored.response().submittedAt();
            }
        }
        if (before == null || beforeAt == null) {
            return null;
        }
        for (StoredResponse stored : responses) {
            Integer after = rating(stored, questionId);
            if (after != null && stored.response().surveyId().equals(surveyId)
                    && stored.response().submittedAt().isAfter(beforeAt)) {
                return new Recovery(followUp.id(), customerId, before, after, stored.id());
            }
        }
        return null;
    }

    private static @Nullable Integer rating(StoredResponse stored, String questionId) {
        return stored.response().answer(questionId) instanceof Answer.Rating rating ? rating.value() : null;
    }

    /**
     * One followed-up customer's score before and after. Immutable.
     *
     * @param followUpId the follow-up
     * @param customerId the customer
     * @param before the rating that opened the follow-up
     * @param after the customer's next rating on the same question
     * @param nextResponseId the response that gave it
     */
    public record Recovery(String followUpId, String customerId, int before, int after, String nextResponseId) {

        public Recovery {
            Objects.requireNonNull(followUpId, "followUpId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(nextResponseId, "nextResponseId");
        }

        /**
         * Returns the change in rating.
         *
         * @return {@code after - before}
         */
        public int change() {
            return after - before;
        }
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
        loop.deliverAfterWrite();
        return stored;
    }

    private static void requireIn(Set<String> allowed, String value, String name) {
        Objects.requireNonNull(value, name);
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not one of " + new TreeSet<>(allowed));
        }
    }
}
