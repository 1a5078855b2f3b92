package dev.feedbackloop.core;

import dev.feedbackloop.FeedbackLoopException;
import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.core.care.CareDesk;
import dev.feedbackloop.core.care.CarePlan;
import dev.feedbackloop.core.care.ThrottlePolicy;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.DidWeRespond;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpTracker;
import dev.feedbackloop.core.internal.DefaultCareDesk;
import dev.feedbackloop.core.internal.DefaultFollowUpTracker;
import dev.feedbackloop.core.internal.LoopContext;
import dev.feedbackloop.core.invitation.InvitationException;
import dev.feedbackloop.core.invitation.InvitationLedger;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.limit.LimitExceededException;
import dev.feedbackloop.core.limit.SubmissionGuard;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.core.store.Erasure;
import dev.feedbackloop.core.store.ErasureReport;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoreException;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.scoring.scorecard.Scorecard;
import dev.feedbackloop.scoring.scorecard.ScorecardSpec;
import dev.feedbackloop.scoring.scorecard.ScorecardTally;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.ResponseValidator;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * DidWeRespond answer = loop.didWeRespond(receipt.responseId(), loop.now());
 * }</pre>
 *
 * <p>Time: the loop stamps what it writes with its clock ({@link #now()}); a query whose answer depends on the time
 * takes the instant it answers for ({@code asOf}), so that the figures of one report, taken at one instant, agree.
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
 * loop delivers them to the {@link FeedbackListener}s and acknowledges them (removes them from the outbox). The
 * JDBC store reports the entries a submission appended, so they are delivered from that report without polling the
 * outbox; other writes, and other stores, poll. The events of one write are delivered in order; events
 * of writes that race on different threads may reach listeners in either order. Delivery is at least once: an
 * event stays in the outbox until acknowledged, so events left undelivered by a crash between commit and
 * acknowledgement are delivered by the first write of the next loop, or by {@link #deliverPendingEvents()}, before
 * the events of newer writes and in outbox order. Delivery never makes a write fail after it committed: a failure
 * to poll or acknowledge is logged at WARN (without the store's message) and the events are delivered again by a
 * later call; the work of each call is bounded. A write that fails in the store may have committed all the same (a
 * commit whose answer the connection lost): the next call polls the outbox, so that its events are delivered,
 * although a retry finds the response stored and appends none.
 *
 * <p>Acknowledgements in batches: with the JDBC store, the events delivered after submissions are acknowledged
 * together, by one {@code DELETE} in the transaction of a later submission, once 32 wait or the oldest has waited a
 * second by the loop's clock (a submission then costs one transaction, not two); events found by polling are
 * acknowledged at once, and {@link #deliverPendingEvents()} and {@link #close()} acknowledge every delivered event.
 * A submission that fails stores nothing and acknowledges nothing; its acknowledgements go with the next one.
 * Until then a delivered event is still in the outbox: this loop does not deliver it again, but a crash, or another
 * process that polls the same database, may (at most the events of the last second or the last 128 events, unless
 * the loop sits idle after them: then until its next write, {@code deliverPendingEvents()} or {@code close()}).
 * Listeners must be idempotent in any case.
 *
 * <p>Listener threads: listeners run on the thread that wrote, before the write returns, unless the builder was given
 * a {@linkplain Builder#listenerExecutor listener executor}; then on its threads, the events of one response,
 * follow-up or customer one at a time and in order, and each event is acknowledged once its listeners ran.
 */
public final class FeedbackLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoop.class);

    private final FeedbackStore store;
    private final LoopContext context;
    private final SurveyRegistry surveys;
    private final OutboxRelay relay;
    private final Intake intake;
    private final RejectionReporter rejections;
    private final List<FollowUpPolicy> policies;
    private final FollowUpTracker followUps;
    private final CareDesk care;
    private final @Nullable ScheduledFuture<?> escalationTask;

    private FeedbackLoop(Builder builder) {
        this.store = builder.store == null ? FeedbackStore.inMemory() : builder.store;
        this.surveys = SurveyRegistry.loadedFrom(store);
        this.relay = new OutboxRelay(store, builder.listeners, builder.clock::millis, builder.listenerExecutor);
        this.context = new LoopContext(store, builder.clock, builder.calendar, builder.policies,
                builder.resolutionCodes, builder.rootCauses, relay::afterWrite);
        this.intake = new Intake(store, relay, surveys, builder.validator, builder.limits, builder.guard,
                List.copyOf(builder.policies.values()), builder.calendar, context::now, builder.invitations,
                builder.ledger == null ? InvitationLedger.inMemory() : builder.ledger);
        this.rejections = new RejectionReporter(builder.observers, context::now);
        this.policies = List.copyOf(builder.policies.values());
        this.followUps = new DefaultFollowUpTracker(context);
        this.care = new DefaultCareDesk(context, builder.carePlan, builder.throttle);
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
     * Registers a survey version and keeps it in the store, so that a loop built later over the same store knows it
     * without registering it again; every version is kept, so that older responses stay valid. Registering the same
     * definition again is harmless, and costs nothing once the loop knows it; a changed survey is a new version.
     *
     * <p>Thread-safe, and safe across processes that share a store: of concurrent registrations under one id and
     * version, the store keeps one definition; those with that definition return normally, those with another fail
     * with a {@link SurveyConflictException}. A loop reads the stored surveys once, when it is built: a version that
     * another process registers later is known here after registering it here too (which then writes nothing), or in
     * the next loop built.
     *
     * @param survey the survey version
     * @throws SurveyConflictException if a different definition is registered or stored under the same id and
     *     version; nothing is stored
     * @throws StoreException if the store fails; then the loop does not know the survey
     */
    public void register(Survey survey) {
        surveys.register(survey);
    }

    /**
     * Returns the ids of every survey this loop knows, registered or read from its store, with their versions.
     *
     * @return survey ids in {@link String#compareTo(String)} order, each with its versions in ascending order; an
     *     unmodifiable snapshot, which later registrations do not change
     */
    public SortedMap<String, List<Integer>> surveys() {
        return surveys.ids();
    }

    /**
     * Looks up a survey version this loop knows: registered, or read from its store.
     *
     * @param surveyId the survey id
     * @param version the version
     * @return the survey, or empty
     */
    public Optional<Survey> findSurvey(String surveyId, int version) {
        return surveys.find(surveyId, version);
    }

    /**
     * Returns every version of a survey that this loop knows, oldest first.
     *
     * @param surveyId the survey id
     * @return the versions; empty when none is known
     */
    public List<Survey> surveyVersions(String surveyId) {
        return surveys.versions(surveyId);
    }

    // ---- capture --------------------------------------------------------------------------------------------

    /**
     * Captures a response: validates it against its survey version, deduplicates by id, stores it and opens its
     * follow-ups atomically, records a {@code SURVEY_ANSWERED} touch for a known customer, then notifies listeners. A
     * refusal (invalid, conflict, limit) is told to the {@link IntakeObserver}s before it is thrown. Once the response
     * is stored, this returns its receipt: a failure to deliver or acknowledge its events is logged and they are
     * delivered later, never thrown.
     *
     * @param response the response
     * @return the receipt; equal for repeated submissions of the same response
     * @throws InvalidResponseException if the survey version is not registered or the response is invalid;
     *     nothing is stored
     * @throws ResponseConflictException if a different response is stored under the same id; nothing is stored
     * @throws LimitExceededException if a new response exceeds the {@linkplain Builder#limits(SubmissionLimits)
     *     limits} (the per-customer limit is counted by the store, atomically with the write) or the
     *     {@linkplain Builder#submissionGuard(SubmissionGuard) guard} refuses it; nothing is stored
     * @throws HostCallbackException if a follow-up policy (its trigger or owner rule) or the guard fails; nothing is
     *     stored
     * @throws StoreException if the store fails, for example with a database error; nothing is stored
     */
    public Receipt submit(Response response) {
        try {
            return intake.submit(response);
        } catch (FeedbackLoopException refusal) {
            rejections.report(refusal, List.of(response));
            throw refusal;
        }
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
     * @throws HostCallbackException if a follow-up policy or the guard fails; nothing is stored
     * @throws StoreException if the store fails; nothing of the batch is stored by the library's stores
     */
    public List<Receipt> submitAll(Collection<Response> responses) {
        List<Response> batch = List.copyOf(responses);
        try {
            return intake.submitAll(batch);
        } catch (FeedbackLoopException refusal) {
            rejections.report(refusal, batch);
            throw refusal;
        }
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
     * @throws HostCallbackException if a follow-up policy or the guard fails
     * @throws StoreException if the store or the ledger fails; the token is not spent unless the response is stored
     * @throws IllegalStateException if the loop was built without {@link Builder#invitations(Invitations)}
     */
    public Receipt submit(Response response, String invitationToken) {
        try {
            return intake.submit(response, invitationToken);
        } catch (FeedbackLoopException refusal) {
            rejections.report(refusal, List.of(response));
            throw refusal;
        }
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
     * Streams the stored responses of a survey (all versions) submitted in {@code [from, to)}, by
     * {@link Response#submittedAt()}, in order of submission then id, without holding them all in memory; on the
     * JDBC store a range on an index of the submitted time, not a scan of the survey.
     *
     * @param surveyId the survey id
     * @param from the earliest submitted time, inclusive
     * @param to the latest submitted time, exclusive
     * @param action called once per response in the range
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public void forEachResponse(String surveyId, Instant from, Instant to, Consumer<Response> action) {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(action, "action");
        store.forEachResponse(surveyId, from, to, stored -> action.accept(stored.response()));
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
        store.forEachResponse(spec.survey().id(), pooled(spec, tally));
        return tally.result();
    }

    /**
     * Scores the stored responses of a survey submitted in {@code [from, to)}, by {@link Response#submittedAt()}, as
     * {@link #scorecard(ScorecardSpec)} scores them all: streamed from the store (on the JDBC store, a range on an
     * index of the submitted time, not a scan of the survey) into a {@link ScorecardTally}.
     *
     * <pre>{@code
     * Instant from = Instant.parse("2024-01-01T00:00:00Z");
     * Instant to = Instant.parse("2024-04-01T00:00:00Z");
     * Scorecard q1 = loop.scorecard(ScorecardSpec.builder(survey).build(), from, to);
     * }</pre>
     *
     * @param spec what to score and how to group it
     * @param from the earliest submitted time, inclusive
     * @param to the latest submitted time, exclusive
     * @return the scorecard
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public Scorecard scorecard(ScorecardSpec spec, Instant from, Instant to) {
        Objects.requireNonNull(spec, "spec");
        ScorecardTally tally = spec.newTally();
        store.forEachResponse(spec.survey().id(), from, to, pooled(spec, tally));
        return tally.result();
    }

    /** Adds the responses to the versions a spec pools to a tally; leaves the others out. */
    private static Consumer<StoredResponse> pooled(ScorecardSpec spec, ScorecardTally tally) {
        Set<Integer> versions = Set.copyOf(spec.versions());
        return stored -> {
            if (versions.contains(stored.response().surveyVersion())) {
                tally.add(stored.response());
            }
        };
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
     * Returns the follow-up policies the loop was built with, in the order they were added.
     *
     * @return the policies; immutable
     */
    public List<FollowUpPolicy> followUpPolicies() {
        return policies;
    }

    /**
     * Answers "did we respond to this response?" at an instant, which decides whether a response nobody responded
     * to yet is still pending or was missed.
     *
     * @param responseId the response id
     * @param asOf the instant, for example {@link #now()}
     * @return whether it triggered a follow-up, whether and when someone responded, and whether within the SLA
     * @throws NotFoundException if no such response is stored
     */
    public DidWeRespond didWeRespond(String responseId, Instant asOf) {
        return followUps.didWeRespond(responseId, asOf);
    }

    /**
     * Returns the loop's now: its clock's instant at microsecond precision, the finest that SQL databases keep. It
     * stamps what the loop writes (receipts, openings, steps, touches); pass it as {@code asOf} to ask a query about
     * now.
     *
     * @return the instant
     */
    public Instant now() {
        return context.now();
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
        ErasureReport report = store.eraseCustomer(new Erasure(Objects.requireNonNull(customerId, "customerId"),
                context.now(), context.resolutionCodes(), context.rootCauses()));
        LOG.info("erased a customer: {} responses, {} follow-ups, {} touches anonymised or deleted",
                report.responses(), report.followUps(), report.touches());
        return report;
    }

    // ---- events ---------------------------------------------------------------------------------------------

    /**
     * Delivers pending outbox events to the listeners and acknowledges them, oldest first, with every delivered event
     * whose acknowledgement waits. Called after every write that does not report its outbox entries, and by the
     * first write of a loop; call it at start-up to deliver events that a crash left behind, and periodically when
     * several processes share a store. A listener that throws is logged at WARN and skipped. Calls from a listener
     * return at once (the outer delivery picks up the new events).
     *
     * <p>The work of one call is bounded: it delivers at most 10 polls of 100 entries (the rest waits for the next
     * call), and it stops when the store returns entries that this call acknowledged (a store that does not remove
     * them) instead of delivering them again and again. A failure to acknowledge is logged at WARN; the entries stay
     * in the outbox and are delivered again later.
     *
     * @return the number of events delivered
     * @throws StoreException if the store cannot be polled; nothing is lost, the events stay in the outbox
     */
    public int deliverPendingEvents() {
        return relay.deliverPending();
    }

    private void escalateQuietly() {
        try {
            followUps.escalateOverdue(now());
        } catch (RuntimeException e) {
            LOG.warn("scheduled escalation failed; will retry on the next run", e);
        }
    }

    /**
     * Stops the escalation schedule, if one was handed in (the host's executor itself is left running), and
     * acknowledges every delivered event that waits for its acknowledgement; a failure to acknowledge is logged at
     * WARN and those events are delivered again by a later loop. The loop must not be used afterwards.
     */
    @Override
    public void close() {
        if (escalationTask != null) {
            escalationTask.cancel(false);
        }
        relay.close();
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
        private @Nullable Executor listenerExecutor;
        private final List<IntakeObserver> observers = new ArrayList<>();
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
         * ledger, which forgets on restart. With a durable store, give its durable ledger
         * ({@link dev.feedbackloop.core.store.jdbc.JdbcStore#invitationLedger()}) so that a token stays used across
         * restarts.
         *
         * @param value the ledger
         * @return this builder
         */
        public Builder invitationLedger(InvitationLedger value) {
            this.ledger = Objects.requireNonNull(value, "ledger");
            return this;
        }

        /**
         * Sets the store; default a new in-memory store. The loop keeps registered surveys there too and reads them
         * when it is built.
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
         * Adds an observer told of every response the loop refuses (invalid, conflicting, over a limit, with a refused
         * invitation), for metrics and audit; see {@link IntakeObserver}.
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder intakeObserver(IntakeObserver observer) {
            observers.add(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * Delivers events to the listeners on the host's executor instead of the thread that wrote them; default
         * none (listeners run on the writing thread, before the write returns).
         *
         * <p>Each event runs as one task, which calls every listener. The events of one response, of one follow-up
         * and of one customer run one at a time and in outbox order (a {@code FollowUpOpened} after its response's
         * {@code ResponseAccepted}, a follow-up's steps after its opening); events of different ones may run in
         * parallel, as many as the executor allows. Delivery stays at least once after the commit: an event is
         * acknowledged only after its task ran (a listener that throws is logged at WARN and skipped, as without an
         * executor); if the executor refuses a task, or a task ends in an {@link Error}, the event is logged at
         * WARN and stays in the outbox, the later events of the same response, follow-up or customer are held back
         * with it, and the next write or {@link FeedbackLoop#deliverPendingEvents()} delivers them again, in order.
         * A write returns once its events are handed to the executor; {@code deliverPendingEvents()} returns the
         * number of events it handed over. Tasks still running when the loop closes finish and acknowledge their
         * events; the loop never shuts the executor down.
         *
         * @param executor the host's executor, for example a fixed thread pool
         * @return this builder
         */
        public Builder listenerExecutor(Executor executor) {
            this.listenerExecutor = Objects.requireNonNull(executor, "executor");
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
         * Builds the loop, which reads the survey versions that its store keeps.
         *
         * @return the loop
         * @throws StoreException if the store cannot read its surveys
         */
        public FeedbackLoop build() {
            return new FeedbackLoop(this);
        }
    }
}
