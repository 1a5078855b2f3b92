package dev.feedbackloop.spring.boot;

import static dev.feedbackloop.spring.boot.Fixtures.START;
import static dev.feedbackloop.spring.boot.Fixtures.detractor;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.FeedbackListener;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.IntakeObserver;
import dev.feedbackloop.core.InvalidResponseException;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.Rejection;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpEscalated;
import dev.feedbackloop.core.event.FeedbackEvent.FollowUpOpened;
import dev.feedbackloop.core.event.FeedbackEvent.ResponseAccepted;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.EscalationStep;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.OwnerRule;
import dev.feedbackloop.core.followup.Trigger;
import dev.feedbackloop.core.invitation.Invitation;
import dev.feedbackloop.core.invitation.InvitationException;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.invitation.SigningKey;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.jdbc.JdbcDialect;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.spring.boot.Fixtures.RecordingListener;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.annotation.Order;

final class FeedbackLoopAutoConfigurationTest {

    private final ApplicationContextRunner h2 = new ApplicationContextRunner()
            .withConfiguration(Fixtures.withDataSource())
            .withPropertyValues(Fixtures.h2Memory())
            .withPropertyValues("feedbackloop.scheduling.enabled=false");

    @Nested
    final class WithADataSource {

        @Test
        void surveyFileAndPolicyBean_giveAWorkingLoopOnTheJdbcStore() {
            h2.withBean("detractors", FollowUpPolicy.class,
                            () -> FollowUpPolicy.npsDetractors("nps", Duration.ofHours(4)))
                    .run(context -> {
                        assertThat(context).hasSingleBean(FeedbackLoop.class);
                        assertThat(context.getBean(FeedbackStore.class)).isInstanceOf(JdbcStore.class);
                        FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                        assertThat(loop.findSurvey("onboarding-nps", 1)).isPresent();

                        Receipt receipt = loop.submit(detractor("r-1", loop.now()));

                        assertThat(receipt.followUpIds()).hasSize(1);
                        FollowUp followUp = loop.followUps().followUp(receipt.followUpIds().get(0));
                        assertThat(followUp.firstContactDue())
                                .isEqualTo(receipt.receivedAt().plus(Duration.ofHours(4)));
                        assertThat(rows(context.getBean(DataSource.class), "fl_follow_up")).isEqualTo(1);
                    });
        }

        @Test
        void createSchemaFalse_leavesTheDatabaseAlone_soAMissingSchemaFailsTheStart() throws Exception {
            var database = new JdbcDataSource();
            database.setURL("jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            database.setUser("sa");
            h2.withPropertyValues("spring.datasource.url=" + database.getURL(),
                            "feedbackloop.store.create-schema=false", "feedbackloop.surveys.locations=")
                    .run(context -> assertThat(context).getFailure()
                            .hasStackTraceContaining("JDBC store could not read the surveys: table not found"));

            assertThat(tables(database)).isZero();
        }

        @Test
        void schemaFromSpringBootsSqlInitialization_isThereBeforeTheLoopReadsIt() {
            h2.withConfiguration(AutoConfigurations.of(Fixtures.bootClass(
                            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
                            "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration")))
                    .withPropertyValues("feedbackloop.store.create-schema=false", "spring.sql.init.mode=always",
                            "spring.sql.init.schema-locations=classpath:" + JdbcDialect.H2.schemaResource())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(FeedbackLoop.class).surveys()).containsKey("onboarding-nps");
                    });
        }

        @Test
        void createSchemaDefault_createsTheStoresTables() {
            h2.run(context -> assertThat(tables(context.getBean(DataSource.class))).isPositive());
        }

        @Test
        void invitationLedger_isTheStoresDurableOne() {
            h2.run(context -> {
                JdbcStore store = context.getBean(JdbcStore.class);
                assertThat(store.dialect()).isEqualTo(JdbcDialect.H2);
                assertThat(store.invitationLedger()).isNotNull();
            });
        }
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    final class WithoutADataSource {

        @Test
        void inMemoryStore_withAWarningThatNothingSurvivesARestart(CapturedOutput output) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(FeedbackLoopAutoConfiguration.class))
                    .withPropertyValues("feedbackloop.scheduling.enabled=false")
                    .run(context -> {
                        assertThat(context).hasSingleBean(FeedbackLoop.class);
                        assertThat(context.getBean(FeedbackStore.class).getClass().getSimpleName())
                                .isEqualTo("InMemoryStore");
                        assertThat(output).contains("WARN").contains("will not survive a restart");
                        FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                        assertThat(loop.submit(detractor("r-1", loop.now())).responseId()).isEqualTo("r-1");
                    });
        }
    }

    @Nested
    final class BacksOff {

        @Test
        void applicationsOwnLoop_noStoreNoSchedulerNoSurveysRead() {
            FeedbackLoop own = FeedbackLoop.builder().build();
            new ApplicationContextRunner()
                    .withConfiguration(Fixtures.withDataSource())
                    .withPropertyValues(Fixtures.h2Memory())
                    .withBean(FeedbackLoop.class, () -> own)
                    .run(context -> {
                        assertThat(context).getBean(FeedbackLoop.class).isSameAs(own);
                        assertThat(context).doesNotHaveBean(FeedbackStore.class);
                        assertThat(context).doesNotHaveBean(FeedbackLoopScheduler.class);
                        assertThat(own.findSurvey("onboarding-nps", 1)).isEmpty();
                        assertThat(tables(context.getBean(DataSource.class))).isZero();
                    });
        }

        @Test
        void applicationsOwnStore_isTheLoopsStore() {
            FeedbackStore own = FeedbackStore.inMemory();
            h2.withBean(FeedbackStore.class, () -> own).run(context -> {
                assertThat(context).getBean(FeedbackStore.class).isSameAs(own);
                FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                loop.submit(detractor("r-1", loop.now()));
                assertThat(own.findResponse("r-1")).isPresent();
                assertThat(tables(context.getBean(DataSource.class))).isZero();
            });
        }
    }

    @Nested
    final class PartsFromBeans {

        @Test
        void clockBean_stampsTheReceipts() {
            Clock fixed = Clock.fixed(START, ZoneOffset.UTC);
            h2.withBean(Clock.class, () -> fixed).run(context -> {
                FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                assertThat(loop.submit(detractor("r-1", START)).receivedAt()).isEqualTo(START);
            });
        }

        @Test
        void policyBeans_areAskedInTheirOrder() {
            h2.withUserConfiguration(TwoPolicies.class).run(context -> {
                FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                Receipt receipt = loop.submit(detractor("r-1", loop.now()));
                List<String> policies = receipt.followUpIds().stream()
                        .map(id -> loop.followUps().followUp(id).policyId()).toList();
                assertThat(policies).containsExactly("first", "second");
            });
        }

        @Test
        void listenerBeans_hearTheLoopsEvents() {
            RecordingListener listener = new RecordingListener();
            h2.withBean(RecordingListener.class, () -> listener)
                    .withBean(FollowUpPolicy.class, () -> FollowUpPolicy.npsDetractors("nps", Duration.ofHours(4)))
                    .run(context -> {
                        FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                        loop.submit(detractor("r-1", loop.now()));
                        assertThat(listener.of(ResponseAccepted.class)).extracting(ResponseAccepted::responseId)
                                .containsExactly("r-1");
                        assertThat(listener.of(FollowUpOpened.class)).hasSize(1);
                    });
        }

        @Test
        void intakeObserverBeans_hearTheRefusals() {
            var refused = new CopyOnWriteArrayList<Rejection>();
            h2.withBean(IntakeObserver.class, () -> new IntakeObserver() {
                @Override
                public void onRejected(Rejection rejection) {
                    refused.add(rejection);
                }
            }).run(context -> {
                FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                Response outOfScale = Response.builder("r-1", "onboarding-nps", 1, loop.now())
                        .answer("nps", Answer.rating(11)).build();
                assertThatThrownBy(() -> loop.submit(outOfScale)).isInstanceOf(InvalidResponseException.class);

                assertThat(refused).extracting(Rejection::responseId).containsExactly("r-1");
            });
        }

        @Test
        void calendarBean_deadlinesCountItsWorkingHours() {
            // Monday 2026-03-02 16:00 UTC; four working hours of 09:00 to 17:00 end at 12:00 on Tuesday
            Instant mondayAfternoon = Instant.parse("2026-03-02T16:00:00Z");
            h2.withBean(Clock.class, () -> Clock.fixed(mondayAfternoon, ZoneOffset.UTC))
                    .withBean(BusinessCalendar.class, () -> BusinessCalendar.builder(ZoneOffset.UTC)
                            .hours(LocalTime.of(9, 0), LocalTime.of(17, 0))
                            .workdays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)).build())
                    .withBean(FollowUpPolicy.class, () -> FollowUpPolicy.npsDetractors("nps", Duration.ofHours(4)))
                    .run(context -> {
                        FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                        String id = loop.submit(detractor("r-1", mondayAfternoon)).followUpIds().get(0);

                        assertThat(loop.followUps().followUp(id).firstContactDue())
                                .isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
                    });
        }

        @Test
        void invitationsBean_tokensStayUsedAcrossARestartOverTheSameDatabase() {
            Invitations invitations = Invitations.builder()
                    .signWith(SigningKey.of("k1", "0123456789abcdef0123456789abcdef".getBytes(UTF_8))).build();
            String token = invitations.issue(Invitation.of("onboarding-nps", "c-1", START.plus(Duration.ofDays(7))));
            ApplicationContextRunner withInvitations = h2
                    .withBean(Clock.class, () -> Clock.fixed(START, ZoneOffset.UTC))
                    .withBean(Invitations.class, () -> invitations);

            withInvitations.run(context -> context.getBean(FeedbackLoop.class).submit(detractor("r-1", START), token));

            withInvitations.run(context -> {
                FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                assertThatThrownBy(() -> loop.submit(detractor("r-2", START), token))
                        .isInstanceOfSatisfying(InvitationException.class, refusal -> assertThat(refusal.reason())
                                .isEqualTo(InvitationException.Reason.ALREADY_USED));
            });
        }

        @Test
        void asyncListeners_runOnSpringBootsTaskExecutor() {
            var threads = new CopyOnWriteArrayList<String>();
            RecordingListener listener = new RecordingListener();
            h2.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
                    .withPropertyValues("feedbackloop.listeners.async=true")
                    .withBean("threads", FeedbackListener.class, () -> new FeedbackListener() {
                        @Override
                        public void onResponseAccepted(ResponseAccepted event) {
                            threads.add(Thread.currentThread().getName());
                        }
                    })
                    .withBean(RecordingListener.class, () -> listener)
                    .run(context -> {
                        FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                        loop.submit(detractor("r-1", loop.now()));

                        assertThat(listener.awaitOne(ResponseAccepted.class)).isTrue();
                        assertThat(threads).singleElement().asString().startsWith("task-")
                                .isNotEqualTo(Thread.currentThread().getName());
                    });
        }

        @Test
        void asyncListenersWithoutATaskExecutor_failsTheStart() {
            h2.withPropertyValues("feedbackloop.listeners.async=true").run(context -> assertThat(context)
                    .getFailure().hasStackTraceContaining("feedbackloop.listeners.async=true needs Spring Boot's"
                            + " applicationTaskExecutor bean"));
        }

        @Test
        void surveyBean_isRegisteredBesideTheFiles() {
            Survey quick = Survey.builder("quick", 2).title("Quick").question(NpsQuestion.standard("nps"))
                    .build();
            h2.withBean(Survey.class, () -> quick).run(context -> {
                FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                assertThat(loop.findSurvey("quick", 2)).contains(quick);
                assertThat(loop.findSurvey("onboarding-nps", 1)).isPresent();
            });
        }

        @Test
        void customizers_runInOrderAfterTheBeanParts() {
            Clock fromBean = Clock.fixed(START, ZoneOffset.UTC);
            Instant later = START.plus(Duration.ofDays(1));
            h2.withBean(Clock.class, () -> fromBean)
                    .withBean("second", FeedbackLoopBuilderCustomizer.class,
                            () -> new OrderedCustomizer(2, Clock.fixed(later, ZoneOffset.UTC)))
                    .withBean("first", FeedbackLoopBuilderCustomizer.class,
                            () -> new OrderedCustomizer(1, Clock.fixed(START.minusSeconds(1), ZoneOffset.UTC)))
                    .run(context -> assertThat(context.getBean(FeedbackLoop.class).now()).isEqualTo(later));
        }
    }

    @Nested
    final class Surveys {

        @Test
        void fileThatIsNotASurvey_failsTheStartNamingIt() {
            h2.withPropertyValues("feedbackloop.surveys.locations=classpath:broken/*.json").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isNotNull();
                assertThat(context.getStartupFailure()).hasStackTraceContaining("not-a-survey.json")
                        .hasStackTraceContaining("is not a valid survey");
            });
        }

        @Test
        void locationWithoutPatternThatDoesNotExist_failsTheStart() {
            h2.withPropertyValues("feedbackloop.surveys.locations=classpath:nowhere/survey.json").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("classpath:nowhere/survey.json does not exist");
            });
        }

        @Test
        void changedDefinitionUnderAStoredVersion_failsTheStartNamingItsSource() {
            Survey changed = Survey.builder("onboarding-nps", 1).title("Changed without a new version")
                    .question(NpsQuestion.standard("nps")).build();
            h2.run(context -> assertThat(context).hasNotFailed());

            h2.withPropertyValues("feedbackloop.surveys.locations=").withBean(Survey.class, () -> changed)
                    .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
                            "Survey onboarding-nps version 1 from a Survey bean differs from the one registered or"
                                    + " stored under that version"));
        }

        @Test
        void surveysOfAnEarlierStart_areKnownWithoutTheFiles() {
            h2.run(context -> assertThat(context).hasNotFailed());

            h2.withPropertyValues("feedbackloop.surveys.locations=").run(context -> assertThat(
                    context.getBean(FeedbackLoop.class).surveys()).containsEntry("onboarding-nps", List.of(1)));
        }

        @Test
        void patternThatMatchesNothing_registersNothing() {
            h2.withPropertyValues("feedbackloop.surveys.locations=classpath*:nowhere/*.json").run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(FeedbackLoop.class).findSurvey("onboarding-nps", 1)).isEmpty();
            });
        }
    }

    @Nested
    final class Properties {

        @Test
        void nonPositiveInterval_failsTheStartNamingTheProperty() {
            h2.withPropertyValues("feedbackloop.scheduling.escalation-interval=0s").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("feedbackloop.scheduling.escalation-interval: PT0S is not positive");
            });
        }

        @Test
        void defaults() {
            h2.run(context -> {
                FeedbackLoopProperties properties = context.getBean(FeedbackLoopProperties.class);
                assertThat(properties.store().createSchema()).isTrue();
                assertThat(properties.surveys().locations()).containsExactly("classpath*:feedbackloop/surveys/*.json");
                assertThat(properties.scheduling().escalationInterval()).isEqualTo(Duration.ofMinutes(5));
                assertThat(properties.scheduling().eventDeliveryInterval()).isEqualTo(Duration.ofSeconds(30));
                assertThat(properties.health().outboxBacklogThreshold()).isEqualTo(1000);
            });
        }
    }

    @Nested
    final class Scheduling {

        private final ApplicationContextRunner scheduled = new ApplicationContextRunner()
                .withConfiguration(Fixtures.withDataSource())
                .withPropertyValues(Fixtures.h2Memory());

        @Test
        void enabledByDefault_runsWithTheContext() {
            scheduled.run(context -> assertThat(context.getBean(FeedbackLoopScheduler.class).isRunning()).isTrue());
        }

        @Test
        void offSwitch_schedulesNothing() {
            scheduled.withPropertyValues("feedbackloop.scheduling.enabled=false")
                    .run(context -> assertThat(context).doesNotHaveBean(FeedbackLoopScheduler.class));
        }

        @Test
        void eventsLeftInTheOutbox_areDeliveredAtStart() {
            RecordingListener listener = new RecordingListener();
            FeedbackStore store = FeedbackStore.inMemory();
            // another process wrote this event and stopped before delivering it
            store.append(List.of(new ResponseAccepted("r-0", "onboarding-nps", 1, "c-0", START)));
            scheduled.withBean(FeedbackStore.class, () -> store)
                    .withBean(RecordingListener.class, () -> listener)
                    .run(context -> {
                        assertThat(listener.awaitOne(ResponseAccepted.class)).isTrue();
                        assertThat(listener.of(ResponseAccepted.class)).extracting(ResponseAccepted::responseId)
                                .containsExactly("r-0");
                        // the delivery acknowledges after the listeners return; stopping waits for the run under way
                        context.close();
                        assertThat(store.pollOutbox(10)).isEmpty();
                    });
        }

        @Test
        void overdueFollowUp_isEscalatedByTheSchedule() {
            MutableClock clock = MutableClock.at(START);
            RecordingListener listener = new RecordingListener();
            scheduled.withPropertyValues("feedbackloop.scheduling.escalation-interval=20ms")
                    .withBean(Clock.class, () -> clock)
                    .withBean(RecordingListener.class, () -> listener)
                    .withBean(FollowUpPolicy.class, () -> FollowUpPolicy.builder("detractors")
                            .when(Trigger.npsDetractor("nps"))
                            .owner(OwnerRule.fixed("cs-team"))
                            .firstContactWithin(Duration.ofHours(1))
                            .escalate(EscalationStep.to(DeadlineKind.FIRST_CONTACT, Duration.ZERO, "cs-lead"))
                            .build())
                    .run(context -> {
                        FeedbackLoop loop = context.getBean(FeedbackLoop.class);
                        String followUpId = loop.submit(detractor("r-1", START)).followUpIds().get(0);
                        assertThat(listener.of(FollowUpEscalated.class)).isEmpty();
                        clock.advance(Duration.ofHours(2));

                        assertThat(listener.awaitOne(FollowUpEscalated.class)).isTrue();
                        assertThat(listener.of(FollowUpEscalated.class)).singleElement().satisfies(event -> {
                            assertThat(event.followUpId()).isEqualTo(followUpId);
                            assertThat(event.escalatedTo()).isEqualTo("cs-lead");
                        });
                    });
        }

        @Test
        void contextClose_stopsTheSchedule() {
            scheduled.run(context -> {
                FeedbackLoopScheduler scheduler = context.getBean(FeedbackLoopScheduler.class);
                context.close();
                assertThat(scheduler.isRunning()).isFalse();
            });
        }
    }

    static final class TwoPolicies {

        @org.springframework.context.annotation.Bean
        @Order(2)
        FollowUpPolicy second() {
            return FollowUpPolicy.builder("second").when(Trigger.npsDetractor("nps"))
                    .owner(OwnerRule.fixed("b")).firstContactWithin(Duration.ofHours(8)).build();
        }

        @org.springframework.context.annotation.Bean
        @Order(1)
        FollowUpPolicy first() {
            return FollowUpPolicy.builder("first").when(Trigger.npsDetractor("nps"))
                    .owner(OwnerRule.fixed("a")).firstContactWithin(Duration.ofHours(8)).build();
        }
    }

    private record OrderedCustomizer(int order, Clock clock) implements FeedbackLoopBuilderCustomizer,
            org.springframework.core.Ordered {

        @Override
        public void customize(FeedbackLoop.Builder builder) {
            builder.clock(clock);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    static int tables(DataSource dataSource) throws java.sql.SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "FL_%", null)) {
            int count = 0;
            while (tables.next()) {
                count++;
            }
            return count;
        }
    }

    static int rows(DataSource dataSource, String table) throws java.sql.SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
