package dev.feedbackloop.examples;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.NpsQuestion;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.survey.Survey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/** Keep responses and follow-ups in a database: make a DataSource, give the loop a JdbcStore over it. */
public final class JdbcQuickStart {

    private JdbcQuickStart() {
    }

    /**
     * An embedded H2 file database in a directory, with H2's own connection pool (dependency com.h2database:h2).
     *
     * @param directory where the database file goes
     * @return the pool; {@code dispose()} it when the application stops
     */
    public static JdbcConnectionPool h2(Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("feedback").toAbsolutePath()
                + ";RETENTION_TIME=1000;QUERY_CACHE_SIZE=32";
        return JdbcConnectionPool.create(url, "sa", "");
    }

    /**
     * A PostgreSQL database through the driver's DataSource (dependency org.postgresql:postgresql). It opens a
     * connection per transaction: in production, hand the loop your application's pool (HikariCP, or the one your
     * framework configures) instead.
     *
     * @param url e.g. {@code jdbc:postgresql://localhost:5432/feedback}
     * @param user the database user
     * @param password the password
     * @return the data source
     */
    public static DataSource postgresql(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /**
     * A loop that keeps everything in the database behind {@code dataSource}.
     *
     * @param dataSource an H2 or PostgreSQL data source
     * @return the loop
     */
    public static FeedbackLoop loop(DataSource dataSource) {
        JdbcStore store = JdbcStore.of(dataSource)   // detects H2 or PostgreSQL from the connection
                .createSchema();                     // CREATE TABLE/INDEX IF NOT EXISTS; safe on every start
        return FeedbackLoop.builder()
                .store(store)
                .clock(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)))  // instants are stored to the microsecond
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .build();
    }

    /**
     * Stores a survey and a response in an H2 database, then reads them back through a second loop, as after a
     * restart.
     *
     * @param args the directory of the database (default {@code feedbackloop-data})
     */
    public static void main(String[] args) {
        JdbcConnectionPool dataSource = h2(Path.of(args.length > 0 ? args[0] : "feedbackloop-data"));
        try {
            Survey survey = Survey.builder("relationship", 1).title("How are we doing?")
                    .question(NpsQuestion.standard("nps")).build();
            FeedbackLoop loop = loop(dataSource);
            loop.register(survey);
            loop.submit(Response.builder("r-1", survey, Instant.now())
                    .respondent(Respondent.of("acme", Map.of())).answer("nps", Answer.rating(2)).build());

            FeedbackLoop restarted = loop(dataSource);   // knows the survey: the store kept it
            System.out.println("After a restart, surveys " + restarted.surveys() + "; did we respond to r-1? "
                    + restarted.didWeRespond("r-1", restarted.now()).verdict());
        } finally {
            dataSource.dispose();
        }
    }
}
