package dev.feedbackloop.core;

import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoreException;
import dev.feedbackloop.core.store.internal.ReportingStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of a store's outbox to the listeners and acknowledges them. Thread-safe: one lock serialises
 * delivery.
 *
 * <p>Design note: a write that reports the entries it appended ({@link #write}) hands them over for delivery
 * straight away, without a poll; other writes, and entries a crash, a failed acknowledgement or a write that failed
 * in the store after committing left behind, are found by polling, which always comes first, so older entries reach
 * listeners before newer ones. A poll may run while writes are in flight and deliver entries that one of them
 * appended; their sequences are remembered until the writes end, so that the write does not deliver them a second
 * time. The work of one call is bounded: at most
 * {@value #MAX_POLLS_PER_CALL} polls of {@value #OUTBOX_BATCH} entries, and a stop when the store returns an entry
 * that this call acknowledged.
 *
 * <p>Acknowledgements: with a store that reports what it appended (the JDBC store), the entries delivered from a
 * write's report are not acknowledged at once, which would cost a transaction per write: they wait, and the next
 * write acknowledges them in its own transaction once {@value #ACK_BATCH} are waiting or the oldest has waited
 * {@value #ACK_DELAY_MILLIS} ms (by the loop's clock). Entries delivered from a poll are acknowledged at once,
 * together with those waiting, in one call. {@link #deliverPending()} and {@link #close()} acknowledge everything
 * delivered; a backlog of {@value #ACK_BACKLOG} is acknowledged by the delivering thread. A waiting entry is still in
 * the outbox: a poll skips it (it was delivered), while a crash, or another process polling the same store, delivers
 * it again, which at-least-once delivery allows. With other stores every delivered entry is acknowledged at once.
 */
final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoop.class);
    static final int OUTBOX_BATCH = 100;
    static final int MAX_POLLS_PER_CALL = 10;
    /** Delivered entries waiting for acknowledgement that make it due with the next write. */
    static final int ACK_BATCH = 32;
    /** Waiting entries that the delivering thread acknowledges itself, in a transaction of its own. */
    static final int ACK_BACKLOG = 4 * ACK_BATCH;
    /** How long the oldest waiting entry waits, by the loop's clock, before the next write acknowledges it. */
    static final long ACK_DELAY_MILLIS = 1_000;

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
    /** Whether delivered entries wait for a later write to acknowledge them: the store reports what it appended. */
    private final boolean lazy;
    private final PendingAcknowledgements pending;
    /** Delivery on the host's executor, in lanes per response, follow-up and customer; null to deliver inline. */
    private final @Nullable ListenerLanes lanes;
    /**
     * Set when a delivery on the executor failed or was refused, or a write failed in the store: the next call polls
     * the outbox.
     */
    private final AtomicBoolean redeliver = new AtomicBoolean();
    /** Set by {@link #close()}: deliveries that end later are acknowledged at once. */
    private volatile boolean closed;
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

    /**
     * @param millis the loop's clock, in milliseconds
     * @param executor where listeners run, or {@code null} for the thread that delivers
     */
    OutboxRelay(FeedbackStore store, List<FeedbackListener> listeners, LongSupplier millis,
                @Nullable Executor executor) {
        this.store = store;
        this.listeners = List.copyOf(listeners);
        this.lazy = store instanceof ReportingStore;
        this.pending = new PendingAcknowledgements(millis, ACK_BATCH, ACK_DELAY_MILLIS);
        this.lanes = executor == null ? null : new ListenerLanes(executor, this::notifyListeners,
                pending::delivered, this::acknowledgeAfterDelivery,
                () -> redeliver.set(true));
    }

    /**
     * Runs a store write whose result reports the outbox entries it appended, then delivers them. The write is given
     * the sequences of delivered entries to acknowledge in its transaction (empty unless an acknowledgement is due);
     * if it fails they wait for the next one, and if it fails in the store (which may have committed before its
     * answer was lost) the next call polls the outbox. Once the write returns, its result is returned: a failure of
     * delivery is logged and its events are delivered by a later call.
     *
     * @param write the store call, given the sequences to acknowledge with it
     * @param report what the call's result says it appended
     * @return the result of the write
     */
    <T> T write(Function<List<Long>, T> write, Function<? super T, Appended> report) {
        writing.incrementAndGet();
        List<Long> acknowledging = lazy ? pending.takeIfDue() : List.of();
        T result;
        Appended appended;
        try {
            result = write.apply(acknowledging);
            appended = report.apply(result);
        } catch (RuntimeException | Error e) {
            // nothing to hand over; a poll that ran meanwhile forgets its sequences once no write is in flight
            pending.putBack(acknowledging);
            if (e instanceof StoreException) {
                // the database may have committed a write whose answer was lost: its events are in the outbox, and
                // a retry finds the response stored and reports none, so the next call polls for them
                redeliver.set(true);
            }
            writing.decrementAndGet();
            throw e;
        }
        pending.acknowledged(acknowledging);
        deliver(appended);
        return result;
    }

    /**
     * Delivers pending events after a write that committed and reported nothing: a failure of the store here is
     * logged at WARN and does not reach the caller, whose write is stored; its events are delivered by a later call.
     */
    void afterWrite() {
        try {
            deliverPending(false);
        } catch (RuntimeException e) {
            deliveryFailed("poll", e);
        }
    }

    /**
     * Delivers pending outbox events to the listeners and acknowledges them, oldest first, and acknowledges every
     * entry delivered earlier; a call from a listener returns at once (the outer delivery picks up the new events).
     *
     * @return the number of events delivered
     * @throws RuntimeException if the store cannot be polled
     */
    int deliverPending() {
        return deliverPending(true);
    }

    private int deliverPending(boolean acknowledgeAll) {
        if (delivery.isHeldByCurrentThread()) {
            pollNeeded = true;
            return 0;
        }
        delivery.lock();
        try {
            pollNeeded = true;
            int delivered = drain();
            if (acknowledgeAll) {
                acknowledgeWaiting();
            }
            return delivered;
        } finally {
            delivery.unlock();
        }
    }

    /**
     * Acknowledges every delivered entry that waits for it; a failure is logged at WARN, and the entries are
     * delivered again by a later call.
     */
    @Override
    public void close() {
        closed = true;
        delivery.lock();
        try {
            acknowledgeWaiting();
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
            if (pending.waiting() >= ACK_BACKLOG) {
                acknowledgeWaiting();
            }
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
     * newer ones, in sequence order; polled entries that were delivered and wait for their acknowledgement are
     * skipped, and ready entries that a poll delivered are dropped from the queue. Then the ready entries. Bounded:
     * at most {@link #MAX_POLLS_PER_CALL} polls (then the ready entries wait for the next call, so that they never
     * overtake older ones), and a stop when the store returns an entry this call acknowledged. A failed
     * acknowledgement ends the call: its entries stay in the outbox for the next poll.
     *
     * @throws RuntimeException if the store cannot be polled
     */
    private int drain() {
        int delivered = 0;
        int polls = 0;
        var acknowledged = new HashSet<Long>();
        if (redeliver.getAndSet(false)) {
            pollNeeded = true;
            if (lanes != null) {
                lanes.forgetFailures();
            }
        }
        while (true) {
            List<OutboxEntry> batch;
            boolean polled = pollNeeded;
            if (polled) {
                if (polls == MAX_POLLS_PER_CALL) {
                    // older entries may be left: the ready ones wait in the queue, and in the outbox, until then
                    return delivered;
                }
                polls++;
                if (writing.get() == 0) {
                    polledWhileWriting.clear();
                }
                // delivered entries that wait for their acknowledgement, or for their listeners, come back too
                int known = pending.size() + (lanes == null ? 0 : lanes.size());
                List<OutboxEntry> page;
                // a write that acknowledges entries while the poll runs may commit after the poll read them
                pending.pollStarts();
                try {
                    page = store.pollOutbox(OUTBOX_BATCH + known);
                    batch = new ArrayList<>(page.size());
                    for (OutboxEntry entry : page) {
                        // delivering first: a lane marks an entry delivered before it stops delivering it, so
                        // asked in this order, an entry that ends in between is seen as one or the other
                        if ((lanes == null || !lanes.delivering(entry.sequence()))
                                && !pending.contains(entry.sequence())) {
                            batch.add(entry);
                        }
                    }
                } finally {
                    pending.pollEnded();
                }
                if (page.stream().anyMatch(entry -> acknowledged.contains(entry.sequence()))) {
                    LOG.warn("the store returned outbox entries that were acknowledged; delivery stops until the next"
                            + " call instead of repeating them");
                    pollNeeded = false;
                    continue;
                }
                // a short page is the whole outbox: what a write appends after it, the write reports or polls for
                pollNeeded = page.size() == OUTBOX_BATCH + known;
                if (batch.isEmpty()) {
                    if (pollNeeded) {
                        // a page of delivered entries only: acknowledge them, so that the next poll goes further
                        acknowledged.addAll(pending.waitingSequences());
                        if (!acknowledgeWaiting()) {
                            return delivered;
                        }
                    }
                    continue;
                }
                if (!ready.isEmpty()) {
                    var seen = new HashSet<Long>();
                    batch.forEach(entry -> seen.add(entry.sequence()));
                    ready.removeIf(entry -> seen.contains(entry.sequence()));
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
            delivered += batch.size();
            if (lanes != null) {
                // acknowledged as each delivery ends
                batch.forEach(lanes::dispatch);
                continue;
            }
            if (lazy && !polled) {
                for (OutboxEntry entry : batch) {
                    notifyListeners(entry);
                    pending.delivered(entry.sequence());
                }
                continue;
            }
            var sequences = new ArrayList<Long>(batch.size());
            for (OutboxEntry entry : batch) {
                notifyListeners(entry);
                sequences.add(entry.sequence());
            }
            // entries found by a poll are acknowledged at once, with those that wait
            List<Long> waiting = pending.takeAll();
            sequences.addAll(waiting);
            try {
                store.acknowledge(sequences);
            } catch (RuntimeException e) {
                // the entries stay in the outbox; a later call polls for them (at least once)
                pending.lost(waiting);
                ready.clear();
                pollNeeded = true;
                deliveryFailed("acknowledge " + sequences.size() + " delivered event(s) of", e);
                return delivered;
            }
            pending.acknowledged(waiting);
            acknowledged.addAll(sequences);
        }
    }

    /**
     * Acknowledges the delivered entries that wait for it, in a call of their own; under the lock. A failure is
     * logged at WARN and the entries are polled for and delivered again by a later call.
     *
     * @return whether they were acknowledged
     */
    private boolean acknowledgeWaiting() {
        return acknowledgeWaiting(() -> pollNeeded = true);
    }

    /**
     * Acknowledges the delivered entries that wait for it; on a failure, forgets them, runs {@code pollAgain} so that
     * a later call polls for them, and logs at WARN.
     *
     * @return whether they were acknowledged
     */
    private boolean acknowledgeWaiting(Runnable pollAgain) {
        List<Long> waiting = pending.takeAll();
        if (waiting.isEmpty()) {
            return true;
        }
        try {
            store.acknowledge(waiting);
        } catch (RuntimeException e) {
            pending.lost(waiting);
            pollAgain.run();
            deliveryFailed("acknowledge " + waiting.size() + " delivered event(s) of", e);
            return false;
        }
        pending.acknowledged(waiting);
        return true;
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

    /**
     * Acknowledges the entries that wait, on the thread that ended a delivery on the executor, unless they may wait
     * for a later write (the store reports what it appended, the relay is open, and fewer than {@value #ACK_BACKLOG}
     * wait); a failure is logged at WARN and the next call polls for them.
     */
    private void acknowledgeAfterDelivery() {
        if (!lazy || closed || pending.waiting() >= ACK_BACKLOG) {
            acknowledgeWaiting(() -> redeliver.set(true));
        }
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
