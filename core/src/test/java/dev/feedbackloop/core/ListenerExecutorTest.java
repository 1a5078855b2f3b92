package dev.feedbackloop.core;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpContacted;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpOpened;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpResolved;
import dev.feedbackloop.core.event.FeedbackEvent.ResponseAccepted;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.jdbc.Databases;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.testing.StartGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Listeners on a host-given executor ({@link FeedbackLoop.Builder#listenerExecutor}): not on the writing thread, the
 * events of one response or follow-up one at a time and in order under many concurrent writers, acknowledged only
 * once delivered, and delivered again after the executor refused them. On the in-memory store and on the JDBC store
 * (H2 in memory), whose acknowledgements are batched.
 */
final class ListenerExecutorTest {

    private static final int WRITERS = 8;
    private static final int PER_WRITER = 12;

    private final Databases databases = new Databases();
    private final ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "host-listener");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        databases.close();
    }

    static Stream<String> stores() {
        return Stream.of("in-memory", "jdbc");
    }

    private FeedbackStore store(String kind) {
        return kind.equals("jdbc") ? JdbcStore.of(databases.h2Memory()).createSchema() : FeedbackStore.inMemory();
    }

    private static FeedbackLoop loop(FeedbackStore store, Executor executor, FeedbackListener listener) {
        FeedbackLoop loop = FeedbackLoop.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .listener(listener).listenerExecutor(executor).build();
        loop.register(Fixtures.survey());
        return loop;
    }

    /** Polls a condition with a deadline, for deliveries that end on other threads. */
    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void listeners_runOnTheExecutor_notOnTheWritingThread(String kind) throws InterruptedException {
        var threads = new ConcurrentLinkedQueue<Thread>();
        var delivered = new CountDownLatch(2);
        FeedbackLoop loop = loop(store(kind), pool, new FeedbackListener() {
            @Override
            public void onEvent(FeedbackEvent event) {
                threads.add(Thread.currentThread());
                delivered.countDown();
            }
        });

        loop.submit(Fixtures.response("r1", "c1", 2, "slow", T0));

        assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).hasSize(2).allSatisfy(thread -> {
            assertThat(thread).isNotSameAs(Thread.currentThread());
            assertThat(thread.getName()).isEqualTo("host-listener");
        });
    }

    /**
     * Many writers submit detractors and take each follow-up through contact and resolution at once; every event
     * reaches the listener once, the events of each response and follow-up never overlap and arrive in order, and
     * those of different ones do run in parallel on the executor's threads.
     */
    @ParameterizedTest
    @MethodSource("stores")
    void perKeyOrder_holdsUnderManyConcurrentWriters(String kind) throws InterruptedException {
        var seen = new ConcurrentHashMap<String, Queue<String>>();
        var running = new ConcurrentHashMap<String, AtomicInteger>();
        var overlaps = new ConcurrentLinkedQueue<String>();
        var inParallel = new AtomicInteger();
        var maxInParallel = new AtomicInteger();
        var events = new AtomicInteger();
        FeedbackLoop loop = loop(store(kind), pool, new FeedbackListener() {
            @Override
            public void onEvent(FeedbackEvent event) {
                maxInParallel.accumulateAndGet(inParallel.incrementAndGet(), Math::max);
                List<String> keys = ListenerLanes.keys(event);
                for (String key : keys) {
                    if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                        overlaps.add(key);
                    }
                }
                for (int i = 0; i < 50; i++) {
                    Thread.yield();
                }
                for (String key : keys) {
                    seen.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>())
                            .add(event.getClass().getSimpleName());
                    running.get(key).decrementAndGet();
                }
                inParallel.decrementAndGet();
                events.incrementAndGet();
            }
        });
        var tasks = new ArrayList<Runnable>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            tasks.add(() -> {
                for (int i = 0; i < PER_WRITER; i++) {
                    String id = "w" + writer + "-" + i;
                    String followUpId = loop.submit(Fixtures.response(id, "c" + writer, 2, "slow", T0))
                            .followUpIds().get(0);
                    FollowUp contacted = loop.followUps().contact(followUpId, 1,
                            Contact.of("phone", "agent-" + writer, T0, null));
                    loop.followUps().resolve(followUpId, contacted.version(),
                            Resolution.of("fixed", "bug", "agent-" + writer, T0, null));
                }
            });
        }
        try (StartGate gate = StartGate.of(WRITERS)) {
            assertThat(gate.race(tasks)).isEmpty();
        }

        int expected = WRITERS * PER_WRITER * 4;
        await(expected + " events", () -> events.get() >= expected);
        assertThat(events.get()).isEqualTo(expected);
        assertThat(overlaps).as("keys whose events ran at the same time").isEmpty();
        for (int w = 0; w < WRITERS; w++) {
            for (int i = 0; i < PER_WRITER; i++) {
                String id = "w" + w + "-" + i;
                assertThat(seen.get("response:" + id)).as("response %s", id)
                        .containsExactly("ResponseAccepted", "FollowUpOpened");
                assertThat(seen.get("follow-up:" + id + "/nps-detractor")).as("follow-up of %s", id)
                        .containsExactly("FollowUpOpened", "FollowUpContacted", "FollowUpResolved");
            }
        }
        assertThat(maxInParallel.get()).as("events of different responses ran in parallel").isGreaterThan(1);
        loop.close();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anEvent_isAcknowledgedOnlyOnceItsListenersRan(String kind) {
        FeedbackStore store = store(kind);
        var queued = new ArrayDeque<Runnable>();
        var delivered = new ArrayList<String>();
        FeedbackLoop loop = loop(store, queued::add, new FeedbackListener() {
            @Override
            public void onResponseAccepted(ResponseAccepted event) {
                delivered.add(event.responseId());
            }
        });

        loop.submit(Fixtures.response("r1", "c1", 9, null, T0));
        assertThat(loop.deliverPendingEvents()).as("handed over already").isZero();

        assertThat(delivered).isEmpty();
        assertThat(store.pollOutbox(10)).hasSize(1);

        queued.poll().run();
        loop.deliverPendingEvents();

        assertThat(delivered).containsExactly("r1");
        assertThat(store.pollOutbox(10)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void eventsTheExecutorRefused_stayInTheOutbox_andALaterCallDeliversThemInOrder(String kind) {
        FeedbackStore store = store(kind);
        var refuse = new AtomicInteger(1);
        Executor refusingOnce = task -> {
            if (refuse.getAndDecrement() > 0) {
                throw new RejectedExecutionException("queue full");
            }
            task.run();
        };
        var delivered = new ArrayList<String>();
        FeedbackLoop loop = loop(store, refusingOnce, new FeedbackListener() {
            @Override
            public void onEvent(FeedbackEvent event) {
                delivered.add(event.getClass().getSimpleName());
            }
        });

        loop.submit(Fixtures.response("r1", "c1", 2, "slow", T0));

        assertThat(delivered).as("the opening waits for the refused acceptance").isEmpty();
        assertThat(store.pollOutbox(10)).hasSize(2);

        loop.deliverPendingEvents();

        assertThat(delivered).containsExactly("ResponseAccepted", "FollowUpOpened");
        assertThat(store.pollOutbox(10)).isEmpty();
    }

    @Test
    void keys_ofEveryEvent_nameItsResponseFollowUpOrCustomer() {
        Instant at = T0;
        List<FeedbackEvent> oneOfEach = List.of(
                new ResponseAccepted("r1", "s", 1, "c1", at),
                new FollowUpOpened("f", "r1", "p", "ana", Priority.LOW, at, "c1", at),
                new FollowUpContacted("f", "ana", "phone", "c1", at),
                new FollowUpResolved("f", "ana", "fixed", "c1", at),
                new FeedbackEvent.FollowUpClosed("f", "ana", "no-contact-possible", "c1", at),
                new FeedbackEvent.FollowUpEscalated("f", DeadlineKind.FIRST_CONTACT, at, 0, "ana", "c1", at),
                new FeedbackEvent.CustomerDueForContact("c1", "t", null, at, at));

        assertThat(oneOfEach).extracting(event -> event.getClass().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(FeedbackEvent.class.getPermittedSubclasses())
                        .map(Class::getSimpleName).toList());
        assertThat(oneOfEach).extracting(ListenerLanes::keys).containsExactly(
                List.of("response:r1"), List.of("response:r1", "follow-up:f"), List.of("follow-up:f"),
                List.of("follow-up:f"), List.of("follow-up:f"), List.of("follow-up:f"), List.of("customer:c1"));
    }
}
