package dev.feedbackloop.spring.boot;

import static dev.feedbackloop.spring.boot.Fixtures.detractor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.jdbc.JdbcDialect;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configured loop on PostgreSQL, in a schema of its own on the server named by
 * {@code FEEDBACKLOOP_TEST_POSTGRES_URL}; skipped without it, failed without it when {@code CI=true}.
 */
final class FeedbackLoopOnPostgresTest {

    private static final String POSTGRES_URL = "FEEDBACKLOOP_TEST_POSTGRES_URL";

    private String url = "";
    private String schema = "";

    @BeforeEach
    void createSchema() throws SQLException {
        String configured = System.getenv(POSTGRES_URL);
        if (configured == null || configured.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + POSTGRES_URL + " is not set: the starter's PostgreSQL tests must run in CI");
            }
            assumeTrue(false, "set " + POSTGRES_URL + " to a JDBC URL of a test database to run on PostgreSQL");
        }
        url = configured;
        schema = ("fl_test_starter_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1))
                .toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (!schema.isEmpty()) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void surveyFileAndPolicy_workingLoopAndHealth_andSurveysAndDataSurviveARestartWithoutTheFiles() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(Fixtures.withDataSource())
                // named, not imported, so that this compiles and runs on Spring Boot 3, which has no such health API
                .withConfiguration(Fixtures.bootHealthPresent() ? AutoConfigurations.of(
                        Fixtures.bootClass("dev.feedbackloop.spring.boot.FeedbackLoopHealthAutoConfiguration"))
                        : AutoConfigurations.of())
                .withPropertyValues("spring.datasource.url=" + url + (url.contains("?") ? "&" : "?")
                        + "currentSchema=" + schema, "feedbackloop.scheduling.enabled=false")
                .withBean(FollowUpPolicy.class, () -> FollowUpPolicy.npsDetractors("nps", Duration.ofHours(4)));
        String[] followUpId = new String[1];

        runner.run(context -> {
            assertThat(context.getBean(FeedbackStore.class)).isInstanceOfSatisfying(JdbcStore.class,
                    store -> assertThat(store.dialect()).isEqualTo(JdbcDialect.POSTGRESQL));
            FeedbackLoop loop = context.getBean(FeedbackLoop.class);
            Receipt receipt = loop.submit(detractor("r-1", loop.now()));
            assertThat(receipt.followUpIds()).hasSize(1);
            followUpId[0] = receipt.followUpIds().get(0);
            if (Fixtures.bootHealthPresent()) {
                assertThat(Fixtures.health(context)).hasValueSatisfying(health -> assertThat(health)
                        .containsEntry("status", "UP").containsEntry("store", "POSTGRESQL")
                        .containsEntry("outboxBacklog", 0));
            }
        });
        runner.withPropertyValues("feedbackloop.surveys.locations=").run(context -> {
            FeedbackLoop loop = context.getBean(FeedbackLoop.class);
            assertThat(loop.findSurvey("onboarding-nps", 1)).isPresent();
            assertThat(loop.findResponse("r-1")).isPresent();
            assertThat(loop.followUps().followUp(followUpId[0]).policyId()).isEqualTo("nps-detractor");
        });
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
