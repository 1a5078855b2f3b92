package dev.feedbackloop.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.Priority;
import dev.feedbackloop.testing.Seeds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class EventCodecTest {

    private static final Instant AT = Instant.parse("2024-03-04T09:00:00.123Z");

    static List<FeedbackEvent> everyKind() {
        return List.of(
                new FeedbackEvent.ResponseAccepted("r 1&=?", "s", 3, "c/1", AT),
                new FeedbackEvent.ResponseAccepted("r1", "s", 1, null, AT),
                new FeedbackEvent.FollowUpOpened("r1/x", "r1", "x", "ana müller", Priority.URGENT, AT, "c1", AT),
                new FeedbackEvent.FollowUpContacted("r1/x", "ana", "phone", null, AT),
                new FeedbackEvent.FollowUpResolved("r1/x", "ana", "refund", "c1", AT),
                new FeedbackEvent.FollowUpClosed("r1/x", "ana", "no-contact", "c1", AT),
                new FeedbackEvent.FollowUpEscalated("r1/x", DeadlineKind.RESOLUTION, AT, 2, "lead", "c1", AT),
                new FeedbackEvent.CustomerDueForContact("c1", "strategic", null, AT, AT),
                new FeedbackEvent.CustomerDueForContact("c1", "strategic", AT.minusSeconds(5), AT, AT));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void decode_ofEncode_isTheEvent(FeedbackEvent event) {
        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    void encode_writesTheFormThatStoredRowsHave() {
        // rows written by earlier versions hold this text: the encoding may not change, only how fast it is written
        assertThat(EventCodec.encode(new FeedbackEvent.ResponseAccepted("r 1&=?", "s", 3, "c/1", AT)))
                .isEqualTo("ResponseAccepted?responseId=r+1%26%3D%3F&surveyId=s&surveyVersion=3&customerId=c%2F1"
                        + "&at=2024-03-04T09%3A00%3A00.123Z");
        assertThat(EventCodec.encode(new FeedbackEvent.FollowUpOpened("r1/x", "r1", "x", "ana müller",
                Priority.URGENT, AT.plusNanos(456_000), null, AT)))
                .isEqualTo("FollowUpOpened?followUpId=r1%2Fx&responseId=r1&policyId=x&owner=ana+m%C3%BCller"
                        + "&priority=URGENT&firstContactDue=2024-03-04T09%3A00%3A00.123456Z"
                        + "&at=2024-03-04T09%3A00%3A00.123Z");
    }

    @Test
    void everyPermittedSubclass_isCovered() {
        assertThat(everyKind()).extracting(Object::getClass).map(Class::getName).containsAll(
                Arrays.stream(FeedbackEvent.class.getPermittedSubclasses()).map(Class::getName).toList());
    }

    @Test
    void everyKind_carriesIdsAndSmallFactsButNoAnswersOrNotes() {
        var texts = new java.util.TreeSet<String>();
        for (Class<?> kind : FeedbackEvent.class.getPermittedSubclasses()) {
            for (var component : kind.getRecordComponents()) {
                if (component.getType() == String.class) {
                    texts.add(component.getName());
                }
            }
        }

        // a new text component must be added here knowingly: events outlive erasure once delivered
        assertThat(texts).containsExactly("by", "channel", "code", "customerId", "escalatedTo", "followUpId", "owner",
                "policyId", "reason", "responseId", "surveyId", "tier");
    }

    @Test
    void decode_eventsWrittenBeforeClosingHadItsOwnEvent_readAsTheyAreMeantNow() {
        String closed = "FollowUpResolved?followUpId=r1%2Fx&by=ana&resolved=false&code=no-contact&at=" + AT;
        String resolved = "FollowUpResolved?followUpId=r1%2Fx&by=ana&resolved=true&code=refund&at=" + AT;
        String opened = "FollowUpOpened?followUpId=r1%2Fx&responseId=r1&ruleId=x&owner=ana&priority=LOW"
                + "&firstContactDue=" + AT + "&at=" + AT;

        assertThat(EventCodec.decode(closed)).isEqualTo(new FeedbackEvent.FollowUpClosed("r1/x", "ana", "no-contact",
                null, AT));
        assertThat(EventCodec.decode(resolved)).isEqualTo(new FeedbackEvent.FollowUpResolved("r1/x", "ana", "refund",
                null, AT));
        assertThat(EventCodec.decode(opened)).isEqualTo(new FeedbackEvent.FollowUpOpened("r1/x", "r1", "x", "ana",
                Priority.LOW, AT, null, AT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nope?x=1", "ResponseAccepted?responseId=r1", "ResponseAccepted",
        "FollowUpOpened?followUpId=x&priority=HUGE"})
    void decode_garbage_throwsOurException(String text) {
        assertThatThrownBy(() -> EventCodec.decode(text)).isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("expected the form").hasMessageNotContaining("r1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2024-03-04T09:00:00.123Z", "2024-03-04T09:00:00.000123Z",
        "2024-03-04T09:00:00.000000001Z", "2024-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.1Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z",
        "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"})
    void appendInstant_isInstantToStringUrlEncoded(String text) {
        Instant at = Instant.parse(text);

        assertThat(EventCodec.appendInstant(new StringBuilder(), at).toString())
                .isEqualTo(URLEncoder.encode(at.toString(), StandardCharsets.UTF_8));
    }

    @Test
    void appendInstant_randomInstants_isInstantToStringUrlEncoded(Random random) {
        for (int i = 0; i < 50_000; i++) {
            long second = random.nextInt(4) == 0 ? random.nextLong() % 400_000_000_000L
                    : 1_500_000_000L + random.nextInt(1_000_000_000);
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(second, nano);

            assertThat(EventCodec.appendInstant(new StringBuilder("at="), at).toString()).as("%s", at)
                    .isEqualTo("at=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8));
        }
    }
}
