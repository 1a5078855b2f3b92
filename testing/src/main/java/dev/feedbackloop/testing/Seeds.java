package dev.feedbackloop.testing;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit 5 extension that gives a randomized test a fixed seed, prints it, and lets one system property override
 * it.
 *
 * <p>Register it with {@code @ExtendWith(Seeds.class)} on the test class and declare a parameter of type
 * {@link Random} (a new generator seeded with the test's seed) or {@link Seed} on a test method, a lifecycle method
 * or the constructor:
 *
 * <pre>{@code
 * @ExtendWith(Seeds.class)
 * final class NpsTallyTest {
 *     @Test
 *     void merge_equalsTheTallyOfBoth(Random random) { ... }
 * }
 * }</pre>
 *
 * <p>The seed of a test is fixed: without the property it is derived from the names of the class that declares the
 * test method and of the method (so a test has the same seed on every run and machine, different tests have
 * different seeds, and a contract test has the same seed in every class that runs it); a lifecycle method or
 * constructor outside a test, such as {@code @BeforeAll}, gets the seed of its test class. With
 * {@code -Dfeedbackloop.seed=N} every test gets {@code N}. Each seed handed out is printed to standard output once per
 * test with the property that reproduces it, and an exception that fails the test carries the same line as a
 * suppressed exception, so a report shows it next to the failure.
 *
 * <p>Thread-safe: JUnit may share one instance between tests.
 */
public final class Seeds implements ParameterResolver, TestExecutionExceptionHandler {

    /** The system property that overrides every seed: {@value}. */
    public static final String PROPERTY = "feedbackloop.seed";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Seeds.class);

    /** Creates the extension; JUnit calls this for {@code @ExtendWith(Seeds.class)}. */
    public Seeds() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Random.class || type == Seed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Seed seed = seedOf(extensionContext);
        return parameterContext.getParameter().getType() == Random.class ? seed.random() : seed;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Seed seed = context.getStore(NAMESPACE).get(context.getUniqueId(), Seed.class);
        if (seed != null) {
            throwable.addSuppressed(new SeedReport(describe(context, seed)));
        }
        throw throwable;
    }

    /**
     * Returns the seed of a context, computing and printing it the first time it is asked for; keyed by the context
     * so that a test does not find the seed of its class in the store it inherits.
     */
    private static Seed seedOf(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(), key -> {
            Seed seed = new Seed(overridden().orElseGet(() -> fixed(name(context))));
            System.out.println(describe(context, seed));
            return seed;
        }, Seed.class);
    }

    private static Optional<Long> overridden() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new ParameterResolutionException("-D" + PROPERTY + "=" + value + " is not a whole number", e);
        }
    }

    /** The name the fixed seed is derived from: the declaring class and name of the test method, or the class. */
    private static String name(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent()) {
            return method.get().getDeclaringClass().getName() + "#" + method.get().getName();
        }
        return context.getRequiredTestClass().getName();
    }

    /** A 64-bit FNV-1a hash of the name, made non-negative so that it reads as a plain number. */
    static long fixed(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash & Long.MAX_VALUE;
    }

    /** Names the test by the display names from its outermost class down, then the seed and how to rerun it. */
    private static String describe(ExtensionContext context, Seed seed) {
        var path = new ArrayDeque<String>();
        for (ExtensionContext c = context; c.getParent().isPresent(); c = c.getParent().get()) {
            path.addFirst(c.getDisplayName());
        }
        return String.join(" > ", path) + ": seed " + seed.value() + " (rerun with " + seed + ")";
    }

    /** Carries the seed line in a failing test's report; it has no stack trace of its own. */
    private static final class SeedReport extends Exception {

        private static final long serialVersionUID = 1L;

        SeedReport(String message) {
            super(message, null, false, false);
        }
    }
}
