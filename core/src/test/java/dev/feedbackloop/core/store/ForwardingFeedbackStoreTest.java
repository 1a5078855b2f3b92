package dev.feedbackloop.core.store;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.FollowUpCursor;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Survey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ForwardingFeedbackStore} forwards every method of {@link FeedbackStore}, found by reflection, so that a
 * method added to the interface cannot be forgotten: the default ones too, with the same arguments, returning what
 * the delegate returned.
 */
final class ForwardingFeedbackStoreTest {

    private static final FollowUp FOLLOW_UP = Fixtures.followUp("r1", "c1", "ana", Priority.HIGH, T0,
            Duration.ofHours(48));
    private static final StoredResponse RESPONSE = new StoredResponse(Fixtures.response("r1", "c1", 3, null, T0), T0);

    static Stream<Method> storeMethods() {
        return Arrays.stream(FeedbackStore.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()));
    }

    @ParameterizedTest
    @MethodSource("storeMethods")
    void everyMethod_isDeclaredByTheForwardingStore(Method method) {
        assertThatCode(() -> ForwardingFeedbackStore.class.getDeclaredMethod(method.getName(),
                method.getParameterTypes())).as("%s must forward %s", ForwardingFeedbackStore.class.getSimpleName(),
                method).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("storeMethods")
    void everyMethod_reachesTheDelegateWithItsArgumentsAndReturnsItsResult(Method method) throws Exception {
        var calls = new ArrayList<Call>();
        Object returned = sample(method.getReturnType(), 99);
        FeedbackStore delegate = (FeedbackStore) Proxy.newProxyInstance(FeedbackStore.class.getClassLoader(),
                new Class<?>[] {FeedbackStore.class}, (proxy, called, args) -> {
                    calls.add(new Call(called, args == null ? List.of() : Arrays.asList(args)));
                    return returned;
                });
        FeedbackStore forwarding = new ForwardingFeedbackStore(delegate) {
        };
        Object[] arguments = new Object[method.getParameterCount()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = sample(method.getParameterTypes()[i], i);
        }

        Object result = invoke(method, forwarding, arguments);

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo(method);
            assertThat(call.arguments()).hasSameSizeAs(arguments);
            for (int i = 0; i < arguments.length; i++) {
                assertThat(call.arguments().get(i)).as("argument %d", i).isSameAs(arguments[i]);
            }
        });
        assertThat(result).isSameAs(returned);
    }

    @Test
    void aNullDelegate_isRefused() {
        assertThatThrownBy(() -> new ForwardingFeedbackStore(null) {
        }).isInstanceOf(NullPointerException.class).hasMessage("delegate");
    }

    private static @Nullable Object invoke(Method method, Object target, Object[] arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /** A value of a type, different for each {@code index} where the type allows, so that swapped arguments show. */
    private static @Nullable Object sample(Class<?> type, int index) {
        if (type == void.class) {
            return null;
        }
        if (type == int.class) {
            return 10 + index;
        }
        if (type == String.class) {
            return "value-" + index;
        }
        if (type == Instant.class) {
            return T0.plusSeconds(index);
        }
        if (type == List.class || type == Collection.class) {
            return new ArrayList<>(List.of(index));
        }
        if (type == Map.class) {
            return new HashMap<>(Map.of(index, index));
        }
        if (type == Optional.class) {
            return Optional.of(index);
        }
        if (type == Consumer.class) {
            return (Consumer<Object>) value -> { };
        }
        if (type == DeadlineKind.class) {
            return DeadlineKind.RESOLUTION;
        }
        if (type == Submission.class) {
            return new Submission(RESPONSE, List.of(), List.of(), null, List.of());
        }
        if (type == SubmitResult.class) {
            return new SubmitResult(true, RESPONSE, List.of());
        }
        if (type == FollowUp.class) {
            return FOLLOW_UP;
        }
        if (type == FollowUpChange.class) {
            return new FollowUpChange(FOLLOW_UP.pause("ana", T0, null), List.of(), List.of());
        }
        if (type == FollowUpQuery.class) {
            return FollowUpQuery.all().withOwner("value-" + index);
        }
        if (type == Survey.class) {
            return Survey.builder("survey-" + index, 1).title("Survey " + index).question(NpsQuestion.standard("nps"))
                    .build();
        }
        if (type == FollowUpCounts.class) {
            return FollowUpCounts.counter(T0.plusSeconds(index)).add(FOLLOW_UP).counts();
        }
        if (type == FollowUpCursor.class) {
            return new FollowUpCursor(DeadlineKind.RESOLUTION, T0.plusSeconds(index), "f-" + index);
        }
        if (type == Customer.class) {
            return Customer.of("c-" + index, Map.of());
        }
        if (type == Touch.class) {
            return Touch.contact("c-" + index, TouchKind.CALL, T0, "ana", null);
        }
        if (type == Erasure.class) {
            return Erasure.of("c-" + index, T0);
        }
        if (type == ErasureReport.class) {
            return new ErasureReport(index, 0, 0, 0, false);
        }
        throw new AssertionError("add a sample of " + type.getName() + " to " + ForwardingFeedbackStoreTest.class);
    }

    private record Call(Method method, List<Object> arguments) {
    }
}
