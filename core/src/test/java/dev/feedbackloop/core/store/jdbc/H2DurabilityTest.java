package dev.feedbackloop.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.privacy.RecordingLogs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * On an H2 file with a write delay the store ends each write with {@code CHECKPOINT SYNC}, which needs H2's admin
 * rights. A user without them still writes: the store says so once, at WARN, and leaves commits to H2's write delay.
 */
final class H2DurabilityTest {

    @TempDir
    Path directory;

    @Test
    void aUserWithoutAdminRights_writesAnyway_andTheStoreWarnsOnce() throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("feedback").toAbsolutePath();
        // settings in a URL need admin rights too: the admin opens the database with them, the writer without
        JdbcDataSource admin = dataSource(url + ";RETENTION_TIME=1000;DB_CLOSE_DELAY=-1", "sa", "");
        JdbcStore.of(admin).createSchema();
        execute(admin, "CREATE USER writer PASSWORD 'w'",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO writer");
        RecordingLogs.clear();

        FeedbackLoop loop = FeedbackLoop.builder().store(JdbcStore.of(dataSource(url, "writer", "w"))).build();
        loop.register(Fixtures.survey());
        for (int i = 1; i <= 3; i++) {
            loop.submit(Fixtures.response("r-" + i, "c-" + i, 3, "slow", Fixtures.T0));
        }
        loop.close();

        assertThat(RecordingLogs.events()).filteredOn(event -> event.level() == Level.WARN
                        && event.everything().contains("CHECKPOINT SYNC"))
                .as("one WARN, not one per write").hasSize(1);
        execute(admin, "SHUTDOWN");
        Set<String> stored = new HashSet<>();
        JdbcStore.of(dataSource(url, "sa", "")).forEachResponse(Fixtures.SURVEY, r -> stored.add(r.id()));
        assertThat(stored).containsExactlyInAnyOrder("r-1", "r-2", "r-3");
        execute(admin, "SHUTDOWN");
    }

    @Test
    void anAdminUser_writesWithoutAWarning() throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("admin").toAbsolutePath()
                + ";RETENTION_TIME=1000;DB_CLOSE_DELAY=-1";
        RecordingLogs.clear();
        FeedbackLoop loop = FeedbackLoop.builder().store(JdbcStore.of(dataSource(url, "sa", "")).createSchema())
                .build();
        loop.register(Fixtures.survey());
        loop.submit(Fixtures.response("r-1", "c-1", 3, "slow", Fixtures.T0));
        loop.close();

        assertThat(RecordingLogs.events()).noneMatch(event -> event.level() == Level.WARN);
        execute(dataSource(url, "sa", ""), "SHUTDOWN");
    }

    private static JdbcDataSource dataSource(String url, String user, String password) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    private static void execute(JdbcDataSource dataSource, String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
