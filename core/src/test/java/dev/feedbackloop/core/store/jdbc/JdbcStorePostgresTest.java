package dev.feedbackloop.core.store.jdbc;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.Submission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store does on PostgreSQL beyond the store test kit (which runs on PostgreSQL in
 * {@code feedbackloop-store-tck}), in a schema of its own that every test empties first. Needs
 * {@value Databases#POSTGRES_URL}; skipped without it, failed without it when {@code CI=true}.
 */
final class JdbcStorePostgresTest {

    private static final Databases DATABASES = new Databases();
    private static @Nullable DataSource dataSource;

    private JdbcStore store;

    @BeforeAll
    static void createSchema() {
        dataSource = DATABASES.postgresSchema("contract");
    }

    @AfterAll
    static void dropSchema() {
        DATABASES.close();
    }

    @BeforeEach
    void emptySchema() {
        store = Databases.freshPostgresStore(dataSource);
    }

    @Test
    void of_detectsPostgresql() {
        assertThat(store.dialect()).isEqualTo(JdbcDialect.POSTGRESQL);
    }

    @Test
    void createSchema_again_keepsTheDataAndTheOutbox() {
        FollowUp followUp = JdbcStoreTest.submitDetractor(store, "r1", "c1", T0);
        List<OutboxEntry> pending = store.pollOutbox(10);

        JdbcStore restarted = JdbcStore.of(Objects.requireNonNull(dataSource)).createSchema();

        assertThat(restarted.findFollowUp(followUp.id())).contains(followUp);
        assertThat(restarted.pollOutbox(10)).hasSize(1).isEqualTo(pending);
    }

    @Test
    void instants_areTruncatedToMicroseconds() {
        Instant fine = T0.plusNanos(123_456_789);
        store.putCustomer(Customer.of("c1", Map.of()));
        store.recordTouch(Touch.contact("c1", TouchKind.CALL, fine, "ana", null), List.of());

        assertThat(store.touches("c1")).extracting(Touch::at).containsExactly(T0.plusNanos(123_456_000));
    }

    @Test
    void forEachResponseInATimeRange_isARangeOnTheSubmittedIndex() throws SQLException {
        // a month of responses, one every ten minutes (4,320), and fresh statistics, so that the planner weighs a
        // one-day range against the table as it would in production
        var batch = new ArrayList<Submission>();
        for (int i = 0; i < 4_320; i++) {
            Instant at = T0.plus(Duration.ofMinutes(10L * i));
            batch.add(JdbcStoreTest.submission(Fixtures.response("r" + i, null, 9, null, at), at, List.of()));
        }
        store.submitAll(batch);
        DataSource source = Objects.requireNonNull(dataSource);
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE fl_response");
        }

        String plan = QueryPlans.explain(source, ResponseRows.SUBMITTED_BETWEEN, select -> {
            select.setString(1, Fixtures.SURVEY);
            Sql.setInstant(select, 2, T0.plus(Duration.ofDays(10)));
            Sql.setInstant(select, 3, T0.plus(Duration.ofDays(11)));
        });

        // an index scan, or a bitmap of the index then a sort of the day's rows, as the planner weighs it
        assertThat(plan).containsPattern("Index Scan (using|on) fl_response_submitted_idx")
                .containsPattern("Index Cond: .*survey_id.*submitted_at >= .*submitted_at < ")
                .doesNotContain("Seq Scan");
    }

    @Test
    void forEachFollowUpInATimeRange_isARangeOnTheOpenedIndex() throws SQLException {
        // a month of follow-ups, one opened every ten minutes (4,320) for 50 customers, and fresh statistics, so that
        // the planner weighs a one-day range against the table as it would in production
        var batch = new ArrayList<Submission>();
        for (int i = 0; i < 4_320; i++) {
            Instant at = T0.plus(Duration.ofMinutes(10L * i));
            String customer = "c" + (i % 50);
            batch.add(JdbcStoreTest.submission(Fixtures.response("r" + i, customer, 2, null, at), at,
                    List.of(Fixtures.followUp("r" + i, customer, "ana", Priority.HIGH, at, Duration.ofHours(48)))));
        }
        store.submitAll(batch);
        DataSource source = Objects.requireNonNull(dataSource);
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE fl_follow_up");
        }

        String plan = QueryPlans.explain(source, FollowUpRows.OPENED_BETWEEN, select -> {
            Sql.setInstant(select, 1, T0.plus(Duration.ofDays(10)));
            Sql.setInstant(select, 2, T0.plus(Duration.ofDays(11)));
        });

        // an index scan, or a bitmap of the index then a sort of the day's rows, as the planner weighs it
        assertThat(plan).containsPattern("Index (Only )?Scan (using|on) fl_follow_up_opened_idx")
                .containsPattern("Index Cond: .*opened_at >= .*opened_at < ")
                .doesNotContain("Seq Scan");
    }
}
