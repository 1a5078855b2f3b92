package dev.feedbackloop.spring.boot;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.micrometer.FeedbackLoopMetrics;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the loop's meters ({@link FeedbackLoopMetrics}, a {@code MeterBinder} that Spring Boot binds to
 * every registry) when the application has a {@link MeterRegistry} (the actuator brings one): counters and timers
 * from the auto-configured loop's events, and gauges of its follow-ups read at most once per
 * {@code feedbackloop.metrics.cache-interval}. A loop that the application defines itself gets the gauges
 * only. Backs off when the application defines its own {@link FeedbackLoopMetrics}.
 *
 * <p>Ordered after Spring Boot's metrics auto-configuration, named both as Spring Boot 3 and as Spring Boot 4 call
 * it. Stateless; Spring calls it while it starts the context.
 */
@AutoConfiguration(after = FeedbackLoopAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, FeedbackLoopMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public final class FeedbackLoopMetricsAutoConfiguration {

    /** Created by Spring. */
    FeedbackLoopMetricsAutoConfiguration() {
    }

    /**
     * The event meters, given to the auto-configured loop's builder.
     *
     * @return the customizer that gives them
     */
    @Bean
    @ConditionalOnMissingBean(FeedbackLoopMetrics.class)
    EventMeters feedbackLoopEventMeters() {
        return new EventMeters();
    }

    /**
     * The meters of the loop.
     *
     * @param loop the loop
     * @param events the event meters, recording if the loop was built with them
     * @param properties the cache interval and coverage window
     * @param clock the registries' clock, if there is one
     * @return the binder
     */
    @Bean
    @ConditionalOnBean(FeedbackLoop.class)
    @ConditionalOnMissingBean
    FeedbackLoopMetrics feedbackLoopMetrics(FeedbackLoop loop, EventMeters events, FeedbackLoopProperties properties,
                                            ObjectProvider<Clock> clock) {
        FeedbackLoopMetrics.Builder builder = FeedbackLoopMetrics.builder(loop)
                .cacheFor(properties.metrics().cacheInterval())
                .coverageWindow(properties.metrics().coverageWindow());
        clock.ifUnique(builder::clock);
        if (events.given()) {
            builder.events(events.meters());
        }
        return builder.build();
    }
}
