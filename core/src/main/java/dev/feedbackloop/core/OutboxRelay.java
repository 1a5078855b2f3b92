package dev.feedbackloop.core;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.OutboxEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of a store's outbox to the listeners and acknowledges them. Thread-safe: one lock serialises
 * delivery.
 *
 * <p>Design note: a write that reports the entries it appended ({@link #write}) hands them over for delivery
 * straight away, without a poll; other writes, and entries a crash or a failed acknowledgement left behind, are found
 * by polling, which always comes first, so older entries reach listeners before newer ones. A poll may run while
 * writes are in flight and deliver entries that one of them appended; their sequences are remembered until the
 * writes end, so that the write does not deliver them a second time. The work of one call is bounded: at most
 * {@value #MAX_POLLS_PER_CALL} polls of {@value #OUTBOX_BATCH} entries, and a stop when the store returns an entry
 * that this call acknowledged.
 */
final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoop.class);
    private static final int OUTBOX_BATCH = 100;
    private static final int MAX_POLLS_PER_CALL = 10;

    /** The outbox entries a write appended, as its store reported them. Immutable. */
    record Appended(List<OutboxEntry> entries, boolean complete) {

        /** Nothing was appended, for example by a write that stored nothing. */
        static final Appended NOTHING = new Appended(List.of(), true);

        Appended {
            entries = List.copyOf(entries);
        }
    }

    private final FeedbackStore store;
    private final List<FeedbackListener> listeners;
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

    OutboxRelay(FeedbackStore store, List<FeedbackListener> listeners) {
        this.store = store;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Runs a store write whose result reports the outbox entries it appended, then delivers them. Once the write
     * returns, its result is returned: a failure of delivery is logged and its events are delivered by a later call.
     *
     * @param write the store call
     * @param report what the call's result says it appended
     * @return the result of the write
     */
    <T> T write(Supplier<T> write, Function<? super T, Appended> report) {
        writing.incrementAndGet();
        T result;
        Appended appended;
        try {
            result = write.get();
            appended = report.apply(result);
        } catch (RuntimeException | Error e) {
            // nothing to hand over; a poll that ran meanwhile forgets its sequences once no write is in flight
            writing.decrementAndGet();
            throw e;
        }
        deliver(appended);
        return result;
    }

    /**
     * Delivers pending events after a write that committed and reported nothing: a failure of the store here is
     * logged at WARN and does not reach the caller, whose write is stored; its events are delivered by a later call.
     */
    void afterWrite() {
        try {
            deliverPending();
        } catch (RuntimeException e) {
            deliveryFailed("poll", e);
        }
    }

    /**
     * Delivers pending outbox events to the listeners and acknowledges them, oldest first; a call from a listener
     * returns at once (the outer delivery picks up the new events).
     *
     * @return the number of events delivered
     * @throws RuntimeException if the store cannot be polled
     */
    int deliverPending() {
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
     * Hands a write's entries over and delivers them with anything older. Never throws: the write committed, so a
     * failure of delivery is logged and the events stay in the outbox for a later call.
     */
    private void deliver(Appended appended) {
        if (delivery.isHeldByCurrentThread()) {
            // a listener wrote: the outer delivery delivers these after the current event
            handOver(appended);
            return;
        }
        delivery.lock();
        try {
            handOver(appended);
            drain();
        } catch (RuntimeException e) {
            pollNeeded = true;
            deliveryFailed("poll", e);
        } finally {
            delivery.unlock();
        }
    }

    /** Queues a write's entries, except those a poll already delivered, and ends the write; under the lock. */
    private void handOver(Appended appended) {
        for (OutboxEntry entry : appended.entries()) {
            if (polledWhileWriting.isEmpty() || !polledWhileWriting.remove(entry.sequence())) {
                ready.add(entry);
            }
        }
        pollNeeded |= !appended.complete();
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
}
