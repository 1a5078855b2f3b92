package dev.feedbackloop.core.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Threads of a child JVM that start one piece of work each at the same moment. */
final class Race {

    private Race() {
    }

    /**
     * Starts {@code threads} threads, opens one gate for all of them, and waits until each ran {@code work} with its
     * number; a thread whose work throws prints the exception and counts in {@code failed}.
     */
    static void run(int threads, AtomicInteger failed, IntConsumer work) throws InterruptedException {
        var gate = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    gate.await();
                    work.accept(thread);
                } catch (RuntimeException | InterruptedException e) {
                    e.printStackTrace();
                    failed.incrementAndGet();
                }
            });
            worker.start();
            workers.add(worker);
        }
        gate.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
