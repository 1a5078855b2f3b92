package dev.feedbackloop.spring.boot;

import dev.feedbackloop.core.FeedbackLoop;

/**
 * Adjusts the {@link FeedbackLoop.Builder} that the auto-configuration fills before it builds the application's
 * loop: for what no bean type carries, such as {@link FeedbackLoop.Builder#taxonomy the resolution taxonomy} or a
 * {@link FeedbackLoop.Builder#validator validator}. Every bean of this type is called once, in
 * {@link org.springframework.core.annotation.Order order}, after the auto-configuration has set the store, clock,
 * policies, listeners and the other parts it takes from beans, so a customizer may replace any of them.
 *
 * <p>Implementations are called on the thread that creates the loop bean, once per application context.
 */
@FunctionalInterface
public interface FeedbackLoopBuilderCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder of the application's loop; not built yet
     */
    void customize(FeedbackLoop.Builder builder);
}
