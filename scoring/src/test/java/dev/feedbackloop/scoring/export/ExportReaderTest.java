package dev.feedbackloop.scoring.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class ExportReaderTest {

    /** One record as seen through the selected columns: line, texts, and whether the record was ragged. */
    record Seen(long line, List<String> texts, boolean ragged) {
    }

    static List<Seen> csv(String content, int bufferSize, List<String> na, String... columns) {
        CsvSource source = new CsvSource(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                "test.csv", NaMarkers.of(na), bufferSize);
        return collect(source, columns);
    }

    static List<Seen> csv(String content, int bufferSize, char delimiter, String... columns) {
        CsvSource source = new CsvSource(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                "test.csv", NaMarkers.of(List.of()), delimiter, false, bufferSize);
        return collect(source, columns);
    }

    /** The delimiter a reader of this CSV text detects, and the texts of the given columns. */
    static ExportReader csvReader(String content) {
        return ExportReader.builder(ExportFormat.CSV).of(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    static List<Seen> csv(String content, String... columns) {
        return csv(content, 1 << 16, List.of(), columns);
    }

    static List<Seen> jsonl(String content, String... columns) {
        ExportReader reader = ExportReader.of(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                "test.jsonl", ExportFormat.JSON_LINES, List.of("NA"));
        List<Seen> seen = new ArrayList<>();
        reader.read(List.of(columns), row -> seen.add(seen(row, columns.length)));
        return seen;
    }

    private static List<Seen> collect(RowSource source, String... columns) {
        List<Seen> seen = new ArrayList<>();
        source.read(List.of(columns), row -> seen.add(seen(row, columns.length)));
        return seen;
    }

    private static Seen seen(ExportRow row, int columns) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            texts.add(row.text(i));
        }
        return new Seen(row.line(), texts, row.ragged());
    }

    @Nested
    final class Csv {

        @Test
        void read_quotedCommasQuotesAndNewlines_areCellText() {
            List<Seen> rows = csv("id,comment,score\n1,\"a, b\",9\n2,\"say \"\"hi\"\"\",7\n3,\"two\nlines\",5\n",
                    "comment", "score");
            assertThat(rows).extracting(Seen::texts).containsExactly(
                    List.of("a, b", "9"), List.of("say \"hi\"", "7"), List.of("two\nlines", "5"));
        }

        @Test
        void read_quotedNewlines_reportPhysicalLineOfRecordStart() {
            List<Seen> rows = csv("a,b\r\n1,\"x\r\ny\r\nz\"\r\n2,w\r\n\"3\",\"\n\"\n4,v", "a");
            assertThat(rows).extracting(Seen::line).containsExactly(2L, 5L, 6L, 8L);
            assertThat(rows).extracting(s -> s.texts().get(0)).containsExactly("1", "2", "3", "4");
        }

        @Test
        void read_bomAndCrlf_areRemoved() {
            List<Seen> rows = csv("\uFEFFscore,plan\r\n9,pro\r\n", "score", "plan");
            assertThat(rows).extracting(Seen::texts).containsExactly(List.of("9", "pro"));
        }

        @Test
        void read_emptyLines_areSkippedButCounted() {
            List<Seen> rows = csv("a\n\n1\n\r\n2\n\n", "a");
            assertThat(rows).extracting(Seen::line).containsExactly(3L, 5L);
        }

        @Test
        void read_raggedRows_areMarkedAndShortCellsBlank() {
            List<Seen> rows = csv("a,b,c\n1,2\n1,2,3,4\n1,2,3\n", "c");
            assertThat(rows).extracting(Seen::ragged).containsExactly(true, true, false);
            assertThat(rows).extracting(s -> s.texts().get(0)).containsExactly("", "3", "3");
        }

        @Test
        void read_trailingEmptyCellAndNoFinalNewline_areRead() {
            List<Seen> rows = csv("a,b\n1,\n2,x", "a", "b");
            assertThat(rows).extracting(Seen::texts).containsExactly(List.of("1", ""), List.of("2", "x"));
        }

        @Test
        void read_textAfterClosingQuote_isKept() {
            assertThat(csv("a\n\"ab\"c\n", "a")).extracting(Seen::texts).containsExactly(List.of("abc"));
        }

        @Test
        void read_sameColumnTwice_readsItTwice() {
            assertThat(csv("a,b\n1,2\n", "b", "a", "b")).extracting(Seen::texts)
                    .containsExactly(List.of("2", "1", "2"));
        }

        @Test
        void read_unknownColumn_suggestsTheClosestHeaderName() {
            assertThatThrownBy(() -> csv("Overall_Rating,plan\n1,2\n", "overall_rating"))
                    .hasMessage("test.csv:1: column \"overall_rating\": no such column in the header (did you mean"
                            + " \"Overall_Rating\"?), expected one of [Overall_Rating, plan]");
            assertThatThrownBy(() -> csv("overall_rating,plan\n1,2\n", "overal_ratin"))
                    .hasMessageContaining("(did you mean \"overall_rating\"?)");
            assertThatThrownBy(() -> csv("overall_rating,plan\n1,2\n", "score"))
                    .hasMessageNotContaining("did you mean");
        }

        @Test
        void read_unknownColumnOfAOneColumnHeaderHoldingAnotherDelimiter_namesIt() {
            assertThatThrownBy(() -> csv("a;b\n1;2\n", 64, ',', "b"))
                    .hasMessageEndingWith("the header is read as one column, but it holds ';': is that the"
                            + " delimiter?");
        }

        @Test
        void read_unknownColumn_throwsNamingColumnAndHeader() {
            assertThatThrownBy(() -> csv("a,b\n1,2\n", "nps"))
                    .isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("test.csv:1")
                    .hasMessageContaining("\"nps\"")
                    .hasMessageContaining("[a, b]");
        }

        @Test
        void read_columnNamesAreCaseSensitive() {
            assertThatThrownBy(() -> csv("NPS\n1\n", "nps")).isInstanceOf(ExportFormatException.class);
        }

        @Test
        void read_unterminatedQuote_throwsWithRecordLine() {
            assertThatThrownBy(() -> csv("a,b\n1,2\n3,\"open\n\n", "a"))
                    .isInstanceOfSatisfying(ExportFormatException.class, e -> {
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.column()).isEqualTo("b");
                    });
        }

        @Test
        void read_emptyFile_throws() {
            assertThatThrownBy(() -> csv("", "a")).isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("empty");
        }

        @Test
        void integer_naMarkersAndSpaces_areBlank() {
            CsvSource source = new CsvSource(new ByteArrayInputStream("s\nNA\n n/a \n9.0\n\" 7 \"\n".getBytes(
                    StandardCharsets.UTF_8)), "t.csv", NaMarkers.of(List.of("NA", " n/a")), 64);
            List<Integer> ratings = new ArrayList<>();
            source.read(List.of("s"), row -> ratings.add(row.integer(0)));
            assertThat(ratings).containsExactly(ExportRow.BLANK, ExportRow.BLANK, 9, 7);
        }

        @Test
        void value_blankIsNullAndRepeatsAreDecodedOnce() {
            CsvSource source = new CsvSource(new ByteArrayInputStream("p\npro\n \npro\nÉté\n".getBytes(
                    StandardCharsets.UTF_8)), "t.csv", NaMarkers.of(List.of()), 64);
            List<String> values = new ArrayList<>();
            source.read(List.of("p"), row -> values.add(row.value(0)));
            assertThat(values).containsExactly("pro", null, "pro", "Été");
            assertThat(values.get(0)).isSameAs(values.get(2));
        }

        @Test
        void instant_unreadableTimestamp_throwsWithLineColumnAndValue() {
            CsvSource source = new CsvSource(new ByteArrayInputStream("at\n2024-03-05\nsoon\n".getBytes(
                    StandardCharsets.UTF_8)), "t.csv", NaMarkers.of(List.of()), 64);
            List<Instant> seen = new ArrayList<>();
            assertThatThrownBy(() -> source.read(List.of("at"), row -> seen.add(row.instant(0, ZoneOffset.UTC))))
                    .isInstanceOfSatisfying(ExportFormatException.class, e -> {
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.column()).isEqualTo("at");
                        assertThat(e.value()).isEqualTo("soon");
                        assertThat(e.getMessage()).startsWith("t.csv:3: column \"at\": value \"soon\": ");
                    });
            assertThat(seen).containsExactly(Instant.parse("2024-03-05T00:00:00Z"));
        }

        @Test
        void instant_readsLocalValuesInTheZoneAskedFor_evenWhenItChangesFromCellToCell() {
            CsvSource source = new CsvSource(new ByteArrayInputStream("at\n2024-07-05T10:15:30\n".getBytes(
                    StandardCharsets.UTF_8)), "t.csv", NaMarkers.of(List.of()), 64);
            List<Long> seen = new ArrayList<>();
            source.read(List.of("at"), row -> {
                seen.add(row.epochSecond(0, ZoneOffset.UTC));
                seen.add(row.epochSecond(0, ZoneId.of("Europe/Paris")));
                seen.add(row.epochMilli(0, ZoneOffset.UTC) / 1000);
            });
            long utc = Instant.parse("2024-07-05T10:15:30Z").getEpochSecond();
            assertThat(seen).containsExactly(utc, utc - 7200, utc);
        }

        @ParameterizedTest(name = "buffer of {0} bytes")
        @ValueSource(ints = {16, 17, 19, 23, 64, 1 << 16})
        void read_anyBufferSize_givesSameRecords(int bufferSize) {
            String content = "id,comment,score\r\n1,\"a long comment, with \"\"quotes\"\"\r\nand lines\",9\r\n"
                    + "2,,10\r\n3,\"x\",\r\n";
            assertThat(csv(content, bufferSize, List.of(), "comment", "score")).isEqualTo(
                    csv(content, 1 << 16, List.of(), "comment", "score"));
            assertThat(csv(content, bufferSize, List.of(), "comment", "score")).extracting(Seen::line)
                    .containsExactly(2L, 4L, 5L);
        }

        @ParameterizedTest(name = "delimiter {0}")
        @ValueSource(chars = {',', ';', '\t', '|'})
        void read_randomTablesWithHostileCells_roundTrip(char delimiter, Seed seed) {
            Random random = new Random(seed.value() + delimiter);
            String d = String.valueOf(delimiter);
            String[] pieces = {"a", "9", ",", ";", "|", "\t", "\"", "\n", "\r\n", "\r", " ", "é", "😀", "NA", "\"\"",
                "x" + d + "y", "a longer cell of text" + d + " with the delimiter", "abcdefghijklmnopq"};
            for (int table = 0; table < 300; table++) {
                int columns = 1 + random.nextInt(4);
                int rows = random.nextInt(12);
                List<List<String>> cells = new ArrayList<>();
                StringBuilder content = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
                String newline = random.nextBoolean() ? "\r\n" : "\n";
                List<String> header = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    header.add("c" + c);
                }
                content.append(String.join(d, header)).append(newline);
                List<Long> lines = new ArrayList<>();
                long line = 2;
                for (int r = 0; r < rows; r++) {
                    List<String> row = new ArrayList<>();
                    StringBuilder record = new StringBuilder();
                    for (int c = 0; c < columns; c++) {
                        StringBuilder cell = new StringBuilder();
                        int n = random.nextInt(4);
                        for (int k = 0; k < n; k++) {
                            cell.append(pieces[random.nextInt(pieces.length)]);
                        }
                        // A lone record of one empty cell would be an empty line, which the reader skips.
                        if (columns == 1 && cell.length() == 0) {
                            cell.append('z');
                        }
                        row.add(cell.toString());
                        if (c > 0) {
                            record.append(delimiter);
                        }
                        record.append(quote(cell.toString(), delimiter, random));
                    }
                    cells.add(row);
                    lines.add(line);
                    line += physicalLines(record.toString()) + 1;
                    content.append(record).append(newline);
                }
                if (!content.isEmpty() && random.nextBoolean()) {
                    content.setLength(content.length() - newline.length());
                }
                int bufferSize = 16 + random.nextInt(64);
                List<Seen> seen = csv(content.toString(), bufferSize, delimiter, header.toArray(new String[0]));
                assertThat(seen).as("seed %d, table %d:%n%s", seed.value(), table, content)
                        .extracting(Seen::texts).isEqualTo(cells);
                assertThat(seen).as("seed %d, table %d lines", seed.value(), table).extracting(Seen::line)
                        .isEqualTo(lines);
            }
        }

        private static String quote(String cell, char delimiter, Random random) {
            boolean needs = cell.indexOf(delimiter) >= 0 || cell.contains("\"") || cell.contains("\n")
                    || cell.contains("\r") || cell.startsWith("\uFEFF");
            if (needs || random.nextInt(4) == 0) {
                return "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            return cell;
        }

        private static long physicalLines(String record) {
            return record.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
        }
    }

    @Nested
    final class Delimiters {

        @ParameterizedTest(name = "[{0}] is read with [{1}]")
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '/', value = {
            "nps;plan;comment/;", "nps<TAB>plan<TAB>comment/<TAB>", "nps|plan|comment/|", "nps,plan,comment/,",
            "nps;plan,comment/,", "\"n;p;s\",plan,comment/,", "\"a,b\";\"c,d\";comment/;", "nps/,",
            "nps;plan|comment<TAB>x/,", "a|b;c/,", "a|b|c|d;e/|", "a;b;c<TAB>d<TAB>e<TAB>f/<TAB>"})
        void detect_mostFrequentOutsideQuotes_commaOnATie(String header, String expected) {
            try (ExportReader reader = csvReader(header.replace("<TAB>", "\t") + "\n1\n")) {
                assertThat(reader.delimiter()).isEqualTo(expected.replace("<TAB>", "\t").charAt(0));
            }
        }

        @Test
        void read_detectedSemicolon_splitsCellsAndKeepsCommas() {
            try (ExportReader reader = csvReader("nps;plan\n9;\"free; trial\"\n3;\"a, b\"\n")) {
                List<String> plans = new ArrayList<>();
                reader.read(List.of("plan", "nps"), row -> plans.add(row.text(0) + "=" + row.integer(1)));
                assertThat(plans).containsExactly("free; trial=9", "a, b=3");
            }
        }

        @Test
        void read_givenDelimiter_overridesTheHeader() {
            ExportReader reader = ExportReader.builder(ExportFormat.CSV).delimiter(',').of(
                    new ByteArrayInputStream("a;b,c\n1;2,3\n".getBytes(StandardCharsets.UTF_8)), "t.csv");
            assertThat(reader.delimiter()).isEqualTo(',');
            assertThat(reader.header()).containsExactly("a;b", "c");
        }

        @Test
        void builder_otherDelimiter_isRejected() {
            assertThatThrownBy(() -> ExportReader.builder(ExportFormat.CSV).delimiter(':'))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("':'");
        }

        @ParameterizedTest(name = "delimiter {0}")
        @ValueSource(chars = {';', '|', '\t'})
        void read_longCellsWithOtherBytesBelowTheDelimiter_splitExactly(char delimiter) {
            String d = String.valueOf(delimiter);
            String note = "a long note, with commas, spaces + signs; bars | and tabs \t in it".replace(d, "");
            String content = "id" + d + "note" + d + "nps\n"
                    + "1" + d + note + d + "9\n"
                    + "2" + d + "x".repeat(40) + d + "10\n";
            assertThat(csv(content, 64, delimiter, "note", "nps")).extracting(Seen::texts).containsExactly(
                    List.of(note, "9"), List.of("x".repeat(40), "10"));
        }

        @Test
        void jsonLines_hasNoDelimiter() {
            ExportReader reader = ExportReader.of(new ByteArrayInputStream("{}\n".getBytes(StandardCharsets.UTF_8)),
                    "t.jsonl", ExportFormat.JSON_LINES, List.of());
            assertThat(reader.delimiter()).isEqualTo('\0');
        }
    }

    @Nested
    final class JsonLines {

        @Test
        void read_nullsMissingFieldsAndNumbers_readAsText() {
            List<Seen> rows = jsonl("{\"nps\": 9, \"plan\": \"pro\"}\n{\"nps\": null}\n{\"plan\": \"free\","
                    + " \"nps\": 7.0}\n{\"nps\": true, \"x\": {\"deep\": [1, 2]}}\n", "nps", "plan");
            assertThat(rows).extracting(Seen::texts).containsExactly(
                    List.of("9", "pro"), List.of("", ""), List.of("7.0", "free"), List.of("true", ""));
            assertThat(rows).extracting(Seen::line).containsExactly(1L, 2L, 3L, 4L);
        }

        @Test
        void integer_numbersAndNa_readLikeCsv() {
            ExportReader reader = ExportReader.of(new ByteArrayInputStream(
                    "{\"s\": 9.0}\n{\"s\": \"NA\"}\n{\"s\": 4.5}\n{}\n".getBytes(StandardCharsets.UTF_8)),
                    "t.jsonl", ExportFormat.JSON_LINES, List.of("NA"));
            List<Integer> ratings = new ArrayList<>();
            long rows = reader.read(List.of("s"), row -> ratings.add(row.integer(0)));
            assertThat(rows).isEqualTo(4);
            assertThat(ratings).containsExactly(9, ExportRow.BLANK, ExportRow.NOT_AN_INTEGER, ExportRow.BLANK);
        }

        @Test
        void read_fieldInNoObject_throwsUnknownColumn() {
            assertThatThrownBy(() -> jsonl("{\"a\": 1}\n", "nps"))
                    .isInstanceOfSatisfying(ExportFormatException.class,
                            e -> assertThat(e.column()).isEqualTo("nps"));
        }

        @Test
        void read_fieldOnlyEverNull_isKnown() {
            assertThat(jsonl("{\"a\": null}\n", "a")).hasSize(1);
        }

        @Test
        void read_truncatedFile_namesLineAndColumnInOurWords() {
            assertThatThrownBy(() -> jsonl("{\"a\": 1}\n{\"a\": 2, \"plan\": \"fr", "a"))
                    .hasMessage("test.jsonl:2: the file ends in the middle of a record at column 21 (is it cut"
                            + " short?), expected each line to be one complete JSON object");
        }

        @Test
        void read_unexpectedCharacter_namesItAndItsColumn() {
            assertThatThrownBy(() -> jsonl("{\"a\": 1}\n{\"a\": 2 \"b\": 3}\n", "a"))
                    .hasMessage("test.jsonl:2: unexpected character '\"' at column 9, expected one JSON object per"
                            + " line, such as {\"nps\": 9, \"plan\": \"pro\"}");
            assertThatThrownBy(() -> jsonl("{\"a\": nope}\n", "a"))
                    .hasMessageStartingWith("test.jsonl:1: unexpected word 'nope' (text must be in double quotes)");
        }

        @Test
        void read_unknownField_suggestsTheClosestFieldName() {
            assertThatThrownBy(() -> jsonl("{\"NPS\": 1, \"plan\": \"pro\"}\n", "nps"))
                    .hasMessage("test.jsonl: column \"nps\": no such field in any record (did you mean \"NPS\"?),"
                            + " expected at least one object with a field of that name; the fields are [NPS, plan]");
        }

        @Test
        void read_malformedJson_throwsWithLine() {
            assertThatThrownBy(() -> jsonl("{\"a\": 1}\n{\"a\": \n", "a"))
                    .isInstanceOfSatisfying(ExportFormatException.class, e -> assertThat(e.line()).isPositive());
            assertThatThrownBy(() -> jsonl("{\"a\": 1}\n[1, 2]\n", "a"))
                    .isInstanceOfSatisfying(ExportFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
        }
    }

    @Test
    void format_byExtensionAndName() {
        assertThat(ExportFormat.findByFileName("x/Data.CSV")).contains(ExportFormat.CSV);
        assertThat(ExportFormat.findByFileName("a.ndjson")).contains(ExportFormat.JSON_LINES);
        assertThat(ExportFormat.findByFileName("a.json")).isEmpty();
        assertThat(ExportFormat.findByFileName("a.TSV")).contains(ExportFormat.CSV);
        assertThat(ExportFormat.findByFileName("a.csv.gz")).contains(ExportFormat.CSV);
        assertThat(ExportFormat.findByFileName("a.jsonl.GZ")).contains(ExportFormat.JSON_LINES);
        assertThat(ExportFormat.findByFileName("a.gz")).isEmpty();
        assertThat(ExportFormat.isTabSeparatedName("a.tsv.gz")).isTrue();
        assertThat(ExportFormat.isTabSeparatedName("a.csv")).isFalse();
        assertThat(ExportFormat.parse("JSONL")).isEqualTo(ExportFormat.JSON_LINES);
        assertThatThrownBy(() -> ExportFormat.parse("xlsx")).hasMessageContaining("xlsx");
        assertThat(Arrays.stream(ExportFormat.values()).map(f -> ExportFormat.parse(
                f == ExportFormat.CSV ? "csv" : "jsonl"))).containsExactly(ExportFormat.values());
    }
}
