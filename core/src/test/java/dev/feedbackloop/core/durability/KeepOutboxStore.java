package dev.feedbackloop.core.durability;

import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerActivity;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.store.ErasureReport;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.FollowUpChange;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.SubmitResult;
import dev.feedbackloop.core.store.Submission;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A store that delegates everything but never acknowledges outbox entries, so that a test can check afterwards that
 * every write's events were stored with it. Thread-safe when the delegate is.
 */
public final class KeepOutboxStore implements FeedbackStore {

    private final FeedbackStore delegate;

    /** Wraps a store. */
    public KeepOutboxStore(FeedbackStore delegate) {
        this.delegate = delegate;
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
    public void forEachFollowUp(Consumer<FollowUp> action) {
        delegate.forEachFollowUp(action);
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
        return List.of();
    }

    @Override
    public void acknowledge(Collection<Long> sequences) {
        // kept for the test to inspect
    }

    @Override
    public ErasureReport eraseCustomer(String customerId) {
        return delegate.eraseCustomer(customerId);
    }
}
