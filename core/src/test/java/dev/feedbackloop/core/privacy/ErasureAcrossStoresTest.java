package dev.feedbackloop.core.privacy;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import dev.feedbackloop.survey.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Erasure through the feedback loop on every store: after {@code eraseCustomer}, no trace of the customer id, free
 * text or notes is left anywhere — in what the store returns, in its pending outbox and, for JDBC stores, in any cell
 * of any table.
 */
final class ErasureAcrossStoresTest {

    static final String CUSTOMER = "CUST-SECRET-7";
    static final String TEXT = "TEXT-SECRET-7 my phone is 555";
    static final String NOTE = "NOTE-SECRET-7";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(PrivacyStores.class)
    void eraseCustomer_leavesNoPersonalTraceAnywhere(PrivacyStores kind) throws Exception {
        PrivacyStores.Opened opened = kind.open(directory);
        assumeTrue(opened != null, kind + " is not configured");
        try {
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
                List<String> cells = PrivacyStores.everyCell(opened.dataSource());
                assertThat(cells).anyMatch(c -> c.contains("kept text"));
                assertThat(cells).noneMatch(ErasureAcrossStoresTest::personal);
            }
            assertThat(loop.submit(Fixtures.response("r4", "someone-else", 9, null, T0,
                    Map.of("plan", "pro"))).responseId()).isEqualTo("r4");
        } finally {
            opened.cleanup().run();
        }
    }

    static boolean personal(String text) {
        return text.contains("CUST-SECRET") || text.contains("TEXT-SECRET") || text.contains("NOTE-SECRET");
    }
}
