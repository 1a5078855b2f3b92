package dev.feedbackloop.scoring.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated corpora of malformed CSV and JSON Lines exports — truncated, byte-flipped, ragged, 20 MB cells, invalid
 * UTF-8, NUL bytes, BOMs, deep nesting, huge numbers — read through every cell accessor: each read ends normally or
 * with {@link ExportFormatException}, never another exception, a hang or an out-of-memory. Seeded and reproducible
 * ({@code -Dfeedbackloop.seed=N}).
 */
@ExtendWith(Seeds.class)
final class HostileExportTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final List<String> COLUMNS = List.of("nps", "created", "plan", "comment");

    private static final String CSV = "nps,created,plan,comment\r\n"
            + "9,2024-03-05,pro,\"fine, thanks\"\r\n"
            + "3,2024-03-05T10:15:30Z,free,\"said \"\"no\"\"\nand left\"\r\n"
            + "+7.0,2024-03-05 10:15,,=1+2\r\n"
            + "NA,,basic,\r\n";
    private static final String JSONL = "{\"nps\":9,\"created\":\"2024-03-05\",\"plan\":\"pro\",\"comment\":\"fine\"}\n"
            + "{\"nps\":\"3\",\"created\":\"2024-03-05T10:15:30Z\",\"plan\":null,\"comment\":\"a\\nb\"}\n"
            + "{\"nps\":7.0,\"created\":null,\"plan\":\"free\",\"comment\":true}\n";

    /** Reads an export through every accessor; returns whether it was refused with our exception. */
    static boolean readFully(String label, byte[] bytes, ExportFormat format) {
        return readFully(label, bytes, ExportReader.builder(format).naMarkers(List.of("NA")));
    }

    /** Reads an export as the builder says through every accessor; returns whether it was refused with ours. */
    static boolean readFully(String label, byte[] bytes, ExportReader.Builder builder) {
        try (ExportReader reader = builder.of(new ByteArrayInputStream(bytes), "corpus")) {
            reader.read(COLUMNS, row -> {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    row.text(c);
                    row.value(c);
                    row.isBlank(c);
                    row.integer(c);
                    row.ragged();
                    row.fields();
                    try {
                        row.instant(c, ZoneOffset.UTC);
                    } catch (ExportFormatException e) {
                        assertThat(e.getMessage()).isNotBlank();
                    }
                }
            });
            return false;
        } catch (ExportFormatException e) {
            assertThat(e.getMessage()).as(label).isNotBlank().hasSizeLessThan(10_000);
            assertThat(e.getMessage().chars().noneMatch(c -> Character.isISOControl(c) || c == 0xFEFF))
                    .as(label + ": the message is printable: " + e.getMessage()).isTrue();
            return true;
        } catch (Throwable t) {
            fail(label + ": expected ExportFormatException or success, got " + t, t);
            return false;
        }
    }

    static Stream<Arguments> formats() {
        return Stream.of(Arguments.of(ExportFormat.CSV, CSV), Arguments.of(ExportFormat.JSON_LINES, JSONL));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void truncatedAtEveryByte_readsOrFailsWithOurException(ExportFormat format, String document) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int end = 0; end <= bytes.length; end++) {
                readFully(format + " prefix " + end, Arrays.copyOf(bytes, end), format);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("formats")
    void randomByteFlipsAndSplices_readOrFailWithOurException(ExportFormat format, String document, Seed seed) {
        var random = new Random(seed.value() + format.ordinal());
        byte[] original = document.getBytes(StandardCharsets.UTF_8);
        byte[] junk = "\",\r\n\u0000{}[]:\\\uFEFF\u00e9".getBytes(StandardCharsets.UTF_8);
        int[] refused = {0};
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int round = 0; round < 5_000; round++) {
                byte[] bytes = original.clone();
                for (int f = 0; f <= random.nextInt(4); f++) {
                    bytes[random.nextInt(bytes.length)] = random.nextBoolean() ? (byte) random.nextInt(256)
                            : junk[random.nextInt(junk.length)];
                }
                refused[0] += readFully(format + " round " + round, bytes, format) ? 1 : 0;
            }
        });
        assertThat(refused[0]).isPositive();
    }

    @Test
    void randomBytesBehindEveryKnownStart_readOrFailWithOurException(Seed seed) {
        var random = seed.random();
        byte[][] starts = {{}, {0x1F, (byte) 0x8B, 8, 0}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {'P', 'K', 3, 4}, {'n', 'p', 's', ';', 'a', '\t', 'b', '|', '\n'}};
        byte[] alphabet = ",;|\t\"\r\n{}[]:9aé\u0000".getBytes(StandardCharsets.UTF_8);
        char[] delimiters = {0, ',', ';', '\t', '|'};
        int[] refused = {0};
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int round = 0; round < 4_000; round++) {
                var bytes = new ByteArrayOutputStream();
                bytes.writeBytes(starts[random.nextInt(starts.length)]);
                for (int k = random.nextInt(200); k > 0; k--) {
                    bytes.write(random.nextBoolean() ? random.nextInt(256) : alphabet[random.nextInt(alphabet.length)]);
                }
                byte[] input = random.nextInt(5) == 0 ? ExportInputTest.gzip(bytes.toByteArray()) : bytes.toByteArray();
                if (random.nextInt(3) == 0 && input.length > 0) {
                    input = Arrays.copyOf(input, random.nextInt(input.length));
                }
                ExportFormat format = random.nextBoolean() ? ExportFormat.CSV : ExportFormat.JSON_LINES;
                ExportReader.Builder builder = ExportReader.builder(format).naMarkers(List.of("NA"));
                char delimiter = delimiters[random.nextInt(delimiters.length)];
                if (delimiter != 0) {
                    builder.delimiter(delimiter);
                }
                refused[0] += readFully(seed + " random bytes round " + round, input, builder) ? 1 : 0;
            }
        });
        assertThat(refused[0]).isPositive();
    }

    @Test
    void randomRaggedCsvTables_readOrFailWithOurException(Random random) {
        String alphabet = ",\"\r\n \t\u0000ab9-=";
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int round = 0; round < 2_000; round++) {
                var text = new StringBuilder("nps,created,plan,comment\n");
                for (int k = 0; k < random.nextInt(200); k++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                readFully("ragged round " + round, text.toString().getBytes(StandardCharsets.UTF_8),
                        ExportFormat.CSV);
            }
        });
    }

    static Stream<Arguments> hostile() {
        String twentyMegabytes = "x".repeat(20 * 1024 * 1024);
        var cases = new ArrayList<Arguments>();
        cases.add(Arguments.of("csv 20 MB unquoted cell", ExportFormat.CSV, "nps,created,plan,comment\n9,,"
                + twentyMegabytes + ",\n", true));
        cases.add(Arguments.of("csv 20 MB quoted cell", ExportFormat.CSV, "nps,created,plan,comment\n9,,\""
                + twentyMegabytes + "\",\n", true));
        cases.add(Arguments.of("csv unterminated quote", ExportFormat.CSV, "nps,created,plan,comment\n9,,\"open\n",
                true));
        cases.add(Arguments.of("csv header only", ExportFormat.CSV, "nps,created,plan,comment", false));
        cases.add(Arguments.of("csv empty", ExportFormat.CSV, "", true));
        cases.add(Arguments.of("csv bom only", ExportFormat.CSV, "\uFEFF", true));
        cases.add(Arguments.of("csv missing column", ExportFormat.CSV, "nps,plan\n9,pro\n", true));
        cases.add(Arguments.of("csv huge number", ExportFormat.CSV, "nps,created,plan,comment\n" + "9".repeat(100_000)
                + ",,,\n", false));
        cases.add(Arguments.of("csv NUL bytes", ExportFormat.CSV, "nps,created,plan,comment\n\u00009,\u0000,\u0000,\n",
                false));
        cases.add(Arguments.of("csv ragged rows", ExportFormat.CSV, "nps,created,plan,comment\n9\n1,2,3,4,5,6,7\n,,,\n",
                false));
        cases.add(Arguments.of("csv 100k columns", ExportFormat.CSV, "nps,created,plan,comment\n" + ",".repeat(100_000)
                + "\n", false));
        cases.add(Arguments.of("jsonl 20 MB string", ExportFormat.JSON_LINES, "{\"nps\":9,\"comment\":\""
                + twentyMegabytes + "\"}\n", true));
        cases.add(Arguments.of("jsonl deep nesting", ExportFormat.JSON_LINES, "{\"nps\":" + "[".repeat(100_000)
                + "\n", true));
        cases.add(Arguments.of("jsonl deep objects", ExportFormat.JSON_LINES, "{\"nps\":9,\"plan\":"
                + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + ",\"created\":null,\"comment\":1}\n", true));
        cases.add(Arguments.of("jsonl huge number", ExportFormat.JSON_LINES, "{\"nps\":" + "9".repeat(100_000)
                + ",\"created\":null,\"plan\":null,\"comment\":null}\n", true));
        cases.add(Arguments.of("jsonl not an object", ExportFormat.JSON_LINES, "[1,2]\n", true));
        cases.add(Arguments.of("jsonl two objects on a line", ExportFormat.JSON_LINES,
                "{\"nps\":1,\"created\":null,\"plan\":null,\"comment\":null}{\"nps\":2}\n", false));
        cases.add(Arguments.of("jsonl NUL", ExportFormat.JSON_LINES, "\u0000\n", true));
        cases.add(Arguments.of("jsonl bom", ExportFormat.JSON_LINES,
                "\uFEFF{\"nps\":9,\"created\":null,\"plan\":null,\"comment\":null}\n", false));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileExport_isRefusedWithOurExceptionOrReadSafely(String label, ExportFormat format, String document,
                                                              boolean mustRefuse) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            boolean refused = readFully(label, document.getBytes(StandardCharsets.UTF_8), format);
            if (mustRefuse) {
                assertThat(refused).as(label).isTrue();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("formats")
    void invalidUtf8_readsOrFailsWithOurException(ExportFormat format, String document) {
        var bytes = new ByteArrayOutputStream();
        byte[] original = document.getBytes(StandardCharsets.UTF_8);
        for (byte b : original) {
            bytes.write(b);
            if (b == 'p') {
                bytes.write(0xC0);
                bytes.write(0xAF);
                bytes.write(0xFF);
                bytes.write(0xED);
                bytes.write(0xA0);
                bytes.write(0x80);
            }
        }
        assertTimeoutPreemptively(HANG_GUARD, () -> readFully(format + " invalid UTF-8", bytes.toByteArray(), format));
    }
}
