package dev.feedbackloop.core.privacy;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpConflictException;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.store.StoreException;
import dev.feedbackloop.core.store.StoreTest;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.core.store.Submission;
import dev.feedbackloop.core.store.TestStores;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.event.Level;

/**
 * Real driver errors on H2 and PostgreSQL carry the statement and its parameters in their messages: customer ids,
 * attribute values, the JSON body with free text, notes. Check constraints make each kind of write fail in the
 * database; every message reachable from what the caller catches (causes, suppressed exceptions, next exceptions,
 * the printed stack trace) and every log line at INFO or above must be free of the submitted personal values, while
 * the operation and the SQLState stay.
 */
final class DatabaseFailureMessagesTest {

    private static final String CUSTOMER = "CUST-SECRET-3";
    private static final String TEXT = "TEXT-SECRET-3";
    private static final String NOTE = "NOTE-SECRET-3";
    private static final String ATTRIBUTE = "ATTR-SECRET-3";
    /** The SQLState class of a check constraint violation: 23513 on H2, 23514 on PostgreSQL. */
    private static final String CHECK_VIOLATION = "SQLState 2351";

    @BeforeEach
    void clear() {
        RecordingLogs.clear();
    }

    @StoreTest({TestStores.H2_MEMORY, TestStores.H2_FILE, TestStores.POSTGRES})
    void driverErrors_reachTheCallerWithoutPersonalData(TestStores.Opened opened) throws Exception {
        DataSource dataSource = Objects.requireNonNull(opened.dataSource());
        execute(dataSource, "ALTER TABLE fl_response ADD CONSTRAINT fl_test_response CHECK (channel <> 'refuse')");
        execute(dataSource, "ALTER TABLE fl_response_attribute ADD CONSTRAINT fl_test_attribute"
                + " CHECK (attr_name <> 'refuse')");
        execute(dataSource, "ALTER TABLE fl_touch ADD CONSTRAINT fl_test_touch CHECK (actor <> 'refuse')");
        execute(dataSource, "ALTER TABLE fl_follow_up ADD CONSTRAINT fl_test_follow_up"
                + " CHECK (contact_channel IS NULL OR contact_channel <> 'refuse')");
        execute(dataSource, "ALTER TABLE fl_customer ADD CONSTRAINT fl_test_customer"
                + " CHECK (attributes NOT LIKE '%refuse%')");
        FeedbackLoop loop = FeedbackLoop.builder().store(opened.store()).clock(MutableClock.at(T0))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
        loop.register(Fixtures.survey());
        String followUp = loop.submit(response("r0", "web", Map.of("plan", ATTRIBUTE))).followUpIds().get(0);
        var failures = new LinkedHashMap<String, Throwable>();

        failures.put("response row", catchThrowable(() -> loop.submit(response("r1", "refuse",
                Map.of("plan", ATTRIBUTE)))));
        failures.put("attribute row", catchThrowable(() -> loop.submit(response("r2", "web",
                Map.of("refuse", ATTRIBUTE)))));
        failures.put("batch", catchThrowable(() -> loop.submitAll(List.of(response("r3", "web", Map.of()),
                response("r4", "refuse", Map.of("plan", ATTRIBUTE))))));
        failures.put("touch row", catchThrowable(() -> loop.care().recordContact(CUSTOMER, TouchKind.CALL,
                "refuse", NOTE)));
        failures.put("follow-up row", catchThrowable(() -> loop.followUps().contact(followUp, 1,
                Contact.of("refuse", "ana", loop.now(), NOTE))));
        failures.put("customer row", catchThrowable(() -> loop.care().registerCustomer(Customer.of(CUSTOMER,
                Map.of("plan", "refuse " + ATTRIBUTE)))));

        // a key violation, which H2 reports with the key's values, reaching a host that uses the store directly
        FollowUp taken = loop.followUps().followUp(followUp);
        FollowUp reused = new FollowUp(taken.id(), 1, "r5", Fixtures.SURVEY, taken.policyId(), taken.reason(),
                taken.priority(), taken.owner(), CUSTOMER, Map.of("plan", ATTRIBUTE), T0, taken.firstContactDue(),
                null, FollowUpState.OPEN, null, null, null, null, List.of(), taken.history());
        Throwable clash = catchThrowable(() -> opened.store().submit(new Submission(new StoredResponse(
                response("r5", "web", Map.of("plan", ATTRIBUTE)), T0), List.of(reused), List.of(),
                Customer.of(CUSTOMER, Map.of("plan", ATTRIBUTE)), List.of())));

        var leaks = new ArrayList<String>();
        failures.forEach((where, failure) -> {
            assertThat(failure).as(where).isInstanceOf(StoreException.class)
                    .hasMessageContaining("could not").hasMessageContaining(CHECK_VIOLATION);
        });
        assertThat(clash).isInstanceOf(FollowUpConflictException.class).hasMessageContaining(taken.id());
        failures.put("follow-up key", clash);
        failures.forEach((where, failure) -> {
            for (String text : ThrowableTexts.of(failure)) {
                if (personal(text)) {
                    leaks.add(where + ": " + text);
                }
            }
        });
        for (RecordingLogs.Event event : RecordingLogs.events()) {
            if (event.level().toInt() > Level.DEBUG.toInt() && personal(event.everything())) {
                leaks.add("log: " + event.everything());
            }
        }
        System.out.println("DatabaseFailureMessagesTest on " + opened.kind() + ": " + leaks.size()
                + " message(s) with personal data among " + failures.size() + " failures");
        assertThat(leaks).isEmpty();
        assertThat(loop.findResponse("r1")).isEmpty();
        assertThat(loop.findResponse("r3")).isEmpty();
    }

    private static Response response(String id, String channel, Map<String, String> attributes) {
        return new Response(id, Fixtures.SURVEY, 1, Respondent.of(CUSTOMER, attributes), T0, channel,
                Map.of("nps", Answer.rating(2), "why", Answer.text(TEXT)), List.of());
    }

    private static boolean personal(String text) {
        return text.contains("SECRET-3");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
