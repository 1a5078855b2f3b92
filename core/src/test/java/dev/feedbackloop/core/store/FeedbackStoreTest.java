package dev.feedbackloop.core.store;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.testing.Seeds;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default methods of {@link FeedbackStore}, as a store of a host's own that implements only the abstract ones
 * gets them: a proxy that runs every default method itself and hands every abstract one to an in-memory store.
 */
@ExtendWith(Seeds.class)
final class FeedbackStoreTest {

    private final FeedbackStore memory = FeedbackStore.inMemory();
    private final List<String> abstractCalls = new ArrayList<>();
    private final FeedbackStore defaults = defaultsOver(memory, abstractCalls);

    /** A store whose default methods are the interface's, the abstract ones forwarded to {@code delegate}. */
    private static FeedbackStore defaultsOver(FeedbackStore delegate, List<String> abstractCalls) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            abstractCalls.add(signature(method));
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (FeedbackStore) Proxy.newProxyInstance(FeedbackStore.class.getClassLoader(),
                new Class<?>[] {FeedbackStore.class}, handler);
    }

    private static String signature(Method method) {
        return method.getName() + "/" + method.getParameterCount();
    }

    private FollowUp open(String responseId, String customer, Instant at) {
        FollowUp followUp = Fixtures.followUp(responseId, customer, "ana", Priority.HIGH, at, Duration.ofHours(48));
        memory.submit(new Submission(new StoredResponse(Fixtures.response(responseId, customer, 2, null, at), at),
                List.of(followUp), List.of(), null, List.of()));
        return followUp;
    }

    private static List<FollowUp> openedIn(FeedbackStore store, Instant from, Instant to) {
        var seen = new ArrayList<FollowUp>();
        store.forEachFollowUp(from, to, seen::add);
        return seen;
    }

    @Test
    void forEachFollowUpInARange_byDefault_passesOnTheFollowUpsOfTheFullStreamOpenedInIt() {
        FollowUp b = open("b", "c2", T0.plusSeconds(10));
        open("d", "c4", T0.plusSeconds(30));
        FollowUp a = open("a", "c1", T0);
        FollowUp e = open("e", "c5", T0.plusSeconds(10));

        List<FollowUp> seen = openedIn(defaults, T0, T0.plusSeconds(30));

        assertThat(seen).containsExactly(a, b, e);
        assertThat(abstractCalls).containsExactly("forEachFollowUp/1");
    }

    @Test
    void forEachFollowUpInARange_byDefault_refusesARangeEndingBeforeItStarts_withoutReadingTheStore() {
        open("a", "c1", T0);

        assertThatThrownBy(() -> defaults.forEachFollowUp(T0.plusSeconds(1), T0, followUp -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to: 2024-03-04T09:00:00Z is before from 2024-03-04T09:00:01Z; expected [from, to) with"
                        + " from <= to");
        assertThat(abstractCalls).isEmpty();
    }

    @Test
    void forEachFollowUpInARange_byDefault_agreesWithTheInMemoryStoresIndex(Random random) {
        for (int i = 0; i < 200; i++) {
            open("r" + i, "c" + random.nextInt(30), T0.plusSeconds(random.nextInt(120))
                    .plusNanos(1_000L * random.nextInt(1_000)));
        }

        for (int round = 0; round < 50; round++) {
            Instant from = T0.minusSeconds(5).plusNanos(random.nextLong(Duration.ofSeconds(130).toNanos()));
            Instant to = random.nextInt(5) == 0 ? from
                    : from.plusNanos(random.nextLong(Duration.ofSeconds(60).toNanos()));

            assertThat(openedIn(defaults, from, to)).as("[%s, %s)", from, to)
                    .containsExactlyElementsOf(openedIn(memory, from, to));
        }
    }

    @Test
    void requireRange_acceptsAnEmptyRange_andRefusesNullBounds() {
        FeedbackStore.requireRange(T0, T0);

        assertThatThrownBy(() -> FeedbackStore.requireRange(null, T0)).isInstanceOf(NullPointerException.class)
                .hasMessage("from");
        assertThatThrownBy(() -> FeedbackStore.requireRange(T0, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("to");
    }

    @Test
    void rangeMethods_ofTheInMemoryStoreAndTheDefaults_refuseAnInvertedRangeWithOneMessage() {
        Consumer<Object> ignore = value -> { };
        String expected = "to: 2024-03-04T08:59:59Z is before from 2024-03-04T09:00:00Z; expected [from, to) with"
                + " from <= to";

        assertThatThrownBy(() -> memory.forEachFollowUp(T0, T0.minusSeconds(1), ignore::accept)).hasMessage(expected);
        assertThatThrownBy(() -> memory.forEachResponse(Fixtures.SURVEY, T0, T0.minusSeconds(1), ignore::accept))
                .hasMessage(expected);
        assertThatThrownBy(() -> defaults.forEachResponse(Fixtures.SURVEY, T0, T0.minusSeconds(1), ignore::accept))
                .hasMessage(expected);
    }
}
