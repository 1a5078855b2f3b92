package dev.feedbackloop.core.store;

import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerActivity;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpConflictException;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.FollowUpCursor;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where a feedback loop keeps its data: survey versions, responses, follow-ups, customers, touches and an outbox of
 * events.
 *
 * <p>The SPI is shaped for plain JDBC with transactions: every write method is one atomic step (one transaction),
 * a write and the outbox events it carries commit together, and follow-ups are updated with optimistic versions.
 * The in-memory implementation ({@link #inMemory()}) is the default. Every implementation passes the store
 * contract test suite.
 *
 * <p>Implementations must be thread-safe. Records passed in and returned are immutable values; a store returns
 * values equal to those it was given (after {@link #eraseCustomer(Erasure)}, their anonymised forms).
 *
 * <p>Failures: any method may throw a {@link StoreException} when the store cannot do what was asked (its database
 * fails, stored data cannot be read); nothing of a failed write is written. The in-memory store never does.
 */
public interface FeedbackStore {

    /**
     * Returns a new, empty, thread-safe in-memory store.
     *
     * @return the store
     */
    static FeedbackStore inMemory() {
        return InMemoryStore.create();
    }

    // ---- surveys --------------------------------------------------------------------------------------------

    /**
     * Stores a survey version, unless its id and version are stored already: then nothing is written if the stored
     * definition {@linkplain Survey#equals(Object) equals} it, and it is a conflict if not. A stored version never
     * changes and is never removed.
     *
     * <p>Concurrent calls with the same id and version, from any thread or process sharing the store, store one
     * definition: the calls with that definition return normally, the calls with another fail with a conflict.
     *
     * @param survey the survey version
     * @throws SurveyConflictException if a different definition is stored under the survey's id and version; nothing
     *     is written
     */
    void putSurvey(Survey survey);

    /**
     * Returns every stored survey version, ordered by survey id ({@link String#compareTo(String)}), then version. A
     * feedback loop reads them once, when it is built.
     *
     * @return the survey versions, equal to those stored; empty when none is
     */
    List<Survey> surveys();

    // ---- responses ------------------------------------------------------------------------------------------

    /**
     * Stores a response with its follow-ups, touches, new customer and events in one atomic step, unless a
     * response with the same id exists; then nothing is written and the existing response is returned.
     *
     * <p>Concurrent submissions of the same id store exactly one of them. A submission with a
     * {@linkplain Submission#quota() quota} is counted against it in the same atomic step, so that concurrent
     * submissions of one customer, from any thread or process sharing the store, never exceed it.
     *
     * @param submission what to store
     * @return whether it was stored, and the response and follow-ups stored under that id
     * @throws FollowUpConflictException if a follow-up id of the submission already exists for another response
     * @throws dev.feedbackloop.core.limit.LimitExceededException if a new response exceeds its quota; nothing is
     *     written
     */
    SubmitResult submit(Submission submission);

    /**
     * Stores a batch of submissions, each as {@link #submit(Submission)} would: a submission whose response id is
     * already stored, or repeats an id earlier in the batch, writes nothing and reports what is stored under that
     * id. Returns one result per submission, in the batch's order.
     *
     * <p>The default implementation submits one at a time, so each submission is atomic but the batch is not.
     * Stores that can should override it to store the whole batch in one atomic step (one transaction) with as
     * few round trips as possible; the in-memory and JDBC stores do, and a failure there (for example a
     * follow-up id that exists for another response) writes nothing of the batch. Quotas count the batch's earlier
     * new responses of the same customer too.
     *
     * @param submissions what to store; may be empty
     * @return the results, one per submission, in order
     * @throws FollowUpConflictException if a follow-up id of a submission already exists for another response
     * @throws dev.feedbackloop.core.limit.LimitExceededException if a new response exceeds its quota; then the
     *     stores that override this method write nothing of the batch
     */
    default List<SubmitResult> submitAll(List<Submission> submissions) {
        var results = new ArrayList<SubmitResult>(submissions.size());
        for (Submission submission : List.copyOf(submissions)) {
            results.add(submit(submission));
        }
        return results;
    }

    /**
     * Looks up a response.
     *
     * @param responseId the response id
     * @return the stored response, or empty
     */
    Optional<StoredResponse> findResponse(String responseId);

    /**
     * Looks up several responses at once; the default implementation calls {@link #findResponse(String)} for
     * each, stores override it with one query.
     *
     * @param responseIds the response ids
     * @return the stored responses among them, by id; ids not stored are absent
     */
    default Map<String, StoredResponse> findResponses(Collection<String> responseIds) {
        var found = new HashMap<String, StoredResponse>();
        for (String id : List.copyOf(responseIds)) {
            findResponse(id).ifPresent(response -> found.put(id, response));
        }
        return found;
    }

    /**
     * Streams every stored response of a survey (all versions) to an action, in order of receipt (then id),
     * without holding them all in memory; the action must not call back into the store.
     *
     * @param surveyId the survey id
     * @param action called once per response
     */
    void forEachResponse(String surveyId, Consumer<StoredResponse> action);

    /**
     * Streams the stored responses of a survey (all versions) submitted in {@code [from, to)}, by
     * {@link dev.feedbackloop.survey.Response#submittedAt()} to the nanosecond, to an action, in order of submission
     * (then id), without holding them all in memory; the action must not call back into the store.
     *
     * <p>The default implementation streams every response of the survey through
     * {@link #forEachResponse(String, Consumer)} and holds those in the range to sort them; stores override it with a
     * range on an index of the submitted time (the JDBC store: {@code fl_response_submitted_idx}).
     *
     * @param surveyId the survey id
     * @param from the earliest submitted time, inclusive
     * @param to the latest submitted time, exclusive; equal to {@code from} for an empty range
     * @param action called once per response in the range
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    default void forEachResponse(String surveyId, Instant from, Instant to, Consumer<StoredResponse> action) {
        requireRange(from, to);
        Objects.requireNonNull(action, "action");
        var found = new ArrayList<StoredResponse>();
        forEachResponse(surveyId, response -> {
            Instant submitted = response.response().submittedAt();
            if (!submitted.isBefore(from) && submitted.isBefore(to)) {
                found.add(response);
            }
        });
        found.sort(Comparator.comparing((StoredResponse response) -> response.response().submittedAt())
                .thenComparing(StoredResponse::id));
        found.forEach(action);
    }

    /**
     * Checks the time range {@code [from, to)} of a range method ({@code forEachResponse(surveyId, from, to, action)},
     * {@link #forEachFollowUp(Instant, Instant, Consumer)}) as every store checks it: both bounds present, {@code to}
     * not before {@code from}; {@code to} equal to {@code from} is an empty range. For stores that override a range
     * method, so that every store refuses the same ranges with the same message.
     *
     * @param from the earliest instant, inclusive
     * @param to the latest instant, exclusive
     * @throws NullPointerException if {@code from} or {@code to} is null
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    static void requireRange(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: " + to + " is before from " + from + "; expected [from, to)"
                    + " with from <= to");
        }
    }

    /**
     * Returns a customer's responses to every survey, in order of submission (then id).
     *
     * @param customerId the customer id
     * @return the responses; empty when none (or erased)
     */
    List<StoredResponse> responsesOfCustomer(String customerId);

    // ---- follow-ups -----------------------------------------------------------------------------------------

    /**
     * Looks up a follow-up.
     *
     * @param followUpId the follow-up id
     * @return the follow-up, or empty
     */
    Optional<FollowUp> findFollowUp(String followUpId);

    /**
     * Returns the follow-ups a response opened, ordered by id.
     *
     * @param responseId the response id
     * @return the follow-ups; empty when none
     */
    List<FollowUp> followUpsOfResponse(String responseId);

    /**
     * Replaces a follow-up, appends the change's touches and events, in one atomic step, if and only if the
     * stored version is {@link FollowUpChange#expectedVersion()}.
     *
     * @param change the step
     * @return the stored follow-up, {@code change.updated()}
     * @throws NotFoundException if no such follow-up exists
     * @throws VersionConflictException if the stored version differs; nothing is written
     */
    FollowUp update(FollowUpChange change);

    /**
     * Returns the follow-ups that match a query, ordered by first-contact deadline then id, at most
     * {@link FollowUpQuery#limit()}.
     *
     * @param query the criteria
     * @return the follow-ups
     */
    List<FollowUp> followUps(FollowUpQuery query);

    /**
     * Returns follow-ups whose deadline of one kind is {@linkplain FollowUp#isPending(DeadlineKind) pending}
     * and falls in {@code [from, to)}, ordered by that deadline then id: answered from an index on the deadline,
     * not a scan. Overdue now is {@code pendingDue(kind, null, now, limit)}; due soon is
     * {@code pendingDue(kind, now, now.plus(window), limit)}.
     *
     * @param kind which deadline
     * @param from the earliest deadline, inclusive, or {@code null} for no lower bound
     * @param to the latest deadline, exclusive
     * @param limit the most follow-ups to return, at least 1
     * @return the follow-ups
     */
    List<FollowUp> pendingDue(DeadlineKind kind, @Nullable Instant from, Instant to, int limit);

    /**
     * Returns the follow-ups that match a query and lie strictly after a cursor, in the order of
     * {@link #followUps(FollowUpQuery)} (first-contact deadline, then id), at most {@link FollowUpQuery#limit()}: the
     * next page of a keyset pagination. A follow-up inserted before the cursor is not returned; none after it is
     * skipped.
     *
     * <p>The default implementation streams every follow-up through {@link #forEachFollowUp(Consumer)}; stores
     * override it with an ordered query from the cursor's key (the JDBC store: a range on the index of the state or
     * of the deadline).
     *
     * @param query the criteria and the most follow-ups to return
     * @param after the cursor, ordered by {@link DeadlineKind#FIRST_CONTACT}
     * @return the follow-ups
     * @throws IllegalArgumentException if the cursor is ordered by another deadline
     */
    default List<FollowUp> followUpsAfter(FollowUpQuery query, FollowUpCursor after) {
        requireOrderedBy(after, DeadlineKind.FIRST_CONTACT);
        var found = new ArrayList<FollowUp>();
        forEachFollowUp(followUp -> {
            if (query.matches(followUp) && after.precedes(followUp)) {
                found.add(followUp);
            }
        });
        return firstInOrder(found, DeadlineKind.FIRST_CONTACT, query.limit());
    }

    /**
     * Returns the follow-ups whose deadline of one kind is pending, falls in {@code [from, to)} and lies strictly after
     * a cursor, in the order of {@link #pendingDue(DeadlineKind, Instant, Instant, int)}: the next page of a keyset
     * pagination of overdue or due-soon follow-ups.
     *
     * <p>The default implementation streams every follow-up through {@link #forEachFollowUp(Consumer)}; stores
     * override it with a range on their deadline index.
     *
     * @param kind which deadline
     * @param from the earliest deadline, inclusive, or {@code null} for no lower bound
     * @param after the cursor, ordered by {@code kind}
     * @param to the latest deadline, exclusive
     * @param limit the most follow-ups to return, at least 1
     * @return the follow-ups
     * @throws IllegalArgumentException if the cursor is ordered by another deadline
     */
    default List<FollowUp> pendingDueAfter(DeadlineKind kind, @Nullable Instant from, FollowUpCursor after,
                                           Instant to, int limit) {
        requireOrderedBy(after, kind);
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " is not positive");
        }
        var found = new ArrayList<FollowUp>();
        forEachFollowUp(followUp -> {
            if (followUp.isPending(kind) && after.precedes(followUp)) {
                Instant due = followUp.due(kind);
                if (due.isBefore(to) && (from == null || !due.isBefore(from))) {
                    found.add(followUp);
                }
            }
        });
        return firstInOrder(found, kind, limit);
    }

    private static void requireOrderedBy(FollowUpCursor after, DeadlineKind kind) {
        if (after.orderedBy() != kind) {
            throw new IllegalArgumentException("after: a cursor ordered by " + after.orderedBy()
                    + "; expected one ordered by " + kind);
        }
    }

    private static List<FollowUp> firstInOrder(List<FollowUp> found, DeadlineKind kind, int limit) {
        found.sort(Comparator.comparing((FollowUp followUp) -> followUp.due(kind)).thenComparing(FollowUp::id));
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    /**
     * Streams every follow-up to an action, in order of opening then id, for metrics; the action must not call
     * back into the store.
     *
     * @param action called once per follow-up
     */
    void forEachFollowUp(Consumer<FollowUp> action);

    /**
     * Streams the follow-ups opened in {@code [from, to)}, by {@link FollowUp#openedAt()}, to an action, in order of
     * opening then id, without holding them all in memory; the action must not call back into the store. "Did we
     * respond" metrics over a period read their follow-ups through it.
     *
     * <p>The default implementation streams every follow-up through {@link #forEachFollowUp(Consumer)} and passes on
     * those in the range; stores override it with a range on an index of the opening time (the JDBC store:
     * {@code fl_follow_up_opened_idx}), so that a period's metrics read that period only.
     *
     * @param from the earliest opening, inclusive
     * @param to the latest opening, exclusive; equal to {@code from} for an empty range
     * @param action called once per follow-up in the range
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    default void forEachFollowUp(Instant from, Instant to, Consumer<FollowUp> action) {
        requireRange(from, to);
        Objects.requireNonNull(action, "action");
        forEachFollowUp(followUp -> {
            Instant opened = followUp.openedAt();
            if (!opened.isBefore(from) && opened.isBefore(to)) {
                action.accept(followUp);
            }
        });
    }

    /**
     * Counts every stored follow-up by state, the open ones by owner and by policy, and the overdue ones by policy
     * as of an instant, as {@link FollowUpCounts} defines them; never capped, and consistent with itself (one
     * snapshot).
     *
     * <p>The default implementation streams every follow-up through {@link #forEachFollowUp(Consumer)} into a
     * {@link FollowUpCounts#counter(Instant) counter}; stores override it with count queries (the JDBC store: a
     * few {@code GROUP BY} queries, no follow-up loaded) or counts over their own structures.
     *
     * @param asOf the instant that decides what is overdue
     * @return the counts
     */
    default FollowUpCounts followUpCounts(Instant asOf) {
        FollowUpCounts.Counter counter = FollowUpCounts.counter(asOf);
        forEachFollowUp(counter::add);
        return counter.counts();
    }

    // ---- customers and touches ------------------------------------------------------------------------------

    /**
     * Registers a customer or replaces its attributes.
     *
     * @param customer the customer
     */
    void putCustomer(Customer customer);

    /**
     * Looks up a customer.
     *
     * @param customerId the customer id
     * @return the customer, or empty
     */
    Optional<Customer> findCustomer(String customerId);

    /**
     * Appends a touch and its events in one atomic step.
     *
     * @param touch the touch
     * @param events events to append to the outbox
     */
    void recordTouch(Touch touch, List<FeedbackEvent> events);

    /**
     * Returns a customer's touches, oldest first.
     *
     * @param customerId the customer id
     * @return the touches; empty when none
     */
    List<Touch> touches(String customerId);

    /**
     * Streams every registered customer with their last contact and last answered survey, ordered by customer
     * id; the action must not call back into the store.
     *
     * @param action called once per customer
     */
    void forEachCustomer(Consumer<CustomerActivity> action);

    // ---- outbox ---------------------------------------------------------------------------------------------

    /**
     * Appends events to the outbox on their own, for events that come with no other write.
     *
     * @param events the events
     */
    void append(List<FeedbackEvent> events);

    /**
     * Returns the oldest unacknowledged outbox entries, in sequence order. Polling does not remove them: an entry
     * is returned again until {@linkplain #acknowledge(Collection) acknowledged}, also after a restart of a
     * durable store.
     *
     * @param max the most entries to return, at least 1
     * @return the entries
     */
    List<OutboxEntry> pollOutbox(int max);

    /**
     * Acknowledges delivered outbox entries; unknown or already acknowledged sequences are ignored.
     *
     * @param sequences the sequences of delivered entries
     */
    void acknowledge(Collection<Long> sequences);

    // ---- privacy --------------------------------------------------------------------------------------------

    /**
     * Removes every personal trace of a customer in one atomic step: responses are replaced by their
     * {@linkplain StoredResponse#anonymised() anonymised} form, follow-ups by {@link Erasure#apply(FollowUp)} (one
     * version higher, so that an update prepared from an earlier version fails with
     * {@link VersionConflictException} and cannot write personal data back), touches, the customer record and
     * pending outbox events about the customer are deleted. Ratings stay, so historical scores do not move. Erasing
     * twice is harmless.
     *
     * @param erasure the customer, the instant and the taxonomy to keep
     * @return what was changed
     */
    ErasureReport eraseCustomer(Erasure erasure);
}
