package dev.feedbackloop.spring.boot;

import static dev.feedbackloop.spring.boot.Fixtures.detractor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.InvalidResponseException;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.micrometer.FeedbackLoopMetrics;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

final class FeedbackLoopMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(Fixtures.withDataSource())
            .withConfiguration(AutoConfigurations.of(FeedbackLoopMetricsAutoConfiguration.class, Fixtures.bootClass(
                    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration")))
            .withPropertyValues(Fixtures.h2Memory())
            .withPropertyValues("feedbackloop.scheduling.enabled=false")
            .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(FollowUpPolicy.class, () -> FollowUpPolicy.npsDetractors("nps", Duration.ofHours(4)));

    @Test
    void acceptedAndRefusedResponses_areCountedInTheApplicationsRegistry() {
        runner.run(context -> {
            FeedbackLoop loop = context.getBean(FeedbackLoop.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            loop.submit(detractor("r-1", loop.now()));
            Response outOfScale = Response.builder("r-2", "onboarding-nps", 1, loop.now())
                    .answer("nps", Answer.rating(11)).build();
            assertThatThrownBy(() -> loop.submit(outOfScale)).isInstanceOf(InvalidResponseException.class);

            assertThat(registry.get("feedbackloop.responses").tag("survey", "onboarding-nps")
                    .tag("outcome", "accepted").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("feedbackloop.responses").tag("outcome", "rejected").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("feedbackloop.followups.opened").tag("policy", "nps-detractor").counter()
                    .count()).isEqualTo(1.0);
        });
    }

    @Test
    void followUpGauges_readTheStoreOncePerCacheInterval() {
        runner.withPropertyValues("feedbackloop.metrics.cache-interval=1h").run(context -> {
            FeedbackLoop loop = context.getBean(FeedbackLoop.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            double before = registry.get("feedbackloop.followups.open").tag("policy", "nps-detractor").gauge()
                    .value();
            loop.submit(detractor("r-1", loop.now()));

            // read at binding, before the submission; the next read is an hour away
            assertThat(before).isZero();
            assertThat(registry.get("feedbackloop.followups.open").tag("policy", "nps-detractor").gauge().value())
                    .isZero();
        });
    }

    @Test
    void followUpGauges_showTheStoreAfterTheInterval() {
        runner.withPropertyValues("feedbackloop.metrics.cache-interval=1ns").run(context -> {
            FeedbackLoop loop = context.getBean(FeedbackLoop.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            loop.submit(detractor("r-1", loop.now()));

            assertThat(registry.get("feedbackloop.followups.open").tag("policy", "nps-detractor").gauge().value())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void withoutARegistry_noMeters() {
        new ApplicationContextRunner()
                .withConfiguration(Fixtures.withDataSource())
                .withConfiguration(AutoConfigurations.of(FeedbackLoopMetricsAutoConfiguration.class))
                .withPropertyValues(Fixtures.h2Memory())
                .withPropertyValues("feedbackloop.scheduling.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(FeedbackLoop.class);
                    assertThat(context).doesNotHaveBean(FeedbackLoopMetrics.class);
                });
    }

    @Test
    void withoutTheMicrometerModule_theLoopStartsWithoutMeters() {
        runner.withClassLoader(new FilteredClassLoader(FeedbackLoopMetrics.class)).run(context -> {
            assertThat(context).hasSingleBean(FeedbackLoop.class);
            assertThat(context).doesNotHaveBean(FeedbackLoopMetrics.class);
            assertThat(context.getBean(MeterRegistry.class).find("feedbackloop.responses").counter()).isNull();
        });
    }

    @Test
    void applicationsOwnLoop_gaugesOnly() {
        FeedbackLoop own = FeedbackLoop.builder()
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(4))).build();
        runner.withBean(FeedbackLoop.class, () -> own).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("feedbackloop.followups.open").tag("policy", "nps-detractor").gauge())
                    .isNotNull();
            assertThat(registry.find("feedbackloop.followups.opened").counter()).isNull();
        });
    }

    @Test
    void applicationsOwnMeters_keepThem() {
        runner.withBean("ownMetrics", FeedbackLoopMetrics.class,
                        () -> FeedbackLoopMetrics.builder(FeedbackLoop.builder().build()).build())
                .run(context -> assertThat(context).getBean(FeedbackLoopMetrics.class).isSameAs(
                        context.getBean("ownMetrics")));
    }
}
