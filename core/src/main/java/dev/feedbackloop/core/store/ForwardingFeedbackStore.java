package dev.feedbackloop.core.store;

import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerActivity;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.FollowUpCursor;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.survey.Survey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FeedbackStore} that forwards every call to another store, for decorators: subclass it and override only
 * the methods to observe or change (time them, trace them, count them), calling {@code super} to reach the
 * delegate.
 *
 * <pre>{@code
 * FeedbackStore timed = new ForwardingFeedbackStore(JdbcStore.of(dataSource)) {
 *     @Override
 *     public SubmitResult submit(Submission submission) {
 *         long start = System.nanoTime();
 *         try {
 *             return super.submit(submission);
 *         } finally {
 *             submitTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
 *         }
 *     }
 * };
 * }</pre>
 *
 * <p>Every method of the interface is forwarded, the ones with a default implementation too ({@link #submitAll},
 * {@link #findResponses}, the ranged {@code forEachResponse} and {@code forEachFollowUp}, {@link #followUpCounts},
 * {@link #followUpsAfter}, {@link #pendingDueAfter}), so a decorated store keeps its own batch, bulk, range, count and
 * paging behaviour. The decorator is as atomic as its delegate only if each overriding method calls {@code super}
 * once.
 *
 * <p>Thread-safe if the delegate is and the subclass keeps it so.
 */
public abstract class ForwardingFeedbackStore implements FeedbackStore {

    private final FeedbackStore delegate;

    /**
     * Creates a store that forwards to another.
     *
     * @param delegate the store that does the work
     */
    protected ForwardingFeedbackStore(FeedbackStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Returns the store that every call is forwarded to.
     *
     * @return the delegate
     */
    protected final FeedbackStore delegate() {
        return delegate;
    }

    @Override
    public void putSurvey(Survey survey) {
        delegate.putSurvey(survey);
    }

    @Override
    public List<Survey> surveys() {
        return delegate.surveys();
    }

    @Override
    public SubmitResult submit(Submission submission) {
        return delegate.submit(submission);
    }

    @Override
    public List<SubmitResult> submitAll(List<Submission> submissions) {
        return delegate.submitAll(submissions);
    }

    @Override
    public Optional<StoredResponse> findResponse(String responseId) {
        return delegate.findResponse(responseId);
    }

    @Override
    public Map<String, StoredResponse> findResponses(Collection<String> responseIds) {
        return delegate.findResponses(responseIds);
    }

    @Override
    public void forEachResponse(String surveyId, Consumer<StoredResponse> action) {
        delegate.forEachResponse(surveyId, action);
    }

    @Override
    public void forEachResponse(String surveyId, Instant from, Instant to, Consumer<StoredResponse> action) {
        delegate.forEachResponse(surveyId, from, to, action);
    }

    @Override
    public List<StoredResponse> responsesOfCustomer(String customerId) {
        return delegate.responsesOfCustomer(customerId);
    }

    @Override
    public Optional<FollowUp> findFollowUp(String followUpId) {
        return delegate.findFollowUp(followUpId);
    }

    @Override
    public List<FollowUp> followUpsOfResponse(String responseId) {
        return delegate.followUpsOfResponse(responseId);
    }

    @Override
    public FollowUp update(FollowUpChange change) {
        return delegate.update(change);
    }

    @Override
    public List<FollowUp> followUps(FollowUpQuery query) {
        return delegate.followUps(query);
    }

    @Override
    public List<FollowUp> pendingDue(DeadlineKind kind, @Nullable Instant from, Instant to, int limit) {
        return delegate.pendingDue(kind, from, to, limit);
    }

    @Override
    public List<FollowUp> followUpsAfter(FollowUpQuery query, FollowUpCursor after) {
        return delegate.followUpsAfter(query, after);
    }

    @Override
    public List<FollowUp> pendingDueAfter(DeadlineKind kind, @Nullable Instant from, FollowUpCursor after,
                                          Instant to, int limit) {
        return delegate.pendingDueAfter(kind, from, after, to, limit);
    }

    @Override
    public void forEachFollowUp(Consumer<FollowUp> action) {
        delegate.forEachFollowUp(action);
    }

    @Override
    public void forEachFollowUp(Instant from, Instant to, Consumer<FollowUp> action) {
        delegate.forEachFollowUp(from, to, action);
    }

    @Override
    public FollowUpCounts followUpCounts(Instant asOf) {
        return delegate.followUpCounts(asOf);
    }

    @Override
    public void putCustomer(Customer customer) {
        delegate.putCustomer(customer);
    }

    @Override
    public Optional<Customer> findCustomer(String customerId) {
        return delegate.findCustomer(customerId);
    }

    @Override
    public void recordTouch(Touch touch, List<FeedbackEvent> events) {
        delegate.recordTouch(touch, events);
    }

    @Override
    public List<Touch> touches(String customerId) {
        return delegate.touches(customerId);
    }

    @Override
    public void forEachCustomer(Consumer<CustomerActivity> action) {
        delegate.forEachCustomer(action);
    }

    @Override
    public void append(List<FeedbackEvent> events) {
        delegate.append(events);
    }

    @Override
    public List<OutboxEntry> pollOutbox(int max) {
        return delegate.pollOutbox(max);
    }

    @Override
    public void acknowledge(Collection<Long> sequences) {
        delegate.acknowledge(sequences);
    }

    @Override
    public ErasureReport eraseCustomer(Erasure erasure) {
        return delegate.eraseCustomer(erasure);
    }
}
