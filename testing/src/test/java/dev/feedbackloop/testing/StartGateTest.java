package dev.feedbackloop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class StartGateTest {

    private final StartGate gate = StartGate.of(4);

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    void race_runsTheTasksAtTheSameTime() throws InterruptedException {
        var allThere = new CountDownLatch(4);
        var together = new AtomicInteger();
        var tasks = new ArrayList<Runnable>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> {
                allThere.countDown();
                try {
                    // a hang guard only: every task returns as soon as the last one has started
                    if (allThere.await(60, TimeUnit.SECONDS)) {
                        together.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        List<Throwable> failures = gate.race(tasks);

        assertThat(failures).isEmpty();
        assertThat(together).hasValue(4);
    }

    @Test
    void race_returnsWhatTheTasksThrew() throws InterruptedException {
        var ran = new AtomicInteger();

        List<Throwable> failures = gate.race(List.of(ran::incrementAndGet,
                () -> {
                    throw new IllegalStateException("one");
                },
                () -> {
                    throw new AssertionError("two");
                }));

        assertThat(ran).hasValue(1);
        assertThat(failures).extracting(Throwable::getMessage).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void of_noThreads_isRefused() {
        assertThatThrownBy(() -> StartGate.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads: 0 is less than 1");
    }
}
