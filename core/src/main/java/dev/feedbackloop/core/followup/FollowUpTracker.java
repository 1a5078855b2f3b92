package dev.feedbackloop.core.followup;

import dev.feedbackloop.InvalidInputException;
import dev.feedbackloop.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The follow-up tracker of a feedback loop: lifecycle steps with optimistic versions, queries, the overdue index,
 * escalation and "did we respond" metrics. Obtained from {@code FeedbackLoop.followUps()}; thread-safe. Hosts use
 * it and do not implement it: methods may be added.
 *
 * <p>Every step takes the version the caller last saw; if someone changed the follow-up since, the step fails
 * with {@link VersionConflictException} and nothing is written. Steps the state does not allow fail with
 * {@link IllegalTransitionException}. Each step is appended to the follow-up's history with actor and time. The steps
 * an agent enters ({@link #contact contact}, {@link #resolve resolve}, {@link #close close}) take a value with the
 * time the agent gives, checked against the loop's clock; the others are stamped with the loop's clock.
 *
 * <p>Time: a query whose answer depends on the time ("overdue", "pending or missed", metrics) takes the instant it
 * answers for, {@code asOf}, so that the answers of one report agree; pass {@code FeedbackLoop.now()} for now.
 */
public interface FollowUpTracker {

    // ---- lookups and queries --------------------------------------------------------------------------------

    /**
     * Returns a follow-up.
     *
     * @param followUpId the id
     * @return the follow-up
     * @throws NotFoundException if there is none
     */
    FollowUp followUp(String followUpId);

    /**
     * Looks up a follow-up.
     *
     * @param followUpId the id
     * @return the follow-up, or empty
     */
    Optional<FollowUp> findFollowUp(String followUpId);

    /**
     * Returns the follow-ups a response opened, ordered by id.
     *
     * @param responseId the response id
     * @return the follow-ups
     */
    List<FollowUp> ofResponse(String responseId);

    /**
     * Returns the follow-ups matching a query (state, owner, priority, customer, survey, segment), ordered by
     * first-contact deadline then id, at most {@link FollowUpQuery#limit()}; to read them all, page through them with
     * {@link #page(FollowUpQuery, FollowUpCursor)}.
     *
     * @param query the query
     * @return the follow-ups
     */
    List<FollowUp> find(FollowUpQuery query);

    /**
     * Returns one page of the follow-ups matching a query, ordered by first-contact deadline then id: at most
     * {@link FollowUpQuery#limit()} of them, strictly after a cursor (keyset pagination), with the cursor of the next
     * page if there are more. A follow-up inserted before the cursor never makes the next page repeat or skip one.
     *
     * <pre>{@code
     * FollowUpQuery query = FollowUpQuery.all().withOwner("ana").withLimit(50);
     * FollowUpPage page = tracker.page(query, null);
     * while (page.hasNext()) {
     *     page = tracker.page(query, page.next().orElseThrow());
     * }
     * }</pre>
     *
     * @param query the criteria and the page size ({@link FollowUpQuery#withLimit(int)})
     * @param after the cursor of the previous page ({@link FollowUpPage#next()}, or {@link FollowUpCursor#parse}
     *     of its token), or {@code null} for the first page
     * @return the page
     * @throws dev.feedbackloop.InvalidInputException if the cursor comes from a list ordered by the resolution deadline
     */
    FollowUpPage page(FollowUpQuery query, @Nullable FollowUpCursor after);

    /**
     * Returns every follow-up overdue for one deadline at an instant: open (for the first contact) or not done (for
     * the resolution), not paused, deadline before {@code asOf}; most overdue first (by deadline, then id), from the
     * deadline index. There is no cap: the list holds every one, in memory; a screen pages through them with
     * {@link #overduePage(DeadlineKind, Instant, int, FollowUpCursor)} and counts them with {@link #counts(Instant)}.
     *
     * @param kind which deadline
     * @param asOf the instant
     * @return the follow-ups, all of them
     */
    List<FollowUp> overdue(DeadlineKind kind, Instant asOf);

    /**
     * Returns one page of the follow-ups overdue for one deadline at an instant, in the order of
     * {@link #overdue(DeadlineKind, Instant)}, strictly after a cursor (keyset pagination), with the cursor of the
     * next page if there are more. Pass the same {@code asOf} for every page of one list.
     *
     * @param kind which deadline
     * @param asOf the instant
     * @param size the most follow-ups on the page, at least 1
     * @param after the cursor of the previous page, or {@code null} for the first page
     * @return the page
     * @throws dev.feedbackloop.InvalidInputException if the cursor comes from a list ordered by another deadline
     */
    FollowUpPage overduePage(DeadlineKind kind, Instant asOf, int size, @Nullable FollowUpCursor after);

    /**
     * Returns every follow-up whose first-contact deadline is pending and falls within a window after an instant,
     * {@code [asOf, asOf + window)}, soonest first (then by id). There is no cap: the list holds every one, in memory;
     * a screen pages through them with {@link #dueWithinPage(Duration, Instant, int, FollowUpCursor)}.
     *
     * @param window how far ahead to look
     * @param asOf the start of the window
     * @return the follow-ups, all of them
     */
    List<FollowUp> dueWithin(Duration window, Instant asOf);

    /**
     * Returns one page of the follow-ups whose first-contact deadline is pending and falls within a window after an
     * instant, in the order of {@link #dueWithin(Duration, Instant)}, strictly after a cursor (keyset pagination),
     * with the cursor of the next page if there are more. Pass the same {@code window} and {@code asOf} for every page
     * of one list.
     *
     * @param window how far ahead to look
     * @param asOf the start of the window
     * @param size the most follow-ups on the page, at least 1
     * @param after the cursor of the previous page, or {@code null} for the first page
     * @return the page
     * @throws dev.feedbackloop.InvalidInputException if the cursor comes from a list ordered by the resolution deadline
     */
    FollowUpPage dueWithinPage(Duration window, Instant asOf, int size, @Nullable FollowUpCursor after);

    /**
     * Counts every follow-up by state, the open ones (not resolved, not closed) by owner and by policy, and the
     * overdue ones by policy for each deadline, as of an instant; without a cap, from count queries of the store (the
     * JDBC store loads no follow-up). See {@link FollowUpCounts} for what open and overdue mean.
     *
     * <pre>{@code
     * FollowUpCounts counts = tracker.counts(loop.now());
     * long late = counts.overdue(DeadlineKind.FIRST_CONTACT);
     * }</pre>
     *
     * @param asOf the instant that decides what is overdue
     * @return the counts
     */
    FollowUpCounts counts(Instant asOf);

    /**
     * Answers "did we respond to this response?" at an instant, which decides whether a response nobody responded
     * to yet is still pending or was missed.
     *
     * @param responseId the response id
     * @param asOf the instant
     * @return the answer
     * @throws NotFoundException if no such response is stored
     */
    DidWeRespond didWeRespond(String responseId, Instant asOf);

    // ---- lifecycle ------------------------------------------------------------------------------------------

    /**
     * Records the first human contact, as the agent logged it: {@code OPEN → CONTACTED}; also records a
     * {@code FOLLOW_UP_CONTACT} touch for the customer.
     *
     * <pre>{@code
     * tracker.contact(followUp.id(), followUp.version(), Contact.of("phone", "ana", loop.now(), "Apologised"));
     * }</pre>
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller last saw
     * @param contact the contact; its time not in the future, not before the follow-up opened (kept to the
     *     microsecond)
     * @return the updated follow-up
     * @throws NotFoundException if there is no such follow-up
     * @throws VersionConflictException if the follow-up changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is open
     * @throws InvalidInputException if the contact time is in the future or before the opening
     */
    FollowUp contact(String followUpId, long expectedVersion, Contact contact);

    /**
     * Resolves a contacted follow-up, as the agent logged it: {@code CONTACTED → RESOLVED}.
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller last saw
     * @param resolution the code and root cause (from the loop's taxonomy if one is set), who, when (not in the
     *     future, not before the first contact; kept to the microsecond) and a note
     * @return the updated follow-up
     * @throws NotFoundException if there is no such follow-up
     * @throws VersionConflictException if the follow-up changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is contacted
     * @throws InvalidInputException if the code or root cause is not in the taxonomy, or the time is in the future or
     *     before the first contact
     */
    FollowUp resolve(String followUpId, long expectedVersion, Resolution resolution);

    /**
     * Closes an open or contacted follow-up without resolution, as the agent logged it, for example when no contact
     * is possible: {@code OPEN|CONTACTED → CLOSED}.
     *
     * @param followUpId the follow-up
     * @param expectedVersion the version the caller last saw
     * @param closure the reason, who, when (not in the future, not before the opening or the first contact; kept
     *     to the microsecond) and a note
     * @return the updated follow-up
     * @throws NotFoundException if there is no such follow-up
     * @throws VersionConflictException if the follow-up changed since {@code expectedVersion}
     * @throws IllegalTransitionException unless it is open or contacted
     * @throws InvalidInputException if the time is in the future or before the opening or the first contact
     */
    FollowUp close(String followUpId, long expectedVersion, Closure closure);

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
    FollowUp reopen(String followUpId, long expectedVersion, String by, @Nullable String note);

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
    FollowUp pause(String followUpId, long expectedVersion, String by, @Nullable String note);

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
    FollowUp resume(String followUpId, long expectedVersion, String by);

    // ---- escalation -----------------------------------------------------------------------------------------

    /**
     * Escalates every follow-up whose deadline passed without being met by an instant: each escalation step of its
     * policy fires once per follow-up, deadline and step, when {@code asOf} is past the deadline plus the step's delay
     * (wall-clock or working time, as the step says: {@link EscalationStep#timing()}). Reads the overdue follow-ups
     * from the deadline index. Safe to call concurrently and repeatedly; a follow-up changed concurrently is skipped
     * and picked up by the next call. The escalations are stamped {@code asOf}.
     *
     * @param asOf the instant to escalate at, normally {@code FeedbackLoop.now()}
     * @return the escalations recorded by this call
     */
    List<Escalation> escalateOverdue(Instant asOf);

    // ---- reports --------------------------------------------------------------------------------------------

    /**
     * Returns "did we respond" metrics over the follow-ups opened in {@code [from, to)}, as of an instant (which
     * decides what is overdue). Only the follow-ups of the range are read: on the JDBC store, a range on an index of
     * the opening time, not a scan of every follow-up.
     *
     * @param from the earliest opening, inclusive
     * @param to the latest opening, exclusive; equal to {@code from} for an empty range
     * @param asOf the instant
     * @return the metrics
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    FollowUpMetrics metrics(Instant from, Instant to, Instant asOf);

    /**
     * Returns "did we respond" metrics per group over the follow-ups opened in {@code [from, to)}, as of an instant,
     * for example by {@link FollowUpMetrics#byOwner()}, {@link FollowUpMetrics#bySegment(String)} or
     * {@link FollowUpMetrics#byPeriod(dev.feedbackloop.scoring.Period, java.time.ZoneId)}. Reads only the follow-ups of
     * the range, as {@link #metrics(Instant, Instant, Instant)} does.
     *
     * @param groupBy the key of each follow-up's group
     * @param from the earliest opening, inclusive
     * @param to the latest opening, exclusive; equal to {@code from} for an empty range
     * @param asOf the instant that decides what is overdue
     * @return metrics by group key, sorted by key; empty when no follow-up was opened in the range
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    Map<String, FollowUpMetrics> metricsBy(Function<FollowUp, String> groupBy, Instant from, Instant to,
                                           Instant asOf);

    /**
     * Compares, for followed-up customers, the rating that opened a follow-up with the same customer's next
     * rating on the same question of the same survey.
     *
     * @param surveyId the survey
     * @param questionId the rating or NPS question
     * @return one entry per follow-up whose customer answered again, in order of opening
     */
    List<Recovery> recovery(String surveyId, String questionId);

    /**
     * One followed-up customer's score before and after. Immutable.
     *
     * @param followUpId the follow-up
     * @param customerId the customer
     * @param before the rating that opened the follow-up
     * @param after the customer's next rating on the same question
     * @param nextResponseId the response that gave it
     */
    record Recovery(String followUpId, String customerId, int before, int after, String nextResponseId) {

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
}
