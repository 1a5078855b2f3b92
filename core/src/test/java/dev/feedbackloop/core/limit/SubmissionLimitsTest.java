package dev.feedbackloop.core.limit;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.HostCallbackException;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.limit.LimitExceededException.Limit;
import dev.feedbackloop.survey.Respondent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class SubmissionLimitsTest {

    private final MutableClock clock = MutableClock.at(T0);

    private FeedbackLoop loop(SubmissionLimits limits, SubmissionGuard guard) {
        FeedbackLoop loop = FeedbackLoop.builder().clock(clock).limits(limits).submissionGuard(guard).build();
        loop.register(Fixtures.survey());
        return loop;
    }

    private static Limit limitOf(Runnable submit) {
        try {
            submit.run();
        } catch (LimitExceededException e) {
            return e.limit();
        }
        throw new AssertionError("expected a LimitExceededException");
    }

    @Nested
    class Defaults {

        @Test
        void standard_documentedValues() {
            SubmissionLimits standard = SubmissionLimits.standard();

            assertThat(standard.maxTextLength()).isEqualTo(20_000);
            assertThat(standard.maxAttributes()).isEqualTo(Respondent.MAX_ATTRIBUTES);
            assertThat(standard.limitsResponsesPerCustomer()).isFalse();
        }

        @Test
        void invalidValues_areRejected() {
            assertThatThrownBy(() -> new SubmissionLimits(0, 1, 1, Duration.ofHours(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTextLength");
            assertThatThrownBy(() -> SubmissionLimits.standard().withResponsesPerCustomer(1, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        }
    }

    @Test
    void textLongerThanTheLimit_isRefusedAndNothingStored() {
        FeedbackLoop loop = loop(SubmissionLimits.standard().withMaxTextLength(10), SubmissionGuard.permitAll());

        assertThat(limitOf(() -> loop.submit(Fixtures.response("r1", "c1", 3, "x".repeat(11), T0))))
                .isEqualTo(Limit.TEXT_LENGTH);
        assertThat(loop.submit(Fixtures.response("r2", "c1", 3, "\uD83D\uDE00".repeat(10), T0)).responseId())
                .isEqualTo("r2");
        assertThat(loop.findResponse("r1")).isEmpty();
    }

    @Test
    void tooManyAttributes_isRefused() {
        FeedbackLoop loop = loop(SubmissionLimits.standard().withMaxAttributes(2), SubmissionGuard.permitAll());
        var attributes = new HashMap<String, String>(Map.of("a", "1", "b", "2", "c", "3"));

        assertThat(limitOf(() -> loop.submit(Fixtures.response("r1", "c1", 3, null, T0, attributes))))
                .isEqualTo(Limit.ATTRIBUTES);
    }

    @Test
    void responsesPerCustomer_areCountedInASlidingWindow() {
        FeedbackLoop loop = loop(SubmissionLimits.standard().withResponsesPerCustomer(2, Duration.ofHours(1)),
                SubmissionGuard.permitAll());
        loop.submit(Fixtures.response("r1", "c1", 9, null, T0));
        loop.submit(Fixtures.response("r2", "c1", 9, null, T0));

        assertThat(limitOf(() -> loop.submit(Fixtures.response("r3", "c1", 9, null, T0))))
                .isEqualTo(Limit.RESPONSES_PER_CUSTOMER);
        assertThat(loop.submit(Fixtures.response("r1", "c1", 9, null, T0)).responseId()).isEqualTo("r1");
        assertThat(loop.submit(Fixtures.response("r4", "c2", 9, null, T0)).responseId()).isEqualTo("r4");
        assertThat(loop.submit(Fixtures.response("r5", null, 9, null, T0)).responseId()).isEqualTo("r5");
        clock.advance(Duration.ofHours(1));
        assertThat(loop.submit(Fixtures.response("r3", "c1", 9, null, T0)).responseId()).isEqualTo("r3");
    }

    @Test
    void hostGuard_refusesAndIsNotAskedForResubmissions() {
        var asked = new java.util.concurrent.atomic.AtomicInteger();
        FeedbackLoop loop = loop(SubmissionLimits.standard(), (response, now) -> {
            asked.incrementAndGet();
            return !response.id().startsWith("blocked");
        });
        loop.submit(Fixtures.response("r1", "c1", 9, null, T0));
        loop.submit(Fixtures.response("r1", "c1", 9, null, T0));

        assertThat(limitOf(() -> loop.submit(Fixtures.response("blocked-1", "c1", 9, null, T0))))
                .isEqualTo(Limit.HOST_GUARD);
        assertThat(asked).hasValue(2);
    }

    @Test
    void failingGuard_isOurExceptionAndStoresNothing() {
        FeedbackLoop loop = loop(SubmissionLimits.standard(), (response, now) -> {
            throw new IllegalStateException("cache down");
        });

        assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", "c1", 9, null, T0)))
                .isInstanceOfSatisfying(HostCallbackException.class, e -> {
                    assertThat(e.callback()).isEqualTo(HostCallbackException.Callback.SUBMISSION_GUARD);
                    assertThat(e.responseId()).isEqualTo("r1");
                    assertThat(e).hasRootCauseMessage("cache down");
                })
                .hasMessageContaining("nothing was stored");
        assertThat(loop.findResponse("r1")).isEmpty();
    }

    @Test
    void message_namesTheResponseButNoPersonalData() {
        FeedbackLoop loop = loop(SubmissionLimits.standard().withMaxTextLength(3), SubmissionGuard.permitAll());

        assertThatThrownBy(() -> loop.submit(Fixtures.response("r1", "secret-customer", 3, "private words", T0)))
                .hasMessageContaining("r1").hasMessageNotContaining("secret-customer")
                .hasMessageNotContaining("private");
    }
}
