package dev.feedbackloop.spring.boot;

import dev.feedbackloop.core.store.FeedbackStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the health indicator {@code feedbackloop} (see {@code FeedbackLoopHealthIndicator}) over the
 * application's {@link FeedbackStore}, when Spring Boot 4's health support is present (the actuator brings it),
 * unless {@code management.health.feedbackloop.enabled=false} or the application defines a bean named
 * {@code feedbackloopHealthIndicator}. Stateless; Spring calls it while it starts the context.
 */
@AutoConfiguration(after = FeedbackLoopAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(FeedbackStore.class)
@ConditionalOnEnabledHealthIndicator("feedbackloop")
public final class FeedbackLoopHealthAutoConfiguration {

    /** Created by Spring. */
    FeedbackLoopHealthAutoConfiguration() {
    }

    /**
     * The health indicator.
     *
     * @param store the store it checks
     * @param properties the backlog threshold
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "feedbackloopHealthIndicator")
    HealthIndicator feedbackloopHealthIndicator(FeedbackStore store, FeedbackLoopProperties properties) {
        return new FeedbackLoopHealthIndicator(store, properties.health().outboxBacklogThreshold());
    }
}
