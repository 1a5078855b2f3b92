package dev.feedbackloop.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.spring.boot.quickstart.FeedbackApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The smallest application ({@link FeedbackApplication}, the README's): the starter, a data source (an H2 file) and
 * one survey JSON file, with Spring Boot's metrics and health support on the class path as the actuator brings them,
 * started as Spring Boot starts an application (every auto-configuration on the class path), stopped, and started
 * again over the same file after the survey file is deleted.
 */
final class SmallestApplicationTest {

    @TempDir
    Path directory;

    @Test
    void startedTwice_loopMetersAndHealthWork_thenSurveysAndResponsesAreThereWithoutTheFile() throws Exception {
        Path surveys = Files.createDirectories(directory.resolve("surveys"));
        try (var in = getClass().getResourceAsStream("/feedbackloop/surveys/onboarding-nps.json")) {
            assertThat(in).isNotNull();
            Files.copy(in, surveys.resolve("onboarding-nps.json"));
        }
        String[] arguments = {
                "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("feedback").toAbsolutePath()
                        + ";RETENTION_TIME=1000;QUERY_CACHE_SIZE=32", // the README's options
                "--feedbackloop.surveys.locations=file:" + surveys.toAbsolutePath() + "/*.json"};

        String followUpId;
        try (ConfigurableApplicationContext context = start(arguments)) {
            FeedbackLoop loop = context.getBean(FeedbackLoop.class);
            assertThat(loop.findSurvey("onboarding-nps", 1)).isPresent();
            Receipt receipt = loop.submit(Fixtures.detractor("r-1", loop.now()));
            followUpId = receipt.followUpIds().get(0);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("feedbackloop.responses").tag("outcome", "accepted").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("feedbackloop.followups.opened").tag("policy", "nps-detractor").counter()
                    .count()).isEqualTo(1.0);

            if (Fixtures.bootHealthPresent()) {
                assertThat(Fixtures.health(context)).hasValueSatisfying(
                        health -> assertThat(health).containsEntry("status", "UP").containsEntry("store", "H2"));
            } else {
                assertThat(Fixtures.health(context)).isEmpty();
            }
        }

        Files.delete(surveys.resolve("onboarding-nps.json"));
        try (ConfigurableApplicationContext context = start(arguments)) {
            FeedbackLoop loop = context.getBean(FeedbackLoop.class);
            assertThat(loop.surveys()).containsEntry("onboarding-nps", List.of(1));
            assertThat(loop.findSurvey("onboarding-nps", 1)).isPresent();
            assertThat(loop.findResponse("r-1")).isPresent();
            assertThat(loop.followUps().followUp(followUpId).responseId()).isEqualTo("r-1");
        }
    }

    @Test
    void theReadmeQuotesTheApplicationAndTheSurveyFile() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));
        // relative to the module, here or in the module that runs these tests on Spring Boot 3
        Path starter = Path.of("../spring-boot-starter/src/test");
        String application = Files.readString(
                starter.resolve("java/dev/feedbackloop/spring/boot/quickstart/FeedbackApplication.java"));
        String survey = Files.readString(starter.resolve("resources/feedbackloop/surveys/onboarding-nps.json"));

        assertThat(readme).contains("```java\n" + application + "```\n").contains("```json\n" + survey + "```\n");
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(FeedbackApplication.class).web(WebApplicationType.NONE).run(arguments);
    }
}
