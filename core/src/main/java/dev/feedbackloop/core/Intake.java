package dev.feedbackloop.core;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.invitation.Invitation;
import dev.feedbackloop.core.invitation.InvitationException;
import dev.feedbackloop.core.invitation.InvitationLedger;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.limit.SubmissionGuard;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.core.store.CustomerQuota;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.core.store.SubmitResult;
import dev.feedbackloop.core.store.internal.ReportingStore;
import dev.feedbackloop.core.store.internal.ReportingStore.Submitted;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.ResponseValidator;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.validation.ValidationResult;
import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capture: turns responses into what the store keeps, through one path for single responses, batches and responses
 * with an invitation token. Thread-safe.
 *
 * <p>Design note: {@link #prepare} is the only place that decides whether a new response is accepted (survey
 * version, validation, limits, the host's guard) and what it opens (follow-ups by policy, touch, customer, events,
 * quota); every entry point looks up what is stored first only where a resubmission must never be refused or the
 * guard must not see it, then prepares, then writes through the {@link OutboxRelay}.
 */
final class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoop.class);

    private final FeedbackStore store;
    private final OutboxRelay relay;
    private final SurveyRegistry surveys;
    private final ResponseValidator validator;
    private final SubmissionLimits limits;
    private final @Nullable SubmissionGuard guard;
    private final List<FollowUpPolicy> policies;
    private final BusinessCalendar calendar;
    private final Supplier<Instant> clock;
    private final @Nullable Invitations invitations;
    private final InvitationLedger ledger;

    Intake(FeedbackStore store, OutboxRelay relay, SurveyRegistry surveys, ResponseValidator validator,
           SubmissionLimits limits, @Nullable SubmissionGuard guard, List<FollowUpPolicy> policies,
           BusinessCalendar calendar, Supplier<Instant> clock, @Nullable Invitations invitations,
           InvitationLedger ledger) {
        this.store = store;
        this.relay = relay;
        this.surveys = surveys;
        this.validator = validator;
        this.limits = limits;
        this.guard = guard;
        this.policies = List.copyOf(policies);
        this.calendar = calendar;
        this.clock = clock;
        this.invitations = invitations;
        this.ledger = ledger;
    }

    /** See {@link FeedbackLoop#submit(Response)}. */
    Receipt submit(Response response) {
        Objects.requireNonNull(response, "response");
        if (guard != null) {
            // the host's guard is never asked about a resubmission, so look before asking it
            Optional<Receipt> existing = findStoredReceipt(response);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Submission submission;
        try {
            submission = prepare(response, clock.get());
        } catch (FeedbackLoopException refusal) {
            // a response stored earlier may be refused now (an earlier validator, a limit it did not exceed
            // then): a resubmission is never refused
            return findStoredReceipt(response).orElseThrow(() -> refusal);
        }
        return write(submission);
    }

    /** See {@link FeedbackLoop#submitAll(Collection)}. */
    List<Receipt> submitAll(Collection<Response> responses) {
        List<Response> batch = List.copyOf(responses);
        if (batch.isEmpty()) {
            return List.of();
        }
        var unique = new LinkedHashMap<String, Response>();
        for (Response response : batch) {
            Response first = unique.putIfAbsent(response.id(), response);
            if (first != null && !first.equals(response)) {
                throw new ResponseConflictException(response.id(), "appears twice in the batch with different"
                        + " contents; expected the same response or a new id");
            }
        }
        Map<String, StoredResponse> existing = store.findResponses(unique.keySet());
        for (StoredResponse stored : existing.values()) {
            if (!stored.response().equals(unique.get(stored.id()))) {
                throw new ResponseConflictException(stored.id());
            }
        }
        Instant now = clock.get();
        var rejected = new TreeMap<Integer, InvalidResponseException>();
        var submissions = new ArrayList<Submission>(unique.size());
        int position = 0;
        var seen = new HashSet<String>();
        for (Response response : batch) {
            int at = position++;
            if (existing.containsKey(response.id()) || !seen.add(response.id())) {
                continue;
            }
            try {
                submissions.add(prepare(response, now));
            } catch (InvalidResponseException e) {
                rejected.put(at, e);
            }
        }
        if (!rejected.isEmpty()) {
            throw new InvalidBatchException(rejected);
        }
        var receipts = new HashMap<String, Receipt>();
        existing.forEach((id, stored) -> receipts.put(id, receipt(stored, store.followUpsOfResponse(id))));
        List<Submitted> results = relay.write(acknowledge -> store(submissions, acknowledge),
                stored -> appended(submissions, stored));
        ResponseConflictException conflict = null;
        for (int i = 0; i < results.size(); i++) {
            SubmitResult result = results.get(i).result();
            Response response = submissions.get(i).response().response();
            if (result.stored() || result.response().response().equals(response)) {
                receipts.put(response.id(), receipt(result.response(), result.followUps()));
            } else if (conflict == null) {
                conflict = new ResponseConflictException(response.id());
            }
        }
        LOG.debug("accepted a batch of {} response(s), {} new", batch.size(), submissions.size());
        if (conflict != null) {
            throw conflict;
        }
        var ordered = new ArrayList<Receipt>(batch.size());
        for (Response response : batch) {
            ordered.add(receipts.get(response.id()));
        }
        return ordered;
    }

    /** See {@link FeedbackLoop#submit(Response, String)}. */
    Receipt submit(Response response, String invitationToken) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(invitationToken, "invitationToken");
        if (invitations == null) {
            throw new IllegalStateException("submit with a token: no invitations are configured; expected "
                    + "FeedbackLoop.builder().invitations(...)");
        }
        Instant now = clock.get();
        Invitation invitation = invitations.verify(invitationToken, response.surveyId(), now);
        Response bound = new Response(response.id(), response.surveyId(), response.surveyVersion(),
                invitation.respondent(), response.submittedAt(), response.channel(), response.answers(),
                response.shownOrder());
        // everything that can refuse the response is checked before the token is touched, so that a refusal does
        // not spend it; a resubmission of the stored response is never refused
        Optional<StoredResponse> stored = store.findResponse(bound.id());
        Submission submission = null;
        if (stored.isEmpty()) {
            submission = prepare(bound, now);
        } else if (!stored.get().response().equals(bound)) {
            throw new ResponseConflictException(bound.id());
        }
        String holder = ledger.redeem(invitation.tokenId(), bound.id(), invitation.expiresAt(), now);
        if (!holder.equals(bound.id())) {
            throw new InvitationException(InvitationException.Reason.ALREADY_USED, invitation.tokenId(),
                    "the token was already used by another response; expected an unused token");
        }
        LOG.debug("invitation {} redeemed by response {}", invitation.tokenId(), bound.id());
        if (submission == null) {
            return receipt(stored.get(), store.followUpsOfResponse(bound.id()));
        }
        try {
            return write(submission);
        } catch (RuntimeException | Error e) {
            releaseUnlessStored(invitation, bound, e);
            throw e;
        }
    }

    /**
     * Undoes the redemption of a token whose response could not be stored (a limit, a conflict found while writing,
     * a database failure), so that the customer's next answer is not refused as already used. The redemption stays
     * when the response is stored after all, by this call or a concurrent identical one.
     */
    private void releaseUnlessStored(Invitation invitation, Response bound, Throwable failure) {
        try {
            Optional<StoredResponse> stored = store.findResponse(bound.id());
            if (stored.isEmpty() || !stored.get().response().equals(bound)) {
                ledger.release(invitation.tokenId(), bound.id());
                LOG.debug("invitation {} released: response {} was not stored", invitation.tokenId(), bound.id());
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Writes one prepared submission through the relay and returns its receipt, or the receipt of the same response
     * stored meanwhile.
     *
     * @throws ResponseConflictException if a different response was stored under its id meanwhile
     */
    private Receipt write(Submission submission) {
        Response response = submission.response().response();
        SubmitResult stored = relay.write(acknowledge -> store(List.of(submission), acknowledge),
                results -> appended(List.of(submission), results)).get(0).result();
        if (!stored.stored()) {
            return duplicate(response, stored.response(), stored.followUps());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("accepted response {} to survey {} v{}, {} follow-up(s)", response.id(), response.surveyId(),
                    response.surveyVersion(), submission.followUps().size());
        }
        return receipt(stored.response(), stored.followUps());
    }

    /**
     * Stores submissions, one through {@link FeedbackStore#submit} and more through {@link FeedbackStore#submitAll};
     * a store of the library's that reports what it appended to the outbox does so, and acknowledges delivered
     * entries in the same step (the relay gives others none).
     */
    private List<Submitted> store(List<Submission> submissions, List<Long> acknowledge) {
        if (store instanceof ReportingStore reporting) {
            return reporting.submitAndReport(submissions, acknowledge);
        }
        List<SubmitResult> results = submissions.size() == 1 ? List.of(store.submit(submissions.get(0)))
                : store.submitAll(submissions);
        return results.stream().map(Submitted::unreported).toList();
    }

    /** What the store reported it appended for the stored submissions; complete if it reported every event. */
    private static OutboxRelay.Appended appended(List<Submission> submissions, List<Submitted> results) {
        var entries = new ArrayList<OutboxEntry>();
        boolean complete = true;
        for (int i = 0; i < results.size(); i++) {
            Submitted submitted = results.get(i);
            if (submitted.result().stored()) {
                entries.addAll(submitted.appended());
                complete &= submitted.appended().size() == submissions.get(i).events().size();
            }
        }
        return new OutboxRelay.Appended(entries, complete);
    }

    /**
     * Validates a new response, checks the limits and the guard and builds what to store; the per-customer limit
     * goes with it as a quota, which the store counts in the same atomic step that stores the response.
     *
     * @throws InvalidResponseException if the survey version is not registered or the response is invalid
     * @throws LimitExceededException if a limit or the guard refuses it
     * @throws HostCallbackException if a policy or the guard fails
     */
    private Submission prepare(Response response, Instant now) {
        Survey survey = surveys.find(response.surveyId(), response.surveyVersion())
                .orElseThrow(() -> new InvalidResponseException(response.id(), List.of(unknownSurvey(response))));
        ValidationResult result = validator.validate(survey, response);
        if (!result.isValid()) {
            throw new InvalidResponseException(response.id(), result.violations());
        }
        checkLimits(response, now);
        var opened = new ArrayList<FollowUp>();
        for (FollowUpPolicy policy : policies) {
            try {
                if (policy.triggers(survey, response)) {
                    // opening asks the policy's owner rule
                    opened.add(policy.open(survey, response, now, calendar));
                }
            } catch (RuntimeException e) {
                throw new HostCallbackException(HostCallbackException.Callback.FOLLOW_UP_POLICY,
                        "policy '" + policy.id() + "'", response.id(), e);
            }
        }
        opened.sort((a, b) -> a.id().compareTo(b.id()));
        String customerId = response.respondent().customerId();
        var events = new ArrayList<FeedbackEvent>(1 + opened.size());
        events.add(new FeedbackEvent.ResponseAccepted(response.id(), response.surveyId(), response.surveyVersion(),
                customerId, now));
        for (FollowUp followUp : opened) {
            events.add(new FeedbackEvent.FollowUpOpened(followUp.id(), followUp.responseId(), followUp.policyId(),
                    followUp.owner(), followUp.priority(), followUp.firstContactDue(), customerId, now));
        }
        List<Touch> touches = customerId == null ? List.of()
                : List.of(Touch.survey(customerId, TouchKind.SURVEY_ANSWERED, now, response.surveyId()));
        Customer customer = customerId == null ? null : Customer.of(customerId, response.respondent().attributes());
        CustomerQuota quota = customerId == null || !limits.limitsResponsesPerCustomer() ? null
                : new CustomerQuota(limits.maxResponsesPerCustomer(), limits.window(), now);
        return new Submission(new StoredResponse(response, now), opened, touches, customer, events, quota);
    }

    /** Checks the limits that need no store: text lengths, attributes and the host's guard. */
    private void checkLimits(Response response, Instant now) {
        for (var entry : response.answers().entrySet()) {
            Answer answer = entry.getValue();
            String text = answer instanceof Answer.Text t ? t.text()
                    : answer instanceof Answer.Choice c ? c.otherText() : null;
            if (text != null && text.codePointCount(0, text.length()) > limits.maxTextLength()) {
                throw new LimitExceededException(LimitExceededException.Limit.TEXT_LENGTH, response.id(),
                        "answers." + entry.getKey() + ": " + text.codePointCount(0, text.length())
                                + " code points, expected at most " + limits.maxTextLength());
            }
        }
        int attributes = response.respondent().attributes().size();
        if (attributes > limits.maxAttributes()) {
            throw new LimitExceededException(LimitExceededException.Limit.ATTRIBUTES, response.id(),
                    "respondent.attributes: " + attributes + " attributes, expected at most " + limits.maxAttributes());
        }
        if (guard == null) {
            return;
        }
        boolean permitted;
        try {
            permitted = guard.permits(response, now);
        } catch (LimitExceededException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HostCallbackException(HostCallbackException.Callback.SUBMISSION_GUARD, "submission guard",
                    response.id(), e);
        }
        if (!permitted) {
            throw new LimitExceededException(LimitExceededException.Limit.HOST_GUARD, response.id(),
                    "the host's submission guard refused it");
        }
    }

    /**
     * Returns the receipt of the response if it is already stored, or empty.
     *
     * @throws ResponseConflictException if a different response is stored under its id
     */
    private Optional<Receipt> findStoredReceipt(Response response) {
        return store.findResponse(response.id())
                .map(existing -> duplicate(response, existing, store.followUpsOfResponse(response.id())));
    }

    private static Violation unknownSurvey(Response response) {
        return Violation.of("surveyVersion", ViolationCode.WRONG_VERSION, "survey " + response.surveyId() + " v"
                + response.surveyVersion() + " is not registered; register(survey) before submitting");
    }

    private static Receipt duplicate(Response response, StoredResponse existing, List<FollowUp> followUps) {
        if (!existing.response().equals(response)) {
            throw new ResponseConflictException(response.id());
        }
        LOG.debug("response {} was already stored; returning its receipt", response.id());
        return receipt(existing, followUps);
    }

    static Receipt receipt(StoredResponse response, List<FollowUp> followUps) {
        return new Receipt(response.id(), response.response().surveyId(), response.response().surveyVersion(),
                response.receivedAt(), followUps.isEmpty() ? List.of()
                        : followUps.stream().map(FollowUp::id).sorted().toList());
    }
}
