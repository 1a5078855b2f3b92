package dev.feedbackloop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

final class SeedsTest {

    /** What the sample tests saw, in order; sample tests run one at a time. */
    private static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    @AfterEach
    void reset() {
        SEEN.clear();
        System.clearProperty(Seeds.PROPERTY);
    }

    private static EngineExecutionResults run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
    }

    @Test
    void withoutTheProperty_eachTestHasAFixedSeedOfItsOwn() {
        run(TwoTests.class);
        List<Object> first = List.copyOf(SEEN);
        SEEN.clear();

        run(TwoTests.class);

        assertThat(SEEN).isEqualTo(first).hasSize(2).doesNotHaveDuplicates();
        assertThat(first).contains(new Seed(Seeds.fixed(TwoTests.class.getName() + "#first")).random().nextLong());
    }

    @Test
    void theProperty_givesEveryTestItsValue() {
        System.setProperty(Seeds.PROPERTY, " 42 ");

        run(TwoTests.class);

        long expected = new Random(42).nextLong();
        assertThat(SEEN).containsExactly(expected, expected);
    }

    @Test
    void aPropertyThatIsNotANumber_failsTheTestSayingSo() {
        System.setProperty(Seeds.PROPERTY, "forty-two");

        List<Event> failures = run(TwoTests.class).testEvents().failed().list();

        assertThat(failures).hasSize(2).allSatisfy(event -> assertThat(event.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("-Dfeedbackloop.seed=forty-two is not a whole number"));
    }

    @Test
    void aSeedAndAGeneratorOfOneTest_andItsLifecycleMethods_shareTheSeed() {
        run(SharedSeed.class);

        long fixed = Seeds.fixed(SharedSeed.class.getName() + "#test");
        assertThat(SEEN).containsExactly(Seeds.fixed(SharedSeed.class.getName()), new Seed(fixed),
                new Seed(fixed).random().nextLong(), new Seed(fixed));
    }

    @Test
    void aFailingTest_carriesItsSeedInTheReport() {
        System.setProperty(Seeds.PROPERTY, "7");

        List<Event> failures = run(Failing.class).testEvents().failed().list();

        assertThat(failures).singleElement().satisfies(event -> assertThat(event.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()
                .getSuppressed()).singleElement().satisfies(suppressed -> assertThat(suppressed)
                        .hasMessage("SeedsTest$Failing > fails(Random): seed 7 (rerun with -Dfeedbackloop.seed=7)")));
    }

    @Test
    void seed_printsAsThePropertyThatReproducesIt() {
        assertThat(new Seed(-3)).hasToString("-Dfeedbackloop.seed=-3");
        assertThat(new Seed(5).random().nextInt()).isEqualTo(new Random(5).nextInt());
    }

    @ExtendWith(Seeds.class)
    static final class TwoTests {

        @Test
        void first(Random random) {
            SEEN.add(random.nextLong());
        }

        @Test
        void second(Random random) {
            SEEN.add(random.nextLong());
        }
    }

    @ExtendWith(Seeds.class)
    static final class SharedSeed {

        @BeforeAll
        static void classSeed(Seed seed) {
            SEEN.add(seed.value());
        }

        @BeforeEach
        void before(Seed seed) {
            SEEN.add(seed);
        }

        @Test
        void test(Random random, Seed seed) {
            SEEN.add(random.nextLong());
            SEEN.add(seed);
        }
    }

    @ExtendWith(Seeds.class)
    static final class Failing {

        @Test
        void fails(Random random) {
            throw new AssertionError("failed after " + random.nextInt());
        }
    }
}
