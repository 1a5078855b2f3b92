package dev.feedbackloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdbcQuickStartTest {

    @TempDir
    Path dir;

    @Test
    void main_readsTheSurveyAndTheResponseBackAfterARestart() {
        PrintStream original = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            JdbcQuickStart.main(new String[] {dir.toString()});
        } finally {
            System.setOut(original);
        }

        assertThat(buffer.toString(StandardCharsets.UTF_8)).isEqualTo(
                "After a restart, surveys {relationship=[1]}; did we respond to r-1? PENDING"
                        + System.lineSeparator());
        assertThat(dir.resolve("feedback.mv.db")).exists();
    }

    @Test
    void postgresql_isADataSourceForThatUrl() throws SQLException {
        DataSource dataSource = JdbcQuickStart.postgresql("jdbc:postgresql://localhost:5432/feedback", "feedback",
                "secret");

        var postgres = dataSource.unwrap(org.postgresql.ds.PGSimpleDataSource.class);
        assertThat(postgres.getServerNames()).containsExactly("localhost");
        assertThat(postgres.getPortNumbers()).containsExactly(5432);
        assertThat(postgres.getDatabaseName()).isEqualTo("feedback");
        assertThat(postgres.getUser()).isEqualTo("feedback");
    }

    @Test
    void h2_isAPoolOfConnectionsToTheFileDatabase() throws SQLException {
        var pool = JdbcQuickStart.h2(dir);
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getMetaData().getURL()).contains(dir.resolve("feedback").toString());
        } finally {
            pool.dispose();
        }
    }

    @Test
    void readme_quotesTheJdbcQuickStartVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/feedbackloop/examples/JdbcQuickStart.java"));
        String readme = Files.readString(Path.of("../../README.md"));

        assertThat(readme).contains("```java\n" + source + "```\n");
    }
}
