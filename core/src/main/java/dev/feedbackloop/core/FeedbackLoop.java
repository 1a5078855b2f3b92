package dev.feedbackloop.core;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.core.care.CarePlan;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.ThrottlePolicy;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.DidWeRespond;
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
import dev.feedbackloop.core.store.Erasure;
import dev.feedbackloop.core.store.ErasureReport;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.SubmitResult;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.scoring.scorecard.Scorecard;
import dev.feedbackloop.scoring.scorecard.ScorecardSpec;
import dev.feedbackloop.scoring.scorecard.ScorecardTally;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.ResponseValidator;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.validation.ValidationResult;
import dev.feedbackloop.survey.validation.Violation;
import dev.feedbackloop.survey.validation.ViolationCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embeddable feedback loop: registers surveys, captures responses, opens follow-ups by policy, tracks them to
 * closure and reports whether, and how fast, we responded. Built once with {@link #builder()}; thread-safe.
 *
 * <pre>{@code
 * FeedbackLoop loop = FeedbackLoop.builder()
 *         .clock(clock)
 *         .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
 *         .build();
 * loop.register(survey);
 * Receipt receipt = loop.submit(response);
 * DidWeRespond answer = loop.didWeRespond(receipt.responseId());
 * }</pre>
 *
 * <p>Capture: the response id is the idempotency key. {@link #submit(Response)} of the same response again
 * returns an equal receipt and stores nothing; a different response under an existing id is a
 * {@link ResponseConflictException}; an invalid one an {@link InvalidResponseException} with every violation.
 * Storing the response and opening its follow-ups is one atomic step of the {@link FeedbackStore}.
 *
 * <p>Batches: {@link #submitAll(Collection)} captures many responses with one call to the store (one transaction
 * with the JDBC store) and rejects the whole batch if any response is invalid.
 *
 * <p>Events: every write appends its events to the store's outbox in the same step; after the write commits the
 * loop delivers them to the {@link FeedbackListener}s and acknowledges them. When the store reports the entries a
 * submission appended ({@link SubmitResult#appended()}), they are delivered from that report and acknowledged in
 * one step, without polling the outbox; other writes poll. The events of one write are delivered in order; events
 * of writes that race on different threads may reach listeners in either order. Delivery is at least once: an
 * event stays in the outbox until acknowledged, so events left undelivered by a crash between commit and
 * acknowledgement are delivered by the first write of the next loop, or by {@link #deliverPendingEvents()}, before
 * the events of newer writes and in outbox order. Delivery never makes a write fail after it committed: a failure
 * to poll or acknowledge is logged at WARN (without the store's message) and the events are delivered again by a
 * later call; the work of each call is bounded.
 */
public final class FeedbackLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoop.class);
    private static final int OUTBOX_BATCH = 100;
    private static final int MAX_POLLS_PER_CALL = 10;

    private final FeedbackStore store;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final Map<String, FollowUpPolicy> policies;
    private final List<FeedbackListener> listeners;
    private final ResponseValidator validator;
    private final Set<String> resolutionCodes;
    private final Set<String> rootCauses;
    private final ConcurrentHashMap<String, NavigableMap<Integer, Survey>> surveys = new ConcurrentHashMap<>();
    private final ReentrantLock delivery = new ReentrantLock();
    /** Entries appended by writes and reported by the store, not yet delivered; guarded by {@link #delivery}. */
    private final ArrayDeque<OutboxEntry> ready = new ArrayDeque<>();
    /**
     * Whether the outbox may hold entries that no write reported: true at first (a crash may have left some),
     * after a write whose store did not report its entries, and after a failed acknowledgement; guarded by
     * {@link #delivery}.
     */
    private boolean pollNeeded = true;
    /** Writes between their store call and handing their entries to {@link #ready}. */
    private final AtomicInteger writing = new AtomicInteger();
    /**
     * Sequences that a poll delivered while writes were in flight: such a write reports the same entries later and
     * must not deliver them again; guarded by {@link #delivery}, emptied when no write is in flight.
     */
    private final Set<Long> polledWhileWriting = new HashSet<>();
    private final FollowUpTracker followUps;
    private final CareDesk care;
    private final @Nullable ScheduledFuture<?> escalationTask;
    private final SubmissionLimits limits;
    private final SubmissionGuard guard;
    private final boolean hasGuard;
    private final @Nullable Invitations invitations;
    private final InvitationLedger ledger;

    private FeedbackLoop(Builder builder) {
        this.limits = builder.limits;
        this.hasGuard = builder.guard != null;
        this.guard = builder.guard == null ? SubmissionGuard.permitAll() : builder.guard;
        this.invitations = builder.invitations;
        this.ledger = builder.ledger == null ? InvitationLedger.inMemory() : builder.ledger;
        this.store = builder.store == null ? FeedbackStore.inMemory() : builder.store;
        this.clock = builder.clock;
        this.calendar = builder.calendar;
        this.policies = Map.copyOf(builder.policies);
        this.listeners = List.copyOf(builder.listeners);
        this.validator = builder.validator;
        this.resolutionCodes = Set.copyOf(builder.resolutionCodes);
        this.rootCauses = Set.copyOf(builder.rootCauses);
        this.followUps = new FollowUpTracker(this);
        this.care = new CareDesk(this, builder.carePlan, builder.throttle);
        ScheduledExecutorService scheduler = builder.scheduler;
        this.escalationTask = scheduler == null ? null : scheduler.scheduleAtFixedRate(this::escalateQuietly,
                builder.schedulePeriod.toMillis(), builder.schedulePeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts building a loop; every part has a default (in-memory store, system UTC clock, 24/7 calendar, no
     * policies, no listeners).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---- surveys --------------------------------------------------------------------------------------------

    /**
     * Registers a survey version; every version is kept so that older responses stay valid. Registering the same
     * definition again is harmless.
     *
     * @param survey the survey version
     * @throws IllegalArgumentException if a different definition is registered under the same id and version
     */
    public void register(Survey survey) {
        Objects.requireNonNull(survey, "survey");
        Survey existing = surveys.computeIfAbsent(survey.id(), id -> new ConcurrentSkipListMap<>())
                .putIfAbsent(survey.version(), survey);
        if (existing != null && !existing.equals(survey)) {
            throw new IllegalArgumentException("survey " + survey.id() + " v" + survey.version()
                    + " is already registered with a different definition; expected a new version");
        }
    }

    /**
     * Looks up a registered survey version.
     *
     * @param surveyId the survey id
     * @param version the version
     * @return the survey, or empty
     */
    public Optional<Survey> findSurvey(String surveyId, int version) {
        NavigableMap<Integer, Survey> versions = surveys.get(surveyId);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /**
     * Returns every registered version of a survey, oldest first.
     *
     * @param surveyId the survey id
     * @return the versions; empty when none is registered
     */
    public List<Survey> surveyVersions(String surveyId) {
        NavigableMap<Integer, Survey> versions = surveys.get(surveyId);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    // ---- capture --------------------------------------------------------------------------------------------

    /**
     * Captures a response: validates it against its survey version, deduplicates by id, stores it and opens its
     * follow-ups atomically, records a {@code SURVEY_ANSWERED} touch for a known customer, then notifies
     * listeners. Once the response is stored, this returns its receipt: a failure to deliver or acknowledge its
     * events is logged and they are delivered later, never thrown.
     *
     * @param response the response
     * @return the receipt; equal for repeated submissions of the same response
     * @throws InvalidResponseException if the survey version is not registered or the response is invalid;
     *     nothing is stored
     * @throws ResponseConflictException if a different response is stored under the same id; nothing is stored
     * @throws LimitExceededException if a new response exceeds the {@linkplain Builder#limits(SubmissionLimits)
     *     limits} (the per-customer limit is counted by the store, atomically with the write) or the
     *     {@linkplain Builder#submissionGuard(SubmissionGuard) guard} refuses it; nothing is stored
     * @throws FeedbackLoopException if the store fails, for example with a database error; nothing is stored
     */
    public Receipt submit(Response response) {
        Objects.requireNonNull(response, "response");
        if (hasGuard) {
            // the host's guard is never asked about a resubmission, so look before asking it
            Optional<Receipt> existing = findStoredReceipt(response);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Instant now = now();
        Submission submission;
        try {
            submission = prepare(response, now);
        } catch (FeedbackLoopException refusal) {
            // a response stored earlier may be refused now (an earlier validator, a limit it did not exceed
            // then): a resubmission is never refused
            return findStoredReceipt(response).orElseThrow(() -> refusal);
        }
        SubmitResult stored = write(() -> store.submit(submission));
        if (!stored.stored()) {
            writing.decrementAndGet();
            return duplicate(response, stored.response(), stored.followUps());
        }
        LOG.debug("accepted response {} to survey {} v{}, {} follow-up(s)", response.id(), response.surveyId(),
                response.surveyVersion(), submission.followUps().size());
        deliver(List.of(submission), List.of(stored));
        return receipt(stored.response(), stored.followUps());
    }

    /**
     * Captures a batch of responses at once: each is validated, deduplicated by id and stored with its follow-ups
     * as {@link #submit(Response)} would, but the batch goes to the store in one call ({@link FeedbackStore#submitAll
     * (List)}: one transaction with the JDBC and in-memory stores) and its events are delivered together, so large
     * imports pay the store's round trips once per batch instead of once per response.
     *
     * <p>All or nothing on bad input: if any response of the batch is invalid or names an unregistered survey
     * version, the whole batch is rejected with an {@link InvalidBatchException} that carries the violations of
     * every bad response, and nothing is stored. The same goes for a {@link ResponseConflictException} found
     * before storing (an id stored, or repeated within the batch, with a different response) and for a
     * {@link LimitExceededException} (the per-customer limit counts the batch's earlier responses too).
     *
     * <p>Idempotent per response: a response already stored, or repeated within the batch, yields an equal receipt
     * and is stored once. Only if a concurrent submission stores a different response under one of the batch's ids
     * between the check and the write is the conflict found after the rest of the batch was stored; then the
     * {@link ResponseConflictException} names that id, and submitting the batch again without it returns the
     * receipts of the others.
     *
     * @param responses the responses, in the order of the receipts; may be empty
     * @return one receipt per response, in the collection's iteration order
     * @throws InvalidBatchException if a response is invalid or its survey version is not registered; nothing is
     *     stored
     * @throws ResponseConflictException if a response conflicts with a stored one or with another of the batch
     * @throws LimitExceededException if a new response exceeds the limits or the guard refuses it; nothing is
     *     stored
     */
    public List<Receipt> submitAll(Collection<Response> responses) {
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
        Instant now = now();
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
        List<SubmitResult> results = write(() -> store.submitAll(submissions));
        ResponseConflictException conflict = null;
        for (int i = 0; i < results.size(); i++) {
            SubmitResult result = results.get(i);
            Response response = submissions.get(i).response().response();
            if (result.stored() || result.response().response().equals(response)) {
                receipts.put(response.id(), receipt(result.response(), result.followUps()));
            } else if (conflict == null) {
                conflict = new ResponseConflictException(response.id());
            }
        }
        LOG.debug("accepted a batch of {} response(s), {} new", batch.size(), submissions.size());
        deliver(submissions, results);
        if (conflict != null) {
            throw conflict;
        }
        var ordered = new ArrayList<Receipt>(batch.size());
        for (Response response : batch) {
            ordered.add(receipts.get(response.id()));
        }
        return ordered;
    }

    /**
     * Validates a new response, checks the limits and builds what to store; the per-customer limit goes with it as a
     * quota, which the store counts in the same atomic step that stores the response.
     */
    private Submission prepare(Response response, Instant now) {
        Survey survey = validate(response);
        checkLimits(response, now);
        var opened = new ArrayList<FollowUp>();
        for (FollowUpPolicy policy : policies.values()) {
            boolean triggers;
            try {
                triggers = policy.triggers(survey, response);
            } catch (RuntimeException e) {
                throw new FeedbackLoopException("policy '" + policy.id() + "' failed on response '"
                        + response.id() + "'; nothing was stored", e);
            }
            if (triggers) {
                opened.add(policy.open(survey, response, now, calendar));
            }
        }
        opened.sort((a, b) -> a.id().compareTo(b.id()));
        String customerId = response.respondent().customerId();
        var events = new ArrayList<FeedbackEvent>(1 + opened.size());
        events.add(new FeedbackEvent.ResponseAccepted(response.id(), response.surveyId(), response.surveyVersion(),
                customerId, now));
        for (FollowUp followUp : opened) {
            events.add(new FeedbackEvent.FollowUpOpened(followUp.id(), followUp.responseId(), followUp.ruleId(),
                    followUp.owner(), followUp.priority(), followUp.firstContactDue(), customerId, now));
        }
        List<Touch> touches = customerId == null ? List.of()
                : List.of(Touch.survey(customerId, TouchKind.SURVEY_ANSWERED, now, response.surveyId()));
        Customer customer = customerId == null ? null : Customer.of(customerId, response.respondent().attributes());
        CustomerQuota quota = customerId == null || !limits.limitsResponsesPerCustomer() ? null
                : new CustomerQuota(limits.maxResponsesPerCustomer(), limits.window(), now);
        return new Submission(new StoredResponse(response, now), opened, touches, customer, events, quota);
    }

    /** Returns the survey version of a response after validating the response against it. */
    private Survey validate(Response response) {
        Survey survey = findSurvey(response.surveyId(), response.surveyVersion())
                .orElseThrow(() -> new InvalidResponseException(response.id(), List.of(unknownSurvey(response))));
        ValidationResult result = validator.validate(survey, response);
        if (!result.isValid()) {
            throw new InvalidResponseException(response.id(), result.violations());
        }
        return survey;
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

    /**
     * Captures a response that arrives with a signed invitation token: verifies the token, binds the response to
     * the invited customer, redeems the token and {@linkplain #submit(Response) submits} the response.
     *
     * <p>The respondent comes from the token (its customer id and attributes), never from the request: any
     * respondent the response names is replaced. The token is checked in this order: shape, key, signature
     * (compared in constant time), expiry at the loop's clock (exclusive), survey, then redemption in the
     * {@linkplain Builder#invitationLedger(InvitationLedger) ledger}. A response that is not stored does not spend the
     * token: validation, limits and conflicts with a stored response are checked before the redemption, and a
     * failure while storing (a limit counted by the store, a conflict with a concurrent submission, a database
     * failure) undoes it. A token redeems exactly one response id: submitting the same response again with its token
     * is safe and returns an equal receipt; another response with a used token is refused.
     *
     * @param response the response, whose respondent is ignored
     * @param invitationToken the token from the invitation link
     * @return the receipt
     * @throws InvitationException if the token is malformed, signed under an unknown key, not authentic, expired,
     *     for another survey or already used by another response; nothing is stored
     * @throws InvalidResponseException if the survey version is not registered or the response is invalid
     * @throws ResponseConflictException if a different response is stored under the same id
     * @throws LimitExceededException if a limit or the guard refuses the response
     * @throws IllegalStateException if the loop was built without {@link Builder#invitations(Invitations)}
     */
    public Receipt submit(Response response, String invitationToken) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(invitationToken, "invitationToken");
        if (invitations == null) {
            throw new IllegalStateException("submit with a token: no invitations are configured; expected "
                    + "FeedbackLoop.builder().invitations(...)");
        }
        Instant now = now();
        Invitation invitation = invitations.verify(invitationToken, response.surveyId(), now);
        Response bound = new Response(response.id(), response.surveyId(), response.surveyVersion(),
                invitation.respondent(), response.submittedAt(), response.channel(), response.answers(),
                response.shownOrder());
        Optional<StoredResponse> stored = store.findResponse(bound.id());
        if (stored.isEmpty()) {
            validate(bound);
            checkLimits(bound, now);
        } else if (!stored.get().response().equals(bound)) {
            // refused before the token is touched: a conflict must not spend it
            throw new ResponseConflictException(bound.id());
        }
        String holder = ledger.redeem(invitation.tokenId(), bound.id(), invitation.expiresAt(), now);
        if (!holder.equals(bound.id())) {
            throw new InvitationException(InvitationException.Reason.ALREADY_USED, invitation.tokenId(),
                    "the token was already used by another response; expected an unused token");
        }
        LOG.debug("invitation {} redeemed by response {}", invitation.tokenId(), bound.id());
        try {
            return submit(bound);
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
        boolean permitted;
        try {
            permitted = guard.permits(response, now);
        } catch (LimitExceededException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FeedbackLoopException("submission guard failed on response '" + response.id()
                    + "'; nothing was stored", e);
        }
        if (!permitted) {
            throw new LimitExceededException(LimitExceededException.Limit.HOST_GUARD, response.id(),
                    "the host's submission guard refused it");
        }
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

    private static Receipt receipt(StoredResponse response, List<FollowUp> followUps) {
        return new Receipt(response.id(), response.response().surveyId(), response.response().surveyVersion(),
                response.receivedAt(), followUps.stream().map(FollowUp::id).sorted().toList());
    }

    /**
     * Looks up a stored response.
     *
     * @param responseId the response id
     * @return the stored response, or empty
     */
    public Optional<StoredResponse> findResponse(String responseId) {
        return store.findResponse(Objects.requireNonNull(responseId, "responseId"));
    }

    /**
     * Streams every stored response of a survey (all versions), in order of receipt, without holding them all
     * in memory; feed them to the scoring module's tallies or scorecards.
     *
     * @param surveyId the survey id
     * @param action called once per response
     */
    public void forEachResponse(String surveyId, Consumer<Response> action) {
        Objects.requireNonNull(action, "action");
        store.forEachResponse(surveyId, stored -> action.accept(stored.response()));
    }

    /**
     * Streams every stored follow-up, in order of opening then id, without holding them all in memory; for exports
     * and reports. The action must not call back into the loop.
     *
     * @param action called once per follow-up
     */
    public void forEachFollowUp(Consumer<FollowUp> action) {
        store.forEachFollowUp(Objects.requireNonNull(action, "action"));
    }

    /**
     * Scores the stored responses of a survey, streaming them from the store into the scoring module's
     * {@link ScorecardTally}: memory does not grow with the number of responses. Responses to versions the spec
     * does not pool are left out.
     *
     * <pre>{@code
     * Scorecard card = loop.scorecard(ScorecardSpec.builder(survey).groupBy("plan").period(Period.MONTH).build());
     * }</pre>
     *
     * @param spec what to score and how to group it
     * @return the scorecard
     */
    public Scorecard scorecard(ScorecardSpec spec) {
        Objects.requireNonNull(spec, "spec");
        ScorecardTally tally = spec.newTally();
        Set<Integer> versions = Set.copyOf(spec.versions());
        store.forEachResponse(spec.survey().id(), stored -> {
            if (versions.contains(stored.response().surveyVersion())) {
                tally.add(stored.response());
            }
        });
        return tally.result();
    }

    // ---- follow-ups and care --------------------------------------------------------------------------------

    /**
     * Returns the follow-up tracker: lifecycle steps, queries, escalation and metrics.
     *
     * @return the tracker, thread-safe
     */
    public FollowUpTracker followUps() {
        return followUps;
    }

    /**
     * Answers "did we respond to this response?".
     *
     * @param responseId the response id
     * @return whether it needed an answer, whether and when someone responded, and whether on time
     * @throws NotFoundException if no such response is stored
     */
    public DidWeRespond didWeRespond(String responseId) {
        return followUps.didWeRespond(responseId);
    }

    /**
     * Returns the care desk: customers, touches, care-plan reports and survey throttling.
     *
     * @return the care desk, thread-safe
     */
    public CareDesk care() {
        return care;
    }

    // ---- privacy --------------------------------------------------------------------------------------------

    /**
     * Removes every personal trace of a customer: the customer id on responses and follow-ups, free-text answers,
     * "other" texts, follow-up notes, close reasons, resolution codes and root causes that are not from the
     * {@linkplain Builder#taxonomy(Set, Set) taxonomy}, touches, the customer record and pending events about them.
     * Ratings, choices and segment attributes stay, so historical scores do not move. A response resubmitted after
     * its customer was erased no longer equals the stored one and is refused as a conflict.
     *
     * <p>Once this returns, nothing can write the customer's data back: each follow-up moves one version on, so a
     * step prepared before the erasure fails with a
     * {@link dev.feedbackloop.core.followup.VersionConflictException}, and every later step on it is refused with an
     * {@link dev.feedbackloop.core.followup.IllegalTransitionException} (escalation passes it by).
     *
     * @param customerId the customer id
     * @return what was changed
     */
    public ErasureReport eraseCustomer(String customerId) {
        ErasureReport report = store.eraseCustomer(new Erasure(Objects.requireNonNull(customerId, "customerId"), now(),
                resolutionCodes, rootCauses));
        LOG.info("erased a customer: {} responses, {} follow-ups, {} touches anonymised or deleted",
                report.responses(), report.followUps(), report.touches());
        return report;
    }

    // ---- events ---------------------------------------------------------------------------------------------

    /**
     * Delivers pending outbox events to the listeners and acknowledges them, oldest first. Called after every write
     * that does not report its outbox entries, and by the first write of a loop; call it at start-up to deliver
     * events that a crash left behind, and periodically when several processes share a store. A listener that
     * throws is logged at WARN and skipped. Calls from a listener return at once (the outer delivery picks up the
     * new events).
     *
     * <p>The work of one call is bounded: it delivers at most 10 polls of 100 entries (the rest waits for the next
     * call), and it stops when the store returns entries that this call acknowledged (a store that does not remove
     * them) instead of delivering them again and again. A failure to acknowledge is logged at WARN; the entries stay
     * in the outbox and are delivered again later.
     *
     * @return the number of events delivered
     * @throws FeedbackLoopException if the store cannot be polled; nothing is lost, the events stay in the outbox
     */
    public int deliverPendingEvents() {
        if (delivery.isHeldByCurrentThread()) {
            pollNeeded = true;
            return 0;
        }
        delivery.lock();
        try {
            pollNeeded = true;
            return drain();
        } finally {
            delivery.unlock();
        }
    }

    /**
     * Delivers pending events after a write that committed: a failure of the store here is logged at WARN and
     * does not reach the caller, whose write is stored; its events are delivered by a later call.
     */
    void deliverAfterWrite() {
        try {
            deliverPendingEvents();
        } catch (RuntimeException e) {
            deliveryFailed("poll", e);
        }
    }

    /** Runs a store write that reports its outbox entries; the caller then hands them to {@link #deliver}. */
    private <T> T write(Supplier<T> store) {
        writing.incrementAndGet();
        try {
            return store.get();
        } catch (RuntimeException | Error e) {
            writing.decrementAndGet();
            throw e;
        }
    }

    /**
     * Delivers the events that a write appended to the outbox, straight from what the store reported, then
     * acknowledges them in one step: no poll. Falls back to polling when the store does not report every entry.
     * Ends the write begun by {@link #write}. Never throws: the write committed, so a failure of delivery is logged
     * and the events stay in the outbox for a later call.
     */
    private void deliver(List<Submission> submissions, List<SubmitResult> results) {
        var appended = new ArrayList<OutboxEntry>();
        boolean complete = true;
        for (int i = 0; i < results.size(); i++) {
            SubmitResult result = results.get(i);
            if (result.stored()) {
                appended.addAll(result.appended());
                complete &= result.appended().size() == submissions.get(i).events().size();
            }
        }
        if (delivery.isHeldByCurrentThread()) {
            // a listener wrote: the outer delivery delivers these after the current event
            handOver(appended, complete);
            return;
        }
        delivery.lock();
        try {
            handOver(appended, complete);
            drain();
        } catch (RuntimeException e) {
            pollNeeded = true;
            deliveryFailed("poll", e);
        } finally {
            delivery.unlock();
        }
    }

    /** Queues a write's entries, except those a poll already delivered, and ends the write; under the lock. */
    private void handOver(List<OutboxEntry> appended, boolean complete) {
        for (OutboxEntry entry : appended) {
            if (polledWhileWriting.isEmpty() || !polledWhileWriting.remove(entry.sequence())) {
                ready.add(entry);
            }
        }
        pollNeeded |= !complete;
        if (writing.decrementAndGet() == 0) {
            polledWhileWriting.clear();
        }
    }

    /**
     * Delivers and acknowledges pending entries; called with the delivery lock held. When a poll is needed, the
     * outbox is polled first, so that entries left by a crash or a failed acknowledgement reach listeners before
     * newer ones, in sequence order; ready entries that a poll delivered are dropped from the queue. Then the ready
     * entries. Bounded: at most {@link #MAX_POLLS_PER_CALL} polls (then the ready entries wait for the next call, so
     * that they never overtake older ones), and a stop when the store returns an entry this call acknowledged. A
     * failed acknowledgement ends the call: its entries stay in the outbox for the next poll.
     *
     * @throws RuntimeException if the store cannot be polled
     */
    private int drain() {
        int delivered = 0;
        int polls = 0;
        var acknowledged = new HashSet<Long>();
        while (true) {
            List<OutboxEntry> batch;
            if (pollNeeded) {
                if (polls == MAX_POLLS_PER_CALL) {
                    // older entries may be left: the ready ones wait in the queue, and in the outbox, until then
                    return delivered;
                }
                polls++;
                if (writing.get() == 0) {
                    polledWhileWriting.clear();
                }
                batch = store.pollOutbox(OUTBOX_BATCH);
                if (batch.isEmpty()) {
                    pollNeeded = false;
                    continue;
                }
                if (batch.stream().anyMatch(entry -> acknowledged.contains(entry.sequence()))) {
                    LOG.warn("the store returned outbox entries that were acknowledged; delivery stops until the next"
                            + " call instead of repeating them");
                    pollNeeded = false;
                    continue;
                }
                if (!ready.isEmpty()) {
                    var polled = new HashSet<Long>();
                    batch.forEach(entry -> polled.add(entry.sequence()));
                    ready.removeIf(entry -> polled.contains(entry.sequence()));
                }
                if (writing.get() > 0) {
                    // a write in flight may have appended some of these; it must not deliver them again
                    batch.forEach(entry -> polledWhileWriting.add(entry.sequence()));
                }
            } else if (!ready.isEmpty()) {
                batch = new ArrayList<>(ready);
                ready.clear();
            } else {
                return delivered;
            }
            var sequences = new ArrayList<Long>(batch.size());
            for (OutboxEntry entry : batch) {
                notifyListeners(entry);
                sequences.add(entry.sequence());
            }
            delivered += batch.size();
            try {
                store.acknowledge(sequences);
            } catch (RuntimeException e) {
                // the entries stay in the outbox; a later call polls for them (at least once)
                ready.clear();
                pollNeeded = true;
                deliveryFailed("acknowledge " + sequences.size() + " delivered event(s) of", e);
                return delivered;
            }
            acknowledged.addAll(sequences);
        }
    }

    /**
     * Logs a failure of delivery at WARN with the exception's type only (a store's message may quote personal
     * data), and the exception itself at DEBUG.
     */
    private static void deliveryFailed(String what, RuntimeException e) {
        LOG.warn("could not {} the outbox ({}); the events stay in the outbox and are delivered by a later call",
                what, e.getClass().getName());
        LOG.debug("outbox delivery failed", e);
    }

    private void notifyListeners(OutboxEntry entry) {
        for (FeedbackListener listener : listeners) {
            try {
                listener.onEvent(entry.event());
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed on event {} #{}; skipped", listener.getClass().getName(),
                        entry.event().getClass().getSimpleName(), entry.sequence(), e);
            }
        }
    }

    private void escalateQuietly() {
        try {
            followUps.escalateOverdue(now());
        } catch (RuntimeException e) {
            LOG.warn("scheduled escalation failed; will retry on the next run", e);
        }
    }

    /**
     * Stops the escalation schedule, if one was handed in; the host's executor itself is left running.
     */
    @Override
    public void close() {
        if (escalationTask != null) {
            escalationTask.cancel(false);
        }
    }

    // ---- for the tracker and care desk ----------------------------------------------------------------------

    FeedbackStore store() {
        return store;
    }

    /** Returns the clock's instant at microsecond precision, the finest that SQL databases keep. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    BusinessCalendar calendar() {
        return calendar;
    }

    Optional<FollowUpPolicy> policy(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    Set<String> resolutionCodes() {
        return resolutionCodes;
    }

    Set<String> rootCauses() {
        return rootCauses;
    }

    /**
     * Builds a {@link FeedbackLoop}; each setter validates at once; not thread-safe.
     */
    public static final class Builder {

        private @Nullable FeedbackStore store;
        private Clock clock = Clock.systemUTC();
        private BusinessCalendar calendar = BusinessCalendar.always();
        private final Map<String, FollowUpPolicy> policies = new LinkedHashMap<>();
        private final List<FeedbackListener> listeners = new ArrayList<>();
        private ResponseValidator validator = ResponseValidator.standard();
        private CarePlan carePlan = CarePlan.standard();
        private ThrottlePolicy throttle = ThrottlePolicy.standard();
        private Set<String> resolutionCodes = Set.of();
        private Set<String> rootCauses = Set.of();
        private @Nullable ScheduledExecutorService scheduler;
        private Duration schedulePeriod = Duration.ofMinutes(5);
        private SubmissionLimits limits = SubmissionLimits.standard();
        private @Nullable SubmissionGuard guard;
        private @Nullable Invitations invitations;
        private @Nullable InvitationLedger ledger;

        private Builder() {
        }

        /**
         * Sets the limits on submissions; default {@link SubmissionLimits#standard()}.
         *
         * @param value the limits
         * @return this builder
         */
        public Builder limits(SubmissionLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * Sets the host's hook that may refuse a new response, for rate limits of its own; default
         * {@link SubmissionGuard#permitAll()}.
         *
         * @param value the guard
         * @return this builder
         */
        public Builder submissionGuard(SubmissionGuard value) {
            this.guard = Objects.requireNonNull(value, "guard");
            return this;
        }

        /**
         * Enables {@link FeedbackLoop#submit(Response, String) submission with signed invitation tokens}, verified
         * with these keys; default none.
         *
         * @param value the issuer and verifier of tokens
         * @return this builder
         */
        public Builder invitations(Invitations value) {
            this.invitations = Objects.requireNonNull(value, "invitations");
            return this;
        }

        /**
         * Sets where redeemed tokens are recorded; default a new {@link InvitationLedger#inMemory() in-memory}
         * ledger, which forgets on restart. With a durable store, give a durable ledger
         * ({@link InvitationLedger#jdbc(javax.sql.DataSource)} on the same database) so that a token stays used
         * across restarts.
         *
         * @param value the ledger
         * @return this builder
         */
        public Builder invitationLedger(InvitationLedger value) {
            this.ledger = Objects.requireNonNull(value, "ledger");
            return this;
        }

        /**
         * Sets the store; default a new in-memory store.
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(FeedbackStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Sets the clock that stamps receipts, follow-ups and touches; default the system UTC clock. Its instants
         * are kept at microsecond precision, the finest that SQL databases store.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the calendar in which follow-up deadlines count working time; default 24/7.
         *
         * @param value the calendar
         * @return this builder
         */
        public Builder calendar(BusinessCalendar value) {
            this.calendar = Objects.requireNonNull(value, "calendar");
            return this;
        }

        /**
         * Adds a follow-up policy.
         *
         * @param policy the policy
         * @return this builder
         * @throws IllegalArgumentException if a policy with the same id was added
         */
        public Builder followUpPolicy(FollowUpPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            if (policies.putIfAbsent(policy.id(), policy) != null) {
                throw new IllegalArgumentException("followUpPolicy: id '" + policy.id() + "' is already used");
            }
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(FeedbackListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets the response validator; default {@link ResponseValidator#standard()}.
         *
         * @param value the validator
         * @return this builder
         */
        public Builder validator(ResponseValidator value) {
            this.validator = Objects.requireNonNull(value, "validator");
            return this;
        }

        /**
         * Sets the care plan; default {@link CarePlan#standard()}.
         *
         * @param value the plan
         * @return this builder
         */
        public Builder carePlan(CarePlan value) {
            this.carePlan = Objects.requireNonNull(value, "carePlan");
            return this;
        }

        /**
         * Sets survey throttling; default {@link ThrottlePolicy#standard()}.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder throttle(ThrottlePolicy value) {
            this.throttle = Objects.requireNonNull(value, "throttle");
            return this;
        }

        /**
         * Restricts resolution codes and root causes to a host-defined taxonomy; default any non-blank text.
         *
         * @param codes the allowed resolution codes; empty for any
         * @param causes the allowed root causes; empty for any
         * @return this builder
         */
        public Builder taxonomy(Set<String> codes, Set<String> causes) {
            this.resolutionCodes = Set.copyOf(codes);
            this.rootCauses = Set.copyOf(causes);
            return this;
        }

        /**
         * Runs {@link FollowUpTracker#escalateOverdue(Instant)} periodically on the host's scheduler, until
         * {@link FeedbackLoop#close()}; default none (the host calls it).
         *
         * @param executor the host's scheduler
         * @param period how often; positive
         * @return this builder
         */
        public Builder escalationSchedule(ScheduledExecutorService executor, Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period: " + period + " is not positive");
            }
            this.scheduler = Objects.requireNonNull(executor, "executor");
            this.schedulePeriod = period;
            return this;
        }

        /**
         * Builds the loop.
         *
         * @return the loop
         */
        public FeedbackLoop build() {
            return new FeedbackLoop(this);
        }
    }
}
