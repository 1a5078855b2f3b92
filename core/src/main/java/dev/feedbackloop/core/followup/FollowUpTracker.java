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
 * {@link IllegalTransitionException}. Each step is appended to the follow-up's history with actor and time.
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
     * first-contact deadline.
     *
     * @param query the query
     * @return the follow-ups
     */
    List<FollowUp> find(FollowUpQuery query);

    /**
     * Returns the follow-ups overdue for first contact now: open, not paused, deadline passed; most overdue
     * first, from the deadline index.
     *
     * @return the follow-ups, at most {@link FollowUpQuery#DEFAULT_LIMIT}
     */
    List<FollowUp> overdue();

    /**
     * Returns the follow-ups overdue for one deadline at an instant, most overdue first.
     *
     * @param kind which deadline
     * @param now the instant
     * @return the follow-ups, at most {@link FollowUpQuery#DEFAULT_LIMIT}
     */
    List<FollowUp> overdue(DeadlineKind kind, Instant now);

    /**
     * Returns the follow-ups whose first-contact deadline falls within a window from now, soonest first.
     *
     * @param window how far ahead to look
     * @return the follow-ups, at most {@link FollowUpQuery#DEFAULT_LIMIT}
     */
    List<FollowUp> dueWithin(Duration window);

    /**
     * Answers "did we respond to this response?".
     *
     * @param responseId the response id
     * @return the answer
     * @throws NotFoundException if no such response is stored
     */
    DidWeRespond didWeRespond(String responseId);

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
    FollowUp contact(String followUpId, long expectedVersion, String channel, String by, @Nullable String note);

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
     * @throws InvalidInputException if the contact time is in the future or before the opening, or a text cannot be
     *     taken
     */
    FollowUp contact(String followUpId, long expectedVersion, Contact contact);

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
     * @throws InvalidInputException if the code or root cause is not in the taxonomy, or a text cannot be taken
     */
    FollowUp resolve(String followUpId, long expectedVersion, String code, String rootCause, String by,
                     @Nullable String note);

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
    FollowUp close(String followUpId, long expectedVersion, String reason, String by, @Nullable String note);

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
     * Escalates every follow-up whose deadline passed without being met: each escalation step of its policy fires
     * once per follow-up, deadline and step, when {@code now} is past the deadline plus the step's delay. Reads the
     * overdue follow-ups from the deadline index. Safe to call concurrently and repeatedly; a follow-up changed
     * concurrently is skipped and picked up by the next call.
     *
     * @param now the instant to escalate at
     * @return the escalations recorded by this call
     */
    List<Escalation> escalateOverdue(Instant now);

    // ---- reports --------------------------------------------------------------------------------------------

    /**
     * Returns "did we respond" metrics over the follow-ups opened in {@code [from, to)}, as of now.
     *
     * @param from the earliest opening, inclusive
     * @param to the latest opening, exclusive
     * @return the metrics
     */
    FollowUpMetrics metrics(Instant from, Instant to);

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
    Map<String, FollowUpMetrics> metricsBy(Function<FollowUp, String> groupBy, Instant from, Instant to);

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
