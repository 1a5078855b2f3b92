package dev.feedbackloop.spring.boot;

import dev.feedbackloop.core.FeedbackListener;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.IntakeObserver;
import dev.feedbackloop.core.care.CarePlan;
import dev.feedbackloop.core.care.ThrottlePolicy;
import dev.feedbackloop.core.followup.BusinessCalendar;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.invitation.InvitationLedger;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.limit.SubmissionGuard;
import dev.feedbackloop.core.limit.SubmissionLimits;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.SurveyConflictException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Auto-configures the application's {@link FeedbackLoop}, unless it defines one itself.
 *
 * <ul>
 *   <li><b>Store</b>: a {@link FeedbackStore} bean if the application has one; otherwise a {@link JdbcStore} over
 *       its {@link DataSource} (the primary or only one), with the tables created at start-up unless
 *       {@code feedbackloop.store.create-schema=false}, and its invitation ledger; created after the application's
 *       database initialization (Spring Boot's SQL scripts, Flyway, Liquibase); without a data source, the
 *       in-memory store, with a WARN that nothing survives a restart.</li>
 *   <li><b>Parts from beans</b>: {@link FollowUpPolicy}, {@link FeedbackListener} and {@link IntakeObserver} beans
 *       (all, in {@link org.springframework.core.annotation.Order order}); a single {@link Clock},
 *       {@link BusinessCalendar}, {@link CarePlan}, {@link ThrottlePolicy}, {@link SubmissionLimits},
 *       {@link SubmissionGuard}, {@link Invitations} and {@link InvitationLedger} bean each, where the application
 *       has one; then every {@link FeedbackLoopBuilderCustomizer}.</li>
 *   <li><b>Surveys</b>: every file at {@code feedbackloop.surveys.locations} (by default each
 *       {@code feedbackloop/surveys/*.json} on the class path), then every {@link Survey} bean, registered once the
 *       loop is built, and so kept in the store: a loop started later over the same database knows them without the
 *       files. A file or bean whose definition differs from the one stored under its id and version fails the
 *       start, naming it.</li>
 *   <li><b>Listeners</b> run on the writing thread, or on Spring Boot's application task executor with
 *       {@code feedbackloop.listeners.async=true}.</li>
 *   <li><b>Background work</b>: escalation and event delivery on a thread of the starter's own, unless
 *       {@code feedbackloop.scheduling.enabled=false}.</li>
 * </ul>
 *
 * <p>Ordered after Spring Boot's data source auto-configuration, named both as Spring Boot 3 and as Spring Boot 4
 * call it. Stateless; Spring calls it while it starts the context.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@EnableConfigurationProperties(FeedbackLoopProperties.class)
public final class FeedbackLoopAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoopAutoConfiguration.class);
    /** The name of Spring Boot's application task executor. */
    private static final String TASK_EXECUTOR = "applicationTaskExecutor";

    /** Created by Spring. */
    FeedbackLoopAutoConfiguration() {
    }

    /**
     * The loop and what only the auto-configured loop needs; skipped when the application defines its own loop.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(FeedbackLoop.class)
    static final class LoopConfiguration {

        LoopConfiguration() {
        }

        /**
         * The store: a {@link JdbcStore} over the application's data source, or the in-memory store without one.
         *
         * @param dataSource the application's data source, if there is a single or primary one
         * @param properties the properties
         * @return the store
         */
        @Bean
        @ConditionalOnMissingBean
        @DependsOnDatabaseInitialization
        FeedbackStore feedbackStore(ObjectProvider<DataSource> dataSource, FeedbackLoopProperties properties) {
            DataSource unique = dataSource.getIfUnique();
            if (unique == null) {
                LOG.warn("No single DataSource: Feedback Loop keeps responses and follow-ups in memory, and they will "
                        + "not survive a restart. Add a DataSource (spring.datasource.url) to keep them.");
                return FeedbackStore.inMemory();
            }
            JdbcStore store = JdbcStore.of(unique);
            if (properties.store().createSchema()) {
                store.createSchema();
            }
            LOG.debug("Feedback Loop stores to the application's DataSource ({})", store.dialect());
            return store;
        }

        /**
         * The loop, with the surveys registered.
         *
         * @param store the store
         * @param properties the properties
         * @param resourceLoader where survey files are looked up
         * @param clock the application's clock, if it has one
         * @param policies the follow-up policies, in order
         * @param listeners the listeners, in order
         * @param observers the intake observers, in order
         * @param calendar the business calendar, if the application has one
         * @param carePlan the care plan, if the application has one
         * @param throttle the survey throttling, if the application has one
         * @param limits the submission limits, if the application has them
         * @param guard the submission guard, if the application has one
         * @param invitations the invitations, if the application has them
         * @param ledger the invitation ledger, if the application has one
         * @param customizers the builder customizers, in order
         * @param surveys the survey beans, in order
         * @param taskExecutor Spring Boot's application task executor, for the listeners if they run asynchronously
         * @return the loop, closed with the context
         */
        @Bean(destroyMethod = "close")
        @DependsOnDatabaseInitialization
        FeedbackLoop feedbackLoop(FeedbackStore store, FeedbackLoopProperties properties,
                                  ResourceLoader resourceLoader, ObjectProvider<Clock> clock,
                                  ObjectProvider<FollowUpPolicy> policies, ObjectProvider<FeedbackListener> listeners,
                                  ObjectProvider<IntakeObserver> observers,
                                  ObjectProvider<BusinessCalendar> calendar, ObjectProvider<CarePlan> carePlan,
                                  ObjectProvider<ThrottlePolicy> throttle, ObjectProvider<SubmissionLimits> limits,
                                  ObjectProvider<SubmissionGuard> guard, ObjectProvider<Invitations> invitations,
                                  ObjectProvider<InvitationLedger> ledger,
                                  ObjectProvider<FeedbackLoopBuilderCustomizer> customizers,
                                  ObjectProvider<Survey> surveys,
                                  @Qualifier(TASK_EXECUTOR) ObjectProvider<Executor> taskExecutor) {
            FeedbackLoop.Builder builder = FeedbackLoop.builder().store(store);
            clock.ifUnique(builder::clock);
            policies.orderedStream().forEach(builder::followUpPolicy);
            listeners.orderedStream().forEach(builder::listener);
            observers.orderedStream().forEach(builder::intakeObserver);
            calendar.ifUnique(builder::calendar);
            carePlan.ifUnique(builder::carePlan);
            throttle.ifUnique(builder::throttle);
            limits.ifUnique(builder::limits);
            guard.ifUnique(builder::submissionGuard);
            invitations.ifUnique(builder::invitations);
            InvitationLedger uniqueLedger = ledger.getIfUnique();
            if (uniqueLedger != null) {
                builder.invitationLedger(uniqueLedger);
            } else if (store instanceof JdbcStore) {
                builder.invitationLedger(((JdbcStore) store).invitationLedger());
            }
            if (properties.listeners().async()) {
                Executor executor = taskExecutor.getIfAvailable();
                if (executor == null) {
                    throw new IllegalStateException("feedbackloop.listeners.async=true needs Spring Boot's "
                            + TASK_EXECUTOR + " bean (task execution auto-configuration)");
                }
                builder.listenerExecutor(executor);
            }
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));

            List<SurveyFiles.Found> files = SurveyFiles.read(
                    ResourcePatternUtils.getResourcePatternResolver(resourceLoader), properties.surveys().locations());
            FeedbackLoop loop = builder.build();
            try {
                for (SurveyFiles.Found file : files) {
                    register(loop, file.survey(), file.source());
                }
                surveys.orderedStream().forEach(survey -> register(loop, survey, "a Survey bean"));
            } catch (RuntimeException e) {
                loop.close();
                throw e;
            }
            LOG.debug("surveys known: {}", loop.surveys());
            return loop;
        }

        private static void register(FeedbackLoop loop, Survey survey, String source) {
            try {
                loop.register(survey);
            } catch (SurveyConflictException e) {
                throw new IllegalStateException("Survey " + survey.id() + " version " + survey.version() + " from "
                        + source + " differs from the one registered or stored under that version; give a changed "
                        + "survey a new version", e);
            }
        }

        /**
         * The background work: escalation and event delivery.
         *
         * @param loop the loop
         * @param properties the intervals
         * @return the scheduler, started and stopped with the context
         */
        @Bean
        @ConditionalOnBooleanProperty(name = "feedbackloop.scheduling.enabled", matchIfMissing = true)
        FeedbackLoopScheduler feedbackLoopScheduler(FeedbackLoop loop, FeedbackLoopProperties properties) {
            return new FeedbackLoopScheduler(loop, properties.scheduling().escalationInterval(),
                    properties.scheduling().eventDeliveryInterval());
        }
    }
}
