package dev.feedbackloop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

final class PendingAcknowledgementsTest {

    private final AtomicLong millis = new AtomicLong(1_000);
    private final PendingAcknowledgements pending = new PendingAcknowledgements(millis::get, 32, 1_000);

    @Test
    void manyDelivered_areTakenAllInDeliveryOrder() {
        List<Long> delivered = new ArrayList<>();
        for (long sequence = 500; sequence > 300; sequence -= 2) {
            pending.delivered(sequence);
            delivered.add(sequence);
        }

        assertThat(pending.waiting()).isEqualTo(100);
        assertThat(pending.takeAll()).containsExactlyElementsOf(delivered);
        assertThat(pending.waiting()).isZero();
        assertThat(pending.takeAll()).isEmpty();
    }

    @Test
    void taken_areStillKnownUntilAcknowledged_andToAPollThatRanMeanwhile() {
        LongStream.rangeClosed(1, 3).forEach(pending::delivered);
        List<Long> taken = pending.takeAll();

        assertThat(pending.contains(2)).isTrue();
        assertThat(pending.size()).isEqualTo(3);
        assertThat(pending.waiting()).isZero();

        pending.pollStarts();
        pending.acknowledged(taken);

        assertThat(pending.contains(2)).as("acknowledged while a poll runs").isTrue();
        pending.pollEnded();
        assertThat(pending.contains(2)).isFalse();
        assertThat(pending.size()).isZero();
    }

    @Test
    void taken_areReadOnly() {
        pending.delivered(7);

        assertThatThrownBy(() -> pending.takeAll().add(8L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void due_atABatch_orOnceTheOldestWaitedTheDelay() {
        LongStream.rangeClosed(1, 31).forEach(pending::delivered);
        assertThat(pending.takeIfDue()).isEmpty();

        pending.delivered(32);
        assertThat(pending.takeIfDue()).hasSize(32);

        pending.delivered(33);
        millis.addAndGet(999);
        pending.delivered(34);
        assertThat(pending.takeIfDue()).as("the oldest waited 999 ms").isEmpty();
        millis.addAndGet(1);
        assertThat(pending.takeIfDue()).containsExactly(33L, 34L);
    }

    @Test
    void putBack_waitsAgainAfterThoseWaiting_andTheDelayRunsFromThePutBack() {
        LongStream.rangeClosed(1, 2).forEach(pending::delivered);
        List<Long> taken = pending.takeAll();
        millis.addAndGet(5_000);

        pending.putBack(taken);
        pending.delivered(3);

        assertThat(pending.takeIfDue()).as("the delay starts again when they wait again").isEmpty();
        assertThat(pending.contains(1)).isTrue();
        millis.addAndGet(1_000);
        assertThat(pending.takeIfDue()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void lost_areForgotten_forAPollToDeliverAgain() {
        pending.delivered(9);
        List<Long> taken = pending.takeAll();

        pending.lost(taken);

        assertThat(pending.contains(9)).isFalse();
        assertThat(pending.size()).isZero();
    }
}
