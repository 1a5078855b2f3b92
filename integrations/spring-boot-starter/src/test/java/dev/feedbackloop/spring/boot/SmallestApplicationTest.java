package dev.feedbackloop.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The smallest application: the starter, a data source (an H2 file) and one survey JSON file, started as Spring Boot
 * starts an application (every auto-configuration on the class path), stopped and started again over the same file.
 */
final class SmallestApplicationTest {

    @TempDir
    Path directory;

    @Test
    void startedTwiceOverOneDatabase_loopAndHealthWork_andTheResponsesAreStillThere() throws IOException {
        Path surveys = Files.createDirectories(directory.resolve("surveys"));
        try (var in = getClass().getResourceAsStream("/feedbackloop/surveys/onboarding-nps.json")) {
            assertThat(in).isNotNull();
            Files.copy(in, surveys.resolve("onboarding-nps.json"));
        }
        String[] arguments = {
                "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("feedback").toAbsolutePath()
                        + ";WRITE_DELAY=0",
                "--feedbackloop.surveys.locations=file:" + surveys.toAbsolutePath() + "/*.json"};

        String followUpId;
        try (ConfigurableApplicationContext context = start(arguments)) {
            FeedbackLoop loop = context.getBean(FeedbackLoop.class);
            assertThat(loop.findSurvey("onboarding-nps", 1)).isPresent();
            Receipt receipt = loop.submit(Fixtures.detractor("r-1", loop.now()));
            followUpId = receipt.followUpIds().get(0);

            HealthIndicator health = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
                    .getContributor("feedbackloop");
            assertThat(health).isNotNull();
            Health status = health.health();
            assertThat(status).isNotNull();
            assertThat(status.getStatus()).isEqualTo(Status.UP);
        }

        try (ConfigurableApplicationContext context = start(arguments)) {
            FeedbackLoop loop = context.getBean(FeedbackLoop.class);
            assertThat(loop.findResponse("r-1")).isPresent();
            assertThat(loop.followUps().followUp(followUpId).responseId()).isEqualTo("r-1");
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).run(arguments);
    }

    /** The application: a policy is all it defines. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        FollowUpPolicy detractors() {
            return FollowUpPolicy.npsDetractors("nps", Duration.ofHours(4));
        }
    }
}
