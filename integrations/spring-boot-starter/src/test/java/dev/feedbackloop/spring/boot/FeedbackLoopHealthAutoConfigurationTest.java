package dev.feedbackloop.spring.boot;

import static dev.feedbackloop.spring.boot.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.event.FeedbackEvent.ResponseAccepted;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.jdbc.JdbcDialect;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

final class FeedbackLoopHealthAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(Fixtures.withDataSource())
            .withConfiguration(AutoConfigurations.of(FeedbackLoopHealthAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class))
            .withPropertyValues(Fixtures.h2Memory())
            .withPropertyValues("feedbackloop.scheduling.enabled=false");

    @Test
    void storeAnswersAndNothingWaits_up() {
        runner.run(context -> {
            Health health = health(context.getBean("feedbackloopHealthIndicator", HealthIndicator.class));
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("store", "H2").containsEntry("outboxBacklog", 0)
                    .doesNotContainKey("oldestOutboxEvent");
        });
    }

    @Test
    void afterSubmissions_upAndTheScheduledDeliveryEmptiesTheOutbox() {
        runner.withBean(FollowUpPolicy.class, () -> FollowUpPolicy.npsDetractors("nps", Duration.ofHours(4)))
                .run(context -> {
                    FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                    for (int i = 0; i < 5; i++) {
                        loop.submit(Fixtures.detractor("r-" + i, loop.now()));
                    }
                    HealthIndicator indicator = context.getBean("feedbackloopHealthIndicator", HealthIndicator.class);
                    assertThat(health(indicator).getStatus()).isEqualTo(Status.UP);

                    loop.deliverPendingEvents();  // what the scheduler runs

                    assertThat(health(indicator).getDetails()).containsEntry("outboxBacklog", 0);
                });
    }

    @Test
    void registeredUnderTheNameFeedbackloop() {
        runner.run(context -> assertThat(context.getBean(HealthContributorRegistry.class)
                .getContributor("feedbackloop")).isInstanceOf(FeedbackLoopHealthIndicator.class));
    }

    @Test
    void backlogBelowTheThreshold_upWithTheOldestEvent() {
        FeedbackStore store = storeWithPendingEvents(2);
        runner.withPropertyValues("feedbackloop.health.outbox-backlog-threshold=3")
                .withBean(FeedbackStore.class, () -> store)
                .run(context -> {
                    Health health = health(context.getBean("feedbackloopHealthIndicator", HealthIndicator.class));
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("outboxBacklog", 2)
                            .containsEntry("oldestOutboxEvent", START.toString());
                });
    }

    @Test
    void backlogAtTheThreshold_down() {
        FeedbackStore store = storeWithPendingEvents(3);
        runner.withPropertyValues("feedbackloop.health.outbox-backlog-threshold=3")
                .withBean(FeedbackStore.class, () -> store)
                .run(context -> {
                    Health health = health(context.getBean("feedbackloopHealthIndicator", HealthIndicator.class));
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("outboxBacklog", 3)
                            .containsEntry("outboxBacklogThreshold", 3);
                });
    }

    @Test
    void storeUnreachable_downWithTheFailure() throws SQLException {
        DataSource unreachable = mock(DataSource.class);
        when(unreachable.getConnection()).thenThrow(new SQLException("Connection refused", "08001"));
        JdbcStore store = JdbcStore.of(unreachable, JdbcDialect.POSTGRESQL);
        runner.withBean(FeedbackStore.class, () -> store)
                .withBean(FeedbackLoop.class, () -> FeedbackLoop.builder().build())
                .run(context -> {
                    Health health = health(context.getBean("feedbackloopHealthIndicator", HealthIndicator.class));
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsKey("error");
                });
    }

    @Test
    void turnedOffByProperty_absent() {
        runner.withPropertyValues("management.health.feedbackloop.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("feedbackloopHealthIndicator"));
    }

    @Test
    void withoutSpringBootHealth_absentAndTheLoopStillStarts() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).hasSingleBean(FeedbackLoop.class);
            assertThat(context).doesNotHaveBean("feedbackloopHealthIndicator");
        });
    }

    @Test
    void applicationsOwnIndicatorByThatName_keepsIt() {
        HealthIndicator own = () -> Health.up().withDetails(Map.of("own", true)).build();
        runner.withBean("feedbackloopHealthIndicator", HealthIndicator.class, () -> own)
                .run(context -> assertThat(context.getBean("feedbackloopHealthIndicator")).isSameAs(own));
    }

    private static FeedbackStore storeWithPendingEvents(int count) {
        FeedbackStore store = FeedbackStore.inMemory();
        for (int i = 0; i < count; i++) {
            store.append(List.of(new ResponseAccepted("r-" + i, "onboarding-nps", 1, null, START.plusSeconds(i))));
        }
        return store;
    }

    private static Health health(HealthIndicator indicator) {
        Health health = indicator.health();
        assertThat(health).isNotNull();
        return health;
    }
}
