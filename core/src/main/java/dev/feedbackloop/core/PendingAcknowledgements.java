package dev.feedbackloop.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The sequences of delivered entries whose acknowledgement is not written yet: waiting, or taken by a write or a
 * call that is acknowledging them. Until the acknowledgement commits, the entries are in the outbox, and a poll
 * must not deliver them again. The waiting sequences are kept in an array of {@code long}s, in delivery order: one is
 * added with every delivered event without a set's node or a list per event, and they are few (an acknowledgement is
 * due at a batch, and the relay acknowledges a backlog); they are boxed once taken.
 * Thread-safe: every method holds this instance's lock.
 */
final class PendingAcknowledgements {

    private final LongSupplier millis;
    /** Waiting sequences that make an acknowledgement due with the next write. */
    private final int batch;
    /** How long the oldest waiting sequence waits, by {@link #millis}, before an acknowledgement is due. */
    private final long delayMillis;
    /** The waiting sequences, in the order they were delivered: the first {@link #waitingCount}. */
    private long[] waiting = new long[64];
    private int waitingCount;
    private final Set<Long> acknowledging = new HashSet<>();
    /** Whether a poll runs (one at a time, under the relay's delivery lock). */
    private boolean polling;
    /** Sequences acknowledged while the current poll runs: it may have read them before the deletion. */
    private final Set<Long> acknowledgedWhilePolling = new HashSet<>();
    /** When the oldest waiting entry was delivered, by {@link #millis}. */
    private long since;

    /**
     * @param millis the loop's clock, in milliseconds
     * @param batch waiting sequences that make an acknowledgement due
     * @param delayMillis how long the oldest waiting sequence waits, in milliseconds, before one is due
     */
    PendingAcknowledgements(LongSupplier millis, int batch, long delayMillis) {
        this.millis = millis;
        this.batch = batch;
        this.delayMillis = delayMillis;
    }

    synchronized void delivered(long sequence) {
        if (waitingCount == 0) {
            since = millis.getAsLong();
        }
        if (waitingCount == waiting.length) {
            waiting = Arrays.copyOf(waiting, 2 * waitingCount);
        }
        waiting[waitingCount++] = sequence;
    }

    synchronized boolean contains(long sequence) {
        for (int i = 0; i < waitingCount; i++) {
            if (waiting[i] == sequence) {
                return true;
            }
        }
        return acknowledging.contains(sequence) || acknowledgedWhilePolling.contains(sequence);
    }

    synchronized void pollStarts() {
        polling = true;
    }

    synchronized void pollEnded() {
        polling = false;
        acknowledgedWhilePolling.clear();
    }

    synchronized int waiting() {
        return waitingCount;
    }

    synchronized int size() {
        return waitingCount + acknowledging.size();
    }

    synchronized List<Long> waitingSequences() {
        var sequences = new ArrayList<Long>(waitingCount);
        for (int i = 0; i < waitingCount; i++) {
            sequences.add(waiting[i]);
        }
        return Collections.unmodifiableList(sequences);
    }

    /** Takes the waiting sequences for a write to acknowledge, if enough wait or the oldest waited long enough. */
    synchronized List<Long> takeIfDue() {
        if (waitingCount >= batch || waitingCount > 0 && millis.getAsLong() - since >= delayMillis) {
            return takeAll();
        }
        return List.of();
    }

    synchronized List<Long> takeAll() {
        if (waitingCount == 0) {
            return List.of();
        }
        List<Long> taken = waitingSequences();
        waitingCount = 0;
        acknowledging.addAll(taken);
        return taken;
    }

    /** The taken sequences are acknowledged: the entries are gone from the outbox. */
    synchronized void acknowledged(List<Long> taken) {
        taken.forEach(acknowledging::remove);
        if (polling) {
            acknowledgedWhilePolling.addAll(taken);
        }
    }

    /** The write that took the sequences failed: they wait again. */
    synchronized void putBack(List<Long> taken) {
        if (taken.isEmpty()) {
            return;
        }
        taken.forEach(acknowledging::remove);
        taken.forEach(this::delivered);
    }

    /** The acknowledgement failed: the entries are forgotten, and a poll delivers them again. */
    synchronized void lost(List<Long> taken) {
        taken.forEach(acknowledging::remove);
    }
}
