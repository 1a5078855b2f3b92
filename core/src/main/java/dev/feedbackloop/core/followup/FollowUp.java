package dev.feedbackloop.core.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A tracked follow-up: one response that needs a human answer under one {@link FollowUpPolicy}, with its owner,
 * deadlines, state, history and optimistic version. Immutable; every step returns a new follow-up whose version is
 * one higher.
 *
 * <p>Invariants checked on construction: the version is at least 1; the history is not empty; a {@code CONTACTED}
 * follow-up has a first contact; a {@code RESOLVED} one has a first contact and a resolution; a {@code CLOSED} one
 * has a close reason; an {@code OPEN} one has no first contact; only an open or contacted follow-up may be paused.
 * Every text is stored as given, so none may hold NUL or an unpaired UTF-16 surrogate; notes (of contacts,
 * resolutions and history entries) have at most {@value #MAX_NOTE_LENGTH} code points, other texts (ids, reason,
 * owner, channel, actors, codes, root causes, close reason, escalation targets) are not blank and have at most
 * {@value #MAX_TEXT_LENGTH}. A text that breaks these rules, here or in the values of this package that hold one
 * ({@link Contact}, {@link Resolution}, {@link HistoryEntry}, ...), is refused with an
 * {@link dev.feedbackloop.InvalidInputException} that names it: most of them are typed by people.
 *
 * <p>Erasure ({@link #erased}) is the last step: it removes the customer id and free text, moves the version on, so
 * that a step prepared from an earlier version fails as a version conflict, and every later step is refused with an
 * {@link IllegalTransitionException}.
 *
 * @param id the follow-up id, {@link #idFor(String, String)} of its response and policy
 * @param version the optimistic version, from 1, incremented by every step
 * @param responseId the response that opened it
 * @param surveyId the survey of that response
 * @param policyId the id of the {@link FollowUpPolicy} that opened it
 * @param reason why it was opened, in words
 * @param priority how urgent it is
 * @param owner who must act on it
 * @param customerId the customer, or {@code null} for an anonymous or erased respondent
 * @param segment the respondent's segment attributes when it was opened; copied
 * @param openedAt when it was opened (when the response was received)
 * @param firstContactDue the deadline for the first human contact
 * @param resolutionDue the deadline for resolution, or {@code null} when the policy sets none
 * @param state the lifecycle state
 * @param pausedAt when the deadlines were paused while waiting on the customer, or {@code null} when running
 * @param firstContact the first human contact, or {@code null} before it
 * @param resolution the resolution, or {@code null} unless resolved
 * @param closeReason why it was closed, or {@code null} unless closed
 * @param escalations the escalations so far, oldest first; copied
 * @param history every step so far, oldest first, starting with {@link FollowUpAction#OPENED}; copied
 */
public record FollowUp(String id, long version, String responseId, String surveyId, String policyId, String reason,
                       Priority priority, String owner, @Nullable String customerId, Map<String, String> segment,
                       Instant openedAt, Instant firstContactDue, @Nullable Instant resolutionDue,
                       FollowUpState state, @Nullable Instant pausedAt, @Nullable Contact firstContact,
                       @Nullable Resolution resolution, @Nullable String closeReason, List<Escalation> escalations,
                       List<HistoryEntry> history) {

    /** The longest note of a contact, resolution or history entry, in Unicode code points. */
    public static final int MAX_NOTE_LENGTH = 20_000;
    /** The longest of the other texts (reason, owner, channel, actor, code, root cause...), in code points. */
    public static final int MAX_TEXT_LENGTH = 1_000;
    /**
     * What erasure leaves in place of a close reason, and of a resolution code or root cause that is not from the
     * host's taxonomy.
     */
    public static final String ERASED_TEXT = "erased";

    public FollowUp {
        Texts.requireText(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version: " + version + " is not positive");
        }
        Texts.requireText(responseId, "responseId");
        Texts.requireText(surveyId, "surveyId");
        Texts.requireText(policyId, "policyId");
        Texts.requireText(reason, "reason");
        Objects.requireNonNull(priority, "priority");
        Texts.requireText(owner, "owner");
        segment = Map.copyOf(segment);
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(firstContactDue, "firstContactDue");
        Objects.requireNonNull(state, "state");
        if (closeReason != null) {
            Texts.requireText(closeReason, "closeReason");
        }
        escalations = List.copyOf(escalations);
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("follow-up '" + id + "': history must not be empty");
        }
        for (int i = 0; i < history.size() - 1; i++) {
            if (history.get(i).action() == FollowUpAction.ERASED) {
                throw new IllegalArgumentException("follow-up '" + id + "': step " + (i + 2) + " follows the erasure;"
                        + " expected the erasure to be the last step");
            }
        }
        String where = "follow-up '" + id + "' in state " + state + ": ";
        @Nullable String broken = switch (state) {
            case OPEN -> firstContact == null ? null : "firstContact must be null";
            case CONTACTED -> firstContact != null ? null : "firstContact is required";
            case RESOLVED -> firstContact != null && resolution != null ? null
                    : "firstContact and resolution are required";
            case CLOSED -> closeReason != null ? null : "closeReason is required";
        };
        require(broken == null, where + broken);
        require(pausedAt == null || !state.isDone(), where + "only an open or contacted follow-up can be paused");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Returns the id of the follow-up that a response opens under a policy; at most one exists per pair.
     *
     * @param responseId the response id
     * @param policyId the policy id
     * @return {@code responseId + "/" + policyId}
     */
    public static String idFor(String responseId, String policyId) {
        return responseId + "/" + policyId;
    }

    /**
     * Returns a newly opened follow-up at version 1.
     *
     * @param responseId the response that opens it
     * @param surveyId the survey of that response
     * @param policyId the policy that opens it
     * @param reason why, in words
     * @param priority how urgent
     * @param owner who must act
     * @param customerId the customer, or {@code null} when anonymous
     * @param segment the respondent's segment attributes
     * @param openedAt when it opens
     * @param firstContactDue the first-contact deadline; not before {@code openedAt}
     * @param resolutionDue the resolution deadline, or {@code null}; not before {@code openedAt}
     * @return the follow-up in state {@code OPEN}
     * @throws IllegalArgumentException if a deadline lies before {@code openedAt}
     */
    public static FollowUp open(String responseId, String surveyId, String policyId, String reason, Priority priority,
                                String owner, @Nullable String customerId, Map<String, String> segment,
                                Instant openedAt, Instant firstContactDue, @Nullable Instant resolutionDue) {
        if (firstContactDue.isBefore(openedAt) || resolutionDue != null && resolutionDue.isBefore(openedAt)) {
            throw new IllegalArgumentException("deadlines " + firstContactDue + ", " + resolutionDue
                    + " must not lie before openedAt " + openedAt);
        }
        return new FollowUp(idFor(responseId, policyId), 1, responseId, surveyId, policyId, reason, priority, owner,
                customerId, segment, openedAt, firstContactDue, resolutionDue, FollowUpState.OPEN, null, null, null,
                null, List.of(),
                List.of(new HistoryEntry(FollowUpAction.OPENED, FollowUpState.OPEN, HistoryEntry.SYSTEM, openedAt,
                        reason)));
    }

    /**
     * Records the first human contact: {@code OPEN → CONTACTED}.
     *
     * @param contact the contact
     * @return the contacted follow-up
     * @throws IllegalTransitionException unless the follow-up is open or if it is erased
     */
    public FollowUp contact(Contact contact) {
        requireMove(FollowUpAction.CONTACTED, FollowUpState.CONTACTED);
        return new FollowUp(id, version + 1, responseId, surveyId, policyId, reason, priority, owner, customerId,
                segment, openedAt, firstContactDue, resolutionDue, FollowUpState.CONTACTED, pausedAt, contact, null,
                null, escalations, append(FollowUpAction.CONTACTED, FollowUpState.CONTACTED, contact.by(),
                contact.at(), contact.note()));
    }

    /**
     * Resolves the follow-up: {@code CONTACTED → RESOLVED}; a pause ends.
     *
     * @param resolution the resolution
     * @return the resolved follow-up
     * @throws IllegalTransitionException unless the follow-up is contacted or if it is erased
     */
    public FollowUp resolve(Resolution resolution) {
        requireMove(FollowUpAction.RESOLVED, FollowUpState.RESOLVED);
        return new FollowUp(id, version + 1, responseId, surveyId, policyId, reason, priority, owner, customerId,
                segment, openedAt, firstContactDue, resolutionDue, FollowUpState.RESOLVED, null, firstContact,
                resolution, null, escalations, append(FollowUpAction.RESOLVED, FollowUpState.RESOLVED,
                resolution.by(), resolution.at(), resolution.note()));
    }

    /**
     * Closes the follow-up without resolution, for example when no contact is possible:
     * {@code OPEN|CONTACTED → CLOSED}; a pause ends.
     *
     * @param closure why, who and when
     * @return the closed follow-up
     * @throws IllegalTransitionException unless the follow-up is open or contacted or if it is erased
     */
    public FollowUp close(Closure closure) {
        requireMove(FollowUpAction.CLOSED, FollowUpState.CLOSED);
        return new FollowUp(id, version + 1, responseId, surveyId, policyId, reason, priority, owner, customerId,
                segment, openedAt, firstContactDue, resolutionDue, FollowUpState.CLOSED, null, firstContact, null,
                closure.reason(), escalations, append(FollowUpAction.CLOSED, FollowUpState.CLOSED, closure.by(),
                closure.at(), closure.note()));
    }

    /**
     * Reopens a resolved or closed follow-up: to {@code CONTACTED} if it was ever contacted, else to {@code OPEN};
     * the resolution and close reason are cleared and the new deadlines apply.
     *
     * @param actor who reopens it
     * @param at when
     * @param note why, or {@code null}
     * @param newFirstContactDue the first-contact deadline from now on (kept as is when already contacted)
     * @param newResolutionDue the resolution deadline from now on, or {@code null}
     * @return the reopened follow-up
     * @throws IllegalTransitionException unless the follow-up is resolved or closed or if it is erased
     */
    public FollowUp reopen(String actor, Instant at, @Nullable String note, Instant newFirstContactDue,
                           @Nullable Instant newResolutionDue) {
        FollowUpState target = firstContact == null ? FollowUpState.OPEN : FollowUpState.CONTACTED;
        requireMove(FollowUpAction.REOPENED, target);
        Instant contactDue = firstContact == null ? newFirstContactDue : firstContactDue;
        return new FollowUp(id, version + 1, responseId, surveyId, policyId, reason, priority, owner, customerId,
                segment, openedAt, contactDue, newResolutionDue, target, null, firstContact, null, null,
                escalations, append(FollowUpAction.REOPENED, target, actor, at, note));
    }

    /**
     * Pauses the deadlines while waiting on the customer.
     *
     * @param actor who pauses
     * @param at when
     * @param note why, or {@code null}
     * @return the paused follow-up
     * @throws IllegalTransitionException unless the follow-up is open or contacted and not paused, or if it is
     *     erased
     */
    public FollowUp pause(String actor, Instant at, @Nullable String note) {
        requireNotErased(FollowUpAction.PAUSED);
        if (state.isDone() || pausedAt != null) {
            throw new IllegalTransitionException(id, state, FollowUpAction.PAUSED,
                    "an open or contacted follow-up that is not paused");
        }
        return new FollowUp(id, version + 1, responseId, surveyId, policyId, reason, priority, owner, customerId,
                segment, openedAt, firstContactDue, resolutionDue, state, at, firstContact, resolution, closeReason,
                escalations, append(FollowUpAction.PAUSED, state, actor, at, note));
    }

    /**
     * Resumes paused deadlines; the caller computes the moved deadlines (see {@link BusinessCalendar}).
     *
     * @param actor who resumes
     * @param at when
     * @param newFirstContactDue the first-contact deadline moved by the paused time
     * @param newResolutionDue the resolution deadline moved by the paused time, or {@code null}
     * @return the running follow-up
     * @throws IllegalTransitionException unless the follow-up is paused, or if it is erased
     */
    public FollowUp resume(String actor, Instant at, Instant newFirstContactDue, @Nullable Instant newResolutionDue) {
        requireNotErased(FollowUpAction.RESUMED);
        if (pausedAt == null) {
            throw new IllegalTransitionException(id, state, FollowUpAction.RESUMED, "a paused follow-up");
        }
        return new FollowUp(id, version + 1, responseId, surveyId, policyId, reason, priority, owner, customerId,
                segment, openedAt, newFirstContactDue, newResolutionDue, state, null, firstContact, resolution,
                closeReason, escalations, append(FollowUpAction.RESUMED, state, actor, at, null));
    }

    /**
     * Records an escalation; the state does not change.
     *
     * @param escalation the escalation
     * @return the escalated follow-up
     * @throws IllegalArgumentException if the same deadline and step was escalated before
     * @throws IllegalTransitionException if the follow-up is erased
     */
    public FollowUp escalate(Escalation escalation) {
        requireNotErased(FollowUpAction.ESCALATED);
        if (isEscalated(escalation.deadline(), escalation.due(), escalation.step())) {
            throw new IllegalArgumentException("follow-up '" + id + "': " + escalation.deadline() + " due "
                    + escalation.due() + " step " + escalation.step() + " is already escalated");
        }
        var all = new ArrayList<>(escalations);
        all.add(escalation);
        return new FollowUp(id, version + 1, responseId, surveyId, policyId, reason, priority, owner, customerId,
                segment, openedAt, firstContactDue, resolutionDue, state, pausedAt, firstContact, resolution,
                closeReason, all, append(FollowUpAction.ESCALATED, state, HistoryEntry.SYSTEM, escalation.at(),
                        escalation.deadline() + " step " + escalation.step() + " to " + escalation.escalatedTo()));
    }

    /**
     * Returns this follow-up after its customer's erasure: the customer id and every note are removed, the close
     * reason becomes {@link #ERASED_TEXT}, and so do a resolution code and a root cause unless they are from the
     * host's taxonomy (free text may be personal; codes from a fixed list are not). The version moves on and an
     * {@link FollowUpAction#ERASED} entry by {@link HistoryEntry#SYSTEM} ends the history; state, deadlines, owner,
     * segment and escalations stay, so metrics do not move. Every later step is refused.
     *
     * @param at when the customer was erased
     * @param resolutionCodes the host's resolution codes, kept as they are; empty when any text is allowed
     * @param rootCauses the host's root causes, kept as they are; empty when any text is allowed
     * @return the erased follow-up, one version higher
     * @throws IllegalTransitionException if the follow-up is already erased
     */
    public FollowUp erased(Instant at, Set<String> resolutionCodes, Set<String> rootCauses) {
        Objects.requireNonNull(at, "at");
        requireNotErased(FollowUpAction.ERASED);
        Resolution keptResolution = resolution == null ? null : new Resolution(
                resolutionCodes.contains(resolution.code()) ? resolution.code() : ERASED_TEXT,
                rootCauses.contains(resolution.rootCause()) ? resolution.rootCause() : ERASED_TEXT,
                resolution.by(), resolution.at(), null);
        var erasedHistory = new ArrayList<HistoryEntry>(history.size() + 1);
        history.forEach(entry -> erasedHistory.add(entry.withoutNote()));
        erasedHistory.add(new HistoryEntry(FollowUpAction.ERASED, state, HistoryEntry.SYSTEM, at, null));
        return new FollowUp(id, version + 1, responseId, surveyId, policyId, reason, priority, owner, null, segment,
                openedAt, firstContactDue, resolutionDue, state, pausedAt,
                firstContact == null ? null : firstContact.withoutNote(), keptResolution,
                closeReason == null ? null : ERASED_TEXT, escalations, erasedHistory);
    }

    /**
     * Returns whether the customer of this follow-up was erased; then it takes no further steps.
     *
     * @return {@code true} if the history ends with an {@link FollowUpAction#ERASED} entry
     */
    public boolean isErased() {
        return history.get(history.size() - 1).action() == FollowUpAction.ERASED;
    }

    /**
     * Returns whether an escalation for a deadline instant and step was already recorded.
     *
     * @param kind the deadline kind
     * @param due the deadline instant
     * @param step the step index
     * @return {@code true} if recorded
     */
    public boolean isEscalated(DeadlineKind kind, Instant due, int step) {
        for (Escalation escalation : escalations) {
            if (escalation.matches(kind, due, step)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Looks up the deadline of one kind.
     *
     * @param kind the deadline kind
     * @return the deadline, or empty when the policy set no resolution deadline
     */
    public Optional<Instant> findDue(DeadlineKind kind) {
        return switch (kind) {
            case FIRST_CONTACT -> Optional.of(firstContactDue);
            case RESOLUTION -> Optional.ofNullable(resolutionDue);
        };
    }

    /**
     * Returns the deadline of one kind; the first-contact deadline always exists.
     *
     * @param kind the deadline kind
     * @return the deadline
     * @throws IllegalStateException if {@code kind} is {@code RESOLUTION} and the policy set no resolution deadline
     */
    public Instant due(DeadlineKind kind) {
        return findDue(kind).orElseThrow(() -> new IllegalStateException("follow-up '" + id
                + "': has no " + kind + " deadline; expected a policy with resolveWithin"));
    }

    /**
     * Returns whether a deadline still has to be met: the follow-up is not paused and, for
     * {@code FIRST_CONTACT}, is open; for {@code RESOLUTION}, is open or contacted and has a resolution deadline.
     *
     * @param kind the deadline kind
     * @return {@code true} if the deadline is pending
     */
    public boolean isPending(DeadlineKind kind) {
        if (pausedAt != null) {
            return false;
        }
        return switch (kind) {
            case FIRST_CONTACT -> state == FollowUpState.OPEN;
            case RESOLUTION -> !state.isDone() && resolutionDue != null;
        };
    }

    /**
     * Returns whether a deadline is pending and has passed.
     *
     * @param kind the deadline kind
     * @param now the current instant
     * @return {@code true} if overdue at {@code now}
     */
    public boolean isOverdue(DeadlineKind kind, Instant now) {
        return isPending(kind) && findDue(kind).map(now::isAfter).orElse(false);
    }

    /**
     * Returns the time from opening to the first contact.
     *
     * @return the duration, or {@code null} before the first contact
     */
    public @Nullable Duration timeToFirstContact() {
        return firstContact == null ? null : Duration.between(openedAt, firstContact.at());
    }

    /**
     * Returns the time from opening to resolution.
     *
     * @return the duration, or {@code null} unless resolved
     */
    public @Nullable Duration timeToResolution() {
        return resolution == null || state != FollowUpState.RESOLVED ? null : Duration.between(openedAt,
                resolution.at());
    }

    /**
     * Returns whether the first contact happened no later than its deadline.
     *
     * @return {@code true} if contacted on time; {@code false} if contacted late or not contacted
     */
    public boolean contactedWithinDeadline() {
        return firstContact != null && !firstContact.at().isAfter(firstContactDue);
    }

    private void requireMove(FollowUpAction action, FollowUpState target) {
        requireNotErased(action);
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException(id, state, action, "one of " + expectedFrom(target));
        }
    }

    private void requireNotErased(FollowUpAction action) {
        if (isErased()) {
            throw new IllegalTransitionException(id, state, action, "a follow-up whose customer was not erased;"
                    + " an erased follow-up takes no further steps");
        }
    }

    private static List<FollowUpState> expectedFrom(FollowUpState target) {
        var from = new ArrayList<FollowUpState>();
        for (FollowUpState candidate : FollowUpState.values()) {
            if (candidate.canMoveTo(target)) {
                from.add(candidate);
            }
        }
        return from;
    }

    private List<HistoryEntry> append(FollowUpAction action, FollowUpState after, String actor, Instant at,
                                      @Nullable String note) {
        var all = new ArrayList<>(history);
        all.add(new HistoryEntry(action, after, actor, at, note));
        return all;
    }
}
