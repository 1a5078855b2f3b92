package dev.feedbackloop.examples.webapp.programme;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.invitation.SigningKey;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Survey;
import dev.feedbackloop.survey.json.SurveyJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Builds the application's {@link FeedbackLoop} over its {@link DataSource}: the JDBC store and invitation ledger
 * (schema created on start), the programme's policies, calendar and care plan, invitations signed with the
 * configured key, and the surveys found at {@code classpath:feedbackloop/surveys/*.json}.
 */
@Configuration(proxyBeanMethods = false)
public class LoopConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LoopConfiguration.class);

    /**
     * The clock of the loop, which the demo data moves while it plays the past weeks.
     *
     * @return the clock
     */
    @Bean
    public DemoClock demoClock() {
        return new DemoClock();
    }

    /**
     * The store: every response, follow-up, customer and event, in the application's database.
     *
     * @param dataSource the application's pooled data source
     * @return the store
     */
    @Bean
    public JdbcStore feedbackStore(DataSource dataSource) {
        return JdbcStore.of(dataSource).createSchema();
    }

    /**
     * The invitations: tokens signed with the key in {@code feedbackloop.invitations.secret} (base64, 32 bytes or
     * more), or with a random key when none is set, in which case links end with the process.
     *
     * @param secret the base64 secret, or empty
     * @return the invitations
     */
    @Bean
    public Invitations invitations(@Value("${feedbackloop.invitations.secret:}") String secret) {
        byte[] key;
        if (secret.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            LOG.info("Invitation links are signed with a key made for this run; set feedbackloop.invitations.secret "
                    + "(base64, 32 bytes) to keep them valid across restarts");
        } else {
            key = Base64.getDecoder().decode(secret.trim());
        }
        return Invitations.builder().signWith(SigningKey.of("web1", key)).build();
    }

    /**
     * The loop, with the surveys registered.
     *
     * @param store the store, whose database also keeps the invitation ledger
     * @param invitations the invitations
     * @param clock the clock
     * @param policies the follow-up policies, in order
     * @return the loop; closed with the context
     */
    @Bean(destroyMethod = "close")
    public FeedbackLoop feedbackLoop(JdbcStore store, Invitations invitations, DemoClock clock,
                                     ObjectProvider<FollowUpPolicy> policies) {
        FeedbackLoop.Builder builder = FeedbackLoop.builder()
                .store(store)
                .clock(clock)
                .calendar(FeedbackProgramme.calendar())
                .carePlan(FeedbackProgramme.carePlan())
                .taxonomy(FeedbackProgramme.RESOLUTION_CODES, FeedbackProgramme.ROOT_CAUSES)
                .invitations(invitations)
                .invitationLedger(store.invitationLedger());
        policies.orderedStream().forEach(builder::followUpPolicy);
        FeedbackLoop loop = builder.build();
        surveys().forEach(loop::register);
        return loop;
    }

    private static List<Survey> surveys() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:feedbackloop/surveys/*.json");
            var surveys = new ArrayList<Survey>();
            SurveyJson json = SurveyJson.standard();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    surveys.add(json.readSurvey(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            surveys.sort(Comparator.comparing(Survey::id));
            return surveys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
