package dev.feedbackloop.spring.boot;

import dev.feedbackloop.core.FeedbackListener;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.ApplicationContext;

/**
 * What the starter's tests share: the auto-configurations (Spring Boot's by the name of the Spring Boot version on
 * the class path, so that the same tests run on Spring Boot 3 and 4), a survey's responses, a recording listener
 * and a clock the test moves.
 */
final class Fixtures {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private Fixtures() {
    }

    /**
     * The starter's loop auto-configuration with Spring Boot's data source auto-configuration.
     *
     * @return the auto-configurations
     */
    static AutoConfigurations withDataSource() {
        return AutoConfigurations.of(
                bootClass("org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"),
                FeedbackLoopAutoConfiguration.class);
    }

    /**
     * A new in-memory H2 database, as Spring Boot properties.
     *
     * @return the properties
     */
    static String[] h2Memory() {
        return new String[] {"spring.datasource.url=jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "spring.datasource.username=sa", "spring.datasource.password="};
    }

    /**
     * Returns whether Spring Boot 4's health support is on the class path: then the starter contributes its health
     * indicator; Spring Boot 3's actuator has another API, for which it contributes none.
     *
     * @return whether the health indicator is expected
     */
    static boolean bootHealthPresent() {
        try {
            Class.forName("org.springframework.boot.health.contributor.HealthIndicator", false,
                    Fixtures.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Asks the starter's health indicator, by reflection so that the tests compile on Spring Boot 3 as well.
     *
     * @param context the application context
     * @return its status ({@code "status"}) and details, or empty if the context has no such indicator
     * @throws ReflectiveOperationException if the indicator is not as Spring Boot 4 makes them
     */
    static Optional<Map<String, Object>> health(ApplicationContext context) throws ReflectiveOperationException {
        if (!context.containsBean("feedbackloopHealthIndicator")) {
            return Optional.empty();
        }
        Object indicator = context.getBean("feedbackloopHealthIndicator");
        Object health = indicator.getClass().getMethod("health").invoke(indicator);
        var result = new TreeMap<String, Object>();
        result.put("status", String.valueOf(health.getClass().getMethod("getStatus").invoke(health)));
        Map<?, ?> details = (Map<?, ?>) health.getClass().getMethod("getDetails").invoke(health);
        details.forEach((key, value) -> result.put(String.valueOf(key), value));
        return Optional.of(result);
    }

    static Class<?> bootClass(String... names) {
        for (String name : names) {
            try {
                return Class.forName(name, false, Fixtures.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // try the next name
            }
        }
        throw new IllegalStateException("none of " + List.of(names) + " is on the class path");
    }

    /**
     * A detractor's answer to the test survey {@code onboarding-nps} (src/test/resources/feedbackloop/surveys).
     *
     * @param id the response id
     * @param at when it was submitted
     * @return the response
     */
    static Response detractor(String id, Instant at) {
        return Response.builder(id, "onboarding-nps", 1, at)
                .respondent(Respondent.of("c-" + id, Map.of("plan", "pro")))
                .answer("nps", Answer.rating(3))
                .answer("hardest", Answer.choice("billing"))
                .build();
    }

    /** A listener that records every event; thread-safe. */
    static final class RecordingListener implements FeedbackListener {

        private final List<FeedbackEvent> events = new ArrayList<>();

        @Override
        public synchronized void onEvent(FeedbackEvent event) {
            events.add(event);
            notifyAll();
        }

        synchronized <T extends FeedbackEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /**
         * Waits until an event of a type has been heard, for at most ten seconds.
         *
         * @param type the event type
         * @return whether one was heard
         * @throws InterruptedException if interrupted while waiting
         */
        synchronized boolean awaitOne(Class<? extends FeedbackEvent> type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events.stream().noneMatch(type::isInstance)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
