package dev.feedbackloop.core.privacy;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.durability.KeepOutboxStore;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.store.ErasureReport;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.OutboxEntry;
import dev.feedbackloop.core.store.StoreTest;
import dev.feedbackloop.core.store.TestStores;
import dev.feedbackloop.survey.Answer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Erasure through the feedback loop on every store: after {@code eraseCustomer}, no trace of the customer id, free
 * text or notes is left anywhere — in what the store returns, in its pending outbox and, for JDBC stores, in any cell
 * of any table.
 */
final class ErasureAcrossStoresTest {

    static final String CUSTOMER = "CUST-SECRET-7";
    static final String TEXT = "TEXT-SECRET-7 my phone is 555";
    static final String NOTE = "NOTE-SECRET-7";

    @StoreTest
    void eraseCustomer_leavesNoPersonalTraceAnywhere(TestStores.Opened opened) throws Exception {
        FeedbackStore raw = opened.store();
        MutableClock clock = MutableClock.at(T0);
        FeedbackLoop loop = FeedbackLoop.builder().store(new KeepOutboxStore(raw)).clock(clock)
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
        loop.register(Fixtures.survey());
        String first = loop.submit(Fixtures.response("r1", CUSTOMER, 2, TEXT, T0)).followUpIds().get(0);
        String second = loop.submit(Fixtures.response("r2", CUSTOMER, 1, TEXT + " again", T0)).followUpIds()
                .get(0);
        loop.submit(Fixtures.response("r3", "someone-else", 3, "kept text", T0));
        clock.advance(Duration.ofHours(1));
        FollowUp contacted = loop.followUps().contact(first, 1, Contact.of("phone", "ana", loop.now(), NOTE));
        loop.followUps().resolve(first, contacted.version(), Resolution.of("fixed", "bug", "ana", loop.now(),
                NOTE + " resolved"));
        clock.advance(Duration.ofHours(60));
        loop.followUps().escalateOverdue(clock.instant());
        loop.care().recordContact(CUSTOMER, TouchKind.CALL, "ana", NOTE + " call");

        ErasureReport report = loop.eraseCustomer(CUSTOMER);

        assertThat(report.responses()).isEqualTo(2);
        assertThat(report.followUps()).isEqualTo(2);
        assertThat(report.outboxEvents()).isPositive();
        assertThat(loop.findResponse("r1").orElseThrow().response().answer("nps")).isEqualTo(Answer.rating(2));
        assertThat(raw.responsesOfCustomer(CUSTOMER)).isEmpty();
        assertThat(raw.touches(CUSTOMER)).isEmpty();
        assertThat(raw.findCustomer(CUSTOMER)).isEmpty();
        var seen = new ArrayList<String>();
        raw.forEachResponse(Fixtures.SURVEY, r -> seen.add(r.toString()));
        raw.forEachFollowUp(f -> seen.add(f.toString()));
        raw.forEachCustomer(c -> seen.add(c.toString()));
        List<OutboxEntry> outbox = raw.pollOutbox(10_000);
        outbox.forEach(e -> seen.add(e.toString()));
        assertThat(outbox).as("events of other customers stay pending").isNotEmpty();
        assertThat(seen).anyMatch(s -> s.contains("kept text")).anyMatch(s -> s.contains("someone-else"));
        assertThat(seen).noneMatch(ErasureAcrossStoresTest::personal);
        assertThat(raw.findFollowUp(second).orElseThrow().customerId()).isNull();
        if (opened.dataSource() != null) {
            List<String> cells = everyCell(opened.dataSource());
            assertThat(cells).anyMatch(c -> c.contains("kept text"));
            assertThat(cells).noneMatch(ErasureAcrossStoresTest::personal);
        }
        assertThat(loop.submit(Fixtures.response("r4", "someone-else", 9, null, T0,
                Map.of("plan", "pro"))).responseId()).isEqualTo("r4");
    }

    static boolean personal(String text) {
        return text.contains("CUST-SECRET") || text.contains("TEXT-SECRET") || text.contains("NOTE-SECRET");
    }

    /** Returns every cell of every {@code fl_} table of the connection's schema as text, prefixed by its table. */
    static List<String> everyCell(DataSource dataSource) throws SQLException {
        var cells = new ArrayList<String>();
        try (Connection connection = dataSource.getConnection()) {
            var tables = new ArrayList<String>();
            try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME");
                    if (table.toLowerCase(Locale.ROOT).startsWith("fl_")) {
                        tables.add(table);
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no fl_ tables found to scan");
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            cells.add(table + ": " + rows.getString(c));
                        }
                    }
                }
            }
        }
        return cells;
    }
}
