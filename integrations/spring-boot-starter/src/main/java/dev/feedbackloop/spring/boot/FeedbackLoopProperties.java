package dev.feedbackloop.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code feedbackloop.*} properties of the auto-configured loop. Immutable; bound once at start-up, and a
 * value out of range fails the start with the property's name.
 *
 * @param store the store over the application's {@code DataSource}
 * @param surveys where the survey definitions are read from
 * @param scheduling the background work: escalation and event delivery
 * @param health the health indicator
 * @param metrics the meters
 * @param listeners the delivery of events to the listeners
 */
@ConfigurationProperties("feedbackloop")
public record FeedbackLoopProperties(@DefaultValue Store store, @DefaultValue Surveys surveys,
                                     @DefaultValue Scheduling scheduling, @DefaultValue Health health,
                                     @DefaultValue Metrics metrics, @DefaultValue Listeners listeners) {

    /**
     * Validates the groups.
     */
    public FeedbackLoopProperties {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(surveys, "surveys");
        Objects.requireNonNull(scheduling, "scheduling");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(listeners, "listeners");
    }

    /**
     * The JDBC store.
     *
     * @param createSchema Whether to create the store's tables and indexes at start-up where they do not exist.
     *                     Idempotent. Turn off when the schema is migrated by other means, for example with the
     *                     store's schema script in Flyway.
     */
    public record Store(@DefaultValue("true") boolean createSchema) {
    }

    /**
     * The survey definitions registered at start-up, besides the application's {@code Survey} beans.
     *
     * @param locations Resource locations of survey definition JSON files, patterns allowed. Every file found is
     *                  registered at start-up, in the order of the locations and by file name within one. A location
     *                  without a pattern must exist.
     */
    public record Surveys(@DefaultValue("classpath*:feedbackloop/surveys/*.json") List<String> locations) {

        /**
         * Copies the locations.
         */
        public Surveys {
            locations = List.copyOf(locations);
            for (int i = 0; i < locations.size(); i++) {
                if (locations.get(i).isBlank()) {
                    throw new IllegalArgumentException("feedbackloop.surveys.locations[" + i + "] is blank");
                }
            }
        }
    }

    /**
     * The background work, on one daemon thread of the starter's own, from the application context's start to its
     * close.
     *
     * @param enabled Whether to run escalation and event delivery in the background. When off, the application
     *                calls followUps().escalateOverdue(..) and deliverPendingEvents() itself.
     * @param escalationInterval How often overdue follow-ups are escalated. Positive.
     * @param eventDeliveryInterval How often pending events are delivered to the listeners: those that a crash left
     *                              behind or that another process wrote to the same database. Positive.
     */
    public record Scheduling(@DefaultValue("true") boolean enabled,
                             @DefaultValue("5m") Duration escalationInterval,
                             @DefaultValue("30s") Duration eventDeliveryInterval) {

        /**
         * Checks that the intervals are positive.
         */
        public Scheduling {
            positive("feedbackloop.scheduling.escalation-interval", escalationInterval);
            positive("feedbackloop.scheduling.event-delivery-interval", eventDeliveryInterval);
        }

        private static void positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + ": " + value + " is not positive");
            }
        }
    }

    /**
     * The health indicator {@code feedbackloop}, contributed when the actuator is present (turned off by
     * {@code management.health.feedbackloop.enabled=false}).
     *
     * @param outboxBacklogThreshold Number of events in the outbox (not yet delivered, or delivered and not yet
     *                               removed) at which the health indicator reports the loop down, since its
     *                               listeners are then not being told what happens. At least 1.
     */
    public record Health(@DefaultValue("1000") int outboxBacklogThreshold) {

        /**
         * Checks the threshold.
         */
        public Health {
            if (outboxBacklogThreshold < 1) {
                throw new IllegalArgumentException("feedbackloop.health.outbox-backlog-threshold: "
                        + outboxBacklogThreshold + " is less than 1");
            }
        }
    }

    /**
     * The meters, bound when the application has a Micrometer registry.
     *
     * @param cacheInterval How long the follow-up gauges' figures are kept before the store is read again, however
     *                      often the registries are scraped. Positive.
     * @param coverageWindow The window of the "did we respond" gauges: the follow-ups opened within this long before
     *                       now. Positive.
     */
    public record Metrics(@DefaultValue("1m") Duration cacheInterval, @DefaultValue("30d") Duration coverageWindow) {

        /**
         * Checks that the durations are positive.
         */
        public Metrics {
            Scheduling.positive("feedbackloop.metrics.cache-interval", cacheInterval);
            Scheduling.positive("feedbackloop.metrics.coverage-window", coverageWindow);
        }
    }

    /**
     * How events reach the application's listeners.
     *
     * @param async Whether to deliver events to the listeners on Spring Boot's application task executor instead of
     *              the thread that wrote them, so that a slow listener does not hold up a request. The events of one
     *              response, follow-up or customer still arrive one at a time and in order.
     */
    public record Listeners(@DefaultValue("false") boolean async) {
    }
}
