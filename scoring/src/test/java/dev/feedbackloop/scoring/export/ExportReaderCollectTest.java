package dev.feedbackloop.scoring.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(Seeds.class)
final class ExportReaderCollectTest {

    @TempDir
    Path dir;

    /** One record as the accumulator saw it, with file-wide line and row numbers after merging. */
    record Seen(long line, long number, List<String> texts, boolean ragged) {
    }

    /** What one part collects: its rows, numbered from the part's start until merged. */
    static final class Rows {
        final List<Seen> seen = new ArrayList<>();

        Rows merge(Rows later, long linesBefore, long rowsBefore) {
            for (Seen s : later.seen) {
                seen.add(new Seen(s.line() + linesBefore, s.number() + rowsBefore, s.texts(), s.ragged()));
            }
            return this;
        }
    }

    private Path write(String content) throws IOException {
        return Files.write(dir.resolve("export.csv"), content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Seen> sequential(Path file, String... columns) throws IOException {
        try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of("NA"))) {
            List<Seen> seen = new ArrayList<>();
            reader.read(List.of(columns), row -> seen.add(seen(row, columns.length)));
            return seen;
        }
    }

    private static List<Seen> parted(Path file, int parallelism, long minPartBytes, String... columns)
            throws IOException {
        try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of("NA"))) {
            return reader.collect(List.of(columns), parallelism, Rows::new,
                    (rows, row) -> rows.seen.add(seen(row, columns.length)), Rows::merge, minPartBytes, 64).seen;
        }
    }

    private static Seen seen(ExportRow row, int columns) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            texts.add(row.text(i) + "|" + row.isBlank(i) + "|" + row.integer(i));
        }
        return new Seen(row.line(), row.number(), texts, row.ragged());
    }

    /** A CSV with every edge case of cli.md: quoted commas, quotes and line breaks, CRLF, blank lines, ragged rows. */
    private static String hostileCsv(Random random, int rows) {
        StringBuilder csv = new StringBuilder("\uFEFFid,nps,\"note, free text\",plan\n");
        String[] notes = {"fine", "\"multi\nline\"", "\"with \"\"quotes\"\"\"", "\"a,b\"", "\"crlf\r\ninside\"",
            "", "  ", "NA", "\"\n\n\"", "é", "\"x\"y"};
        String[] ratings = {"9", "10", " 7 ", "9.0", "+3", "", "NA", "11", "abc", "4.5"};
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(',').append(ratings[random.nextInt(ratings.length)]).append(',')
                    .append(notes[random.nextInt(notes.length)]);
            if (random.nextInt(20) != 0) {
                csv.append(',').append(random.nextBoolean() ? "pro" : "\"free\"");
            }
            csv.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            if (random.nextInt(30) == 0) {
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    @Nested
    final class SameAsOneSequentialRead {

        @ParameterizedTest
        @ValueSource(ints = {2, 3, 7, 16})
        void collect_hostileCsvInManyParts_seesEveryRecordOnceInFileOrder(int parallelism, Seed seed)
                throws IOException {
            for (int round = 0; round < 20; round++) {
                Random random = new Random(seed.value() + parallelism * 1_000L + round);
                Path file = write(hostileCsv(random, 50 + random.nextInt(400)));
                List<Seen> expected = sequential(file, "nps", "note, free text", "plan");

                List<Seen> actual = parted(file, parallelism, 1, "nps", "note, free text", "plan");

                assertThat(actual).as("seed %d, parallelism %d, round %d", seed.value(), parallelism, round)
                        .isEqualTo(expected);
            }
        }

        @Test
        void collect_splitPointInsideAQuotedCellWithLineBreaks_rereadsFromTheTrueBoundary() throws IOException {
            // One huge quoted cell made of short lines covers the middle, so every guessed split lands inside it.
            String big = "\"" + "x\n".repeat(5_000) + "\"";
            Path file = write("id,note,nps\n1,a,9\n2," + big + ",7\n3,b,0\n");

            List<Seen> actual = parted(file, 4, 1, "id", "nps");

            assertThat(actual).extracting(Seen::line).containsExactly(2L, 3L, 5004L);
            assertThat(actual).extracting(Seen::number).containsExactly(1L, 2L, 3L);
            assertThat(actual.get(1).texts()).containsExactly("2|false|2", "7|false|7");
        }

        @Test
        void collect_parallelismOne_readsOnThisThreadInOnePart() throws IOException {
            Path file = write("nps\n1\n2\n");
            List<String> threads = new ArrayList<>();

            try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of())) {
                reader.collect(List.of("nps"), 1, Rows::new,
                        (rows, row) -> threads.add(Thread.currentThread().getName()), Rows::merge);
            }

            assertThat(threads).containsOnly(Thread.currentThread().getName()).hasSize(2);
        }
    }

    @Nested
    final class Failures {

        @Test
        void collect_badTimestampInALaterPart_reportsItsFileWideLine() throws IOException {
            StringBuilder csv = new StringBuilder("at\n");
            for (int i = 0; i < 1_000; i++) {
                csv.append(i == 900 ? "not a time" : "2024-03-05T10:15:30Z").append('\n');
            }
            Path file = write(csv.toString());
            assertThatThrownBy(() -> {
                try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of())) {
                    reader.collect(List.of("at"), 4, Rows::new,
                            (rows, row) -> row.epochSecond(0, ZoneOffset.UTC), Rows::merge, 1, 64);
                }
            }).isInstanceOfSatisfying(ExportFormatException.class, e -> assertThat(e.line()).isEqualTo(902));
        }

        @Test
        void collect_failuresInSeveralParts_throwsTheFirstInFileOrder() throws IOException {
            StringBuilder csv = new StringBuilder("v\n");
            for (int i = 0; i < 1_000; i++) {
                csv.append(i == 100 || i == 800 ? "bad" : "ok").append('\n');
            }
            Path file = write(csv.toString());

            assertThatThrownBy(() -> {
                try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of())) {
                    reader.collect(List.of("v"), 4, Rows::new, (rows, row) -> {
                        if (row.text(0).equals("bad")) {
                            throw row.error(0, "bad");
                        }
                    }, Rows::merge, 1, 64);
                }
            }).isInstanceOfSatisfying(ExportFormatException.class, e -> assertThat(e.line()).isEqualTo(102));
        }

        @Test
        void collect_parallelismZero_isRejected() throws IOException {
            Path file = write("v\n1\n");
            try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of())) {
                assertThatThrownBy(() -> reader.collect(List.of("v"), 0, Rows::new, (rows, row) -> { }, Rows::merge))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism: 0");
            }
        }
    }

    @Nested
    final class ValueIds {

        @Test
        void valueId_numbersDistinctValuesInOrderOfFirstAppearance_blankIsMinusOne() throws IOException {
            Path file = write("plan\npro\nfree\n\"pro\"\n  \nNA\nfree\nenterprise-plus-long\n");
            List<Integer> ids = new ArrayList<>();

            try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of("NA"))) {
                reader.read(List.of("plan"), row -> ids.add(row.valueId(0)));
            }

            assertThat(ids).containsExactly(0, 1, 0, -1, -1, 1, 2);
        }

        @Test
        void valueId_manyDistinctValues_keepsThemApart() throws IOException {
            StringBuilder csv = new StringBuilder("v\n");
            for (int i = 0; i < 5_000; i++) {
                csv.append("v").append(i % 2_500).append('\n');
            }
            Path file = write(csv.toString());
            List<Integer> ids = new ArrayList<>();

            try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of())) {
                reader.read(List.of("v"), row -> ids.add(row.valueId(0)));
            }

            for (int i = 0; i < 5_000; i++) {
                assertThat(ids.get(i)).isEqualTo(i % 2_500);
            }
        }
    }
}
