package dev.feedbackloop.testing;

import java.util.Random;

/**
 * The seed of one randomized test, handed out by {@link Seeds}. Declare a parameter of this type to derive several
 * generators from one seed ({@code new Random(seed.value() + 1)}, {@code new SplittableRandom(seed.value())}), to
 * name the seed in an assertion's description, or to pass it to code under test; declare a {@link Random} parameter
 * when one generator is enough.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the seed
 */
public record Seed(long value) {

    /**
     * Returns a new generator seeded with this seed; every call returns a new one that produces the same sequence.
     *
     * @return the generator
     */
    public Random random() {
        return new Random(value);
    }

    /**
     * Returns the system property that reproduces this seed, for messages.
     *
     * @return for example {@code -Dfeedbackloop.seed=42}
     */
    @Override
    public String toString() {
        return "-D" + Seeds.PROPERTY + "=" + value;
    }
}
