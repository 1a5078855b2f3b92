package dev.feedbackloop.core;

import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.store.OutboxEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery on the host's executor: each entry runs as a task after the tasks of the entries before it that share
 * one of its {@linkplain #keys keys}, so that the events of a response, a follow-up or a customer never run
 * concurrently or out of order, while those of others run in parallel. An entry is acknowledged once its task
 * ran (a listener that throws is logged and skipped, as on the delivering thread); a task that the executor
 * refuses, or that ends in an error, leaves its entry in the outbox, skips the later tasks of its keys (the failed
 * task stays their predecessor), and makes the next call poll, so that they are delivered again, in order.
 * Thread-safe.
 */
final class ListenerLanes {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoop.class);

    private final Executor executor;
    private final Consumer<OutboxEntry> listeners;
    private final LongConsumer delivered;
    private final Runnable acknowledge;
    private final Runnable failed;
    /** The last task of each key; guarded by this. */
    private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();
    /** Sequences dispatched and not ended: a poll must not deliver them again. */
    private final Set<Long> delivering = ConcurrentHashMap.newKeySet();

    /**
     * @param executor where the tasks run
     * @param listeners runs the listeners of an entry, logging and skipping any that throws
     * @param delivered told the sequence of an entry whose task ran, while it still counts as delivering, so that it
     *     waits for its acknowledgement before a poll can deliver it again
     * @param acknowledge run after {@code delivered}, once the entry no longer counts as delivering: acknowledges
     *     what is due
     * @param failed run when a task was refused or ended in an error: the next call must poll the outbox
     */
    ListenerLanes(Executor executor, Consumer<OutboxEntry> listeners, LongConsumer delivered, Runnable acknowledge,
                  Runnable failed) {
        this.executor = executor;
        this.listeners = listeners;
        this.delivered = delivered;
        this.acknowledge = acknowledge;
        this.failed = failed;
    }

    /**
     * The keys whose events must reach listeners one at a time and in order: the response, the follow-up, or the
     * customer an event is about. An event with two keys (a follow-up opened for a response) waits for the events
     * before it under either.
     */
    static List<String> keys(FeedbackEvent event) {
        if (event instanceof FeedbackEvent.ResponseAccepted e) {
            return List.of("response:" + e.responseId());
        } else if (event instanceof FeedbackEvent.FollowUpOpened e) {
            return List.of("response:" + e.responseId(), "follow-up:" + e.followUpId());
        } else if (event instanceof FeedbackEvent.FollowUpContacted e) {
            return List.of("follow-up:" + e.followUpId());
        } else if (event instanceof FeedbackEvent.FollowUpResolved e) {
            return List.of("follow-up:" + e.followUpId());
        } else if (event instanceof FeedbackEvent.FollowUpClosed e) {
            return List.of("follow-up:" + e.followUpId());
        } else if (event instanceof FeedbackEvent.FollowUpEscalated e) {
            return List.of("follow-up:" + e.followUpId());
        } else if (event instanceof FeedbackEvent.CustomerDueForContact e) {
            return List.of("customer:" + e.customerId());
        }
        throw new AssertionError("unknown event " + event.getClass());
    }

    boolean delivering(long sequence) {
        return delivering.contains(sequence);
    }

    int size() {
        return delivering.size();
    }

    /**
     * Forgets the failed tasks that hold back their keys, before the entries are polled for again; under the relay's
     * delivery lock. A key whose task has not ended keeps it: an entry behind a failure is still being skipped,
     * and what is dispatched now must come after it.
     */
    synchronized void forgetFailures() {
        tails.values().removeIf(CompletableFuture::isCompletedExceptionally);
    }

    /** Runs an entry's listeners on the executor after the tasks before it under its keys; in sequence order. */
    void dispatch(OutboxEntry entry) {
        delivering.add(entry.sequence());
        List<String> keys = keys(entry.event());
        CompletableFuture<Void> task;
        synchronized (this) {
            CompletableFuture<?>[] before = keys.stream().map(tails::get).filter(Objects::nonNull)
                    .toArray(CompletableFuture<?>[]::new);
            try {
                task = CompletableFuture.allOf(before).thenRunAsync(() -> listeners.accept(entry), executor);
            } catch (RejectedExecutionException e) {
                task = CompletableFuture.failedFuture(e);
            }
            for (String key : keys) {
                tails.put(key, task);
            }
        }
        CompletableFuture<Void> self = task;
        task.whenComplete((ignored, failure) -> ended(entry, keys, self, failure));
    }

    private void ended(OutboxEntry entry, List<String> keys, CompletableFuture<Void> task,
                       @Nullable Throwable failure) {
        if (failure == null) {
            synchronized (this) {
                for (String key : keys) {
                    tails.remove(key, task);
                }
            }
            // waiting before no longer delivering, so that no poll in between delivers it again
            delivered.accept(entry.sequence());
            delivering.remove(entry.sequence());
            acknowledge.run();
            return;
        }
        delivering.remove(entry.sequence());
        failed.run();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        LOG.warn("event {} #{} was not delivered ({}); it stays in the outbox and is delivered by a later call",
                entry.event().getClass().getSimpleName(), entry.sequence(), cause.getClass().getName());
        LOG.debug("delivery on the listener executor failed", cause);
    }
}
