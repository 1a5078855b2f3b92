package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The files people have: compressed, tab- or semicolon-separated, UTF-16, in another encoding, or not a file. */
final class InputFormsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CSV = "id,nps,plan\n1,9,pro\n2,3,\"free, trial\"\n3,10,pro\n";
    /** What every form of {@link #CSV} scores: 3 answers, 2 promoters, 1 detractor. */
    private static final String NPS_BY_PLAN = "[free, trial=1, pro=2]";

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Scores nps by plan as JSON and returns "plan=n" per group, failing on anything but exit 0. */
    private static String npsByPlan(CliRun run) {
        assertThat(run.code()).as("stderr: %s", run.err()).isZero();
        try {
            JsonNode doc = MAPPER.readTree(run.out());
            StringBuilder groups = new StringBuilder("[");
            doc.get("groups").forEach(g -> groups.append(groups.length() > 1 ? ", " : "")
                    .append(g.at("/segment/plan").asText()).append('=').append(g.at("/nps/n").asLong()));
            return groups.append(']').toString();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + run.out(), e);
        }
    }

    private static CliRun score(Path file, String... more) {
        String[] args = {"score", file.toString(), "--nps", "nps", "--by", "plan", "--output", "json"};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.run(all);
    }

    private static void assertOneLineError(CliRun run, String... fragments) {
        assertThat(run.code()).as("stdout: %s", run.out()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains(fragments);
        assertThat(run.err().chars().filter(c -> c != '\n').noneMatch(c -> Character.isISOControl(c)
                || c == 0xFFFD || c == 0xFEFF)).as("printable: %s", run.err()).isTrue();
    }

    @Test
    void gzippedCsv_formatFromTheNameBeforeGz() {
        Path file = write("export.csv.gz", gzip(utf8(CSV)));

        assertThat(npsByPlan(score(file))).isEqualTo(NPS_BY_PLAN);
    }

    @Test
    void gzippedJsonLines_formatFromTheNameBeforeGz() {
        Path file = write("export.jsonl.gz", gzip(utf8("{\"nps\":9,\"plan\":\"pro\"}\n{\"nps\":3,\"plan\":\"free,"
                + " trial\"}\n{\"nps\":10,\"plan\":\"pro\"}\n")));

        assertThat(npsByPlan(score(file))).isEqualTo(NPS_BY_PLAN);
    }

    @Test
    void gzippedStandardInput_isRecognisedByItsBytes() {
        CliRun run = CliRun.runWithStdin(new ByteArrayInputStream(gzip(utf8(CSV))), "score", "-", "--format", "csv",
                "--nps", "nps", "--by", "plan", "--output", "json");

        assertThat(npsByPlan(run)).isEqualTo(NPS_BY_PLAN);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"export.tsv", "export.TSV", "export.tsv.gz"})
    void tsvName_isReadWithTabs(String name) {
        byte[] tabs = utf8(CSV.replace(",", "\t").replace("\"free\t trial\"", "free, trial"));
        Path file = write(name, name.endsWith(".gz") ? gzip(tabs) : tabs);

        CliRun run = score(file);

        assertThat(npsByPlan(run)).isEqualTo(NPS_BY_PLAN);
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] is detected and named")
    @CsvSource(delimiter = '/', quoteCharacter = '"', value = {";/';'", "|/'|'", "<TAB>/tabs"})
    void otherDelimiterInTheHeader_isDetectedAndNamedOnStandardError(String delimiter, String named) {
        String d = delimiter.replace("<TAB>", "\t");
        Path file = write("export.csv", utf8(CSV.replace(",", d).replace("\"free" + d + " trial\"", "free, trial")));

        CliRun run = score(file);

        assertThat(npsByPlan(run)).isEqualTo(NPS_BY_PLAN);
        assertThat(run.err()).isEqualTo(file + ": the header line is separated by " + named
                + ", so that is the delimiter (--delimiter chooses another)\n");
    }

    @Test
    void commaDelimiter_isNotMentioned() {
        CliRun run = score(write("export.csv", utf8(CSV)));

        assertThat(npsByPlan(run)).isEqualTo(NPS_BY_PLAN);
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "--delimiter {0}")
    @CsvSource(delimiter = '/', value = {";/;", "tab/<TAB>", "|/|"})
    void delimiterOption_overridesDetectionSilently(String option, String delimiter) {
        String d = delimiter.replace("<TAB>", "\t");
        // The header has more commas than the delimiter; only --delimiter reads it right.
        String text = "id" + d + "nps" + d + "plan" + d + "note,with,many,commas\n1" + d + "9" + d + "pro" + d
                + "a,b,c\n";
        Path file = write("export.csv", utf8(text));

        CliRun run = score(file, "--delimiter", option);

        assertThat(npsByPlan(run)).isEqualTo("[pro=1]");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void wrongDelimiterOption_explainsTheOneColumnHeader() {
        Path file = write("export.csv", utf8(CSV.replace(",", ";").replace("\"free; trial\"", "x")));

        assertOneLineError(score(file, "--delimiter", ","), "no such column in the header",
                "the header is read as one column, but it holds ';': is that the delimiter?");
    }

    @Test
    void delimiterOptionWithJsonLines_exits2() {
        Path file = write("export.jsonl", utf8("{\"nps\":9,\"plan\":\"pro\"}\n"));

        assertOneLineError(score(file, "--delimiter", ";"), "--delimiter applies to CSV only");
    }

    @Test
    void unknownDelimiter_exits2() {
        assertOneLineError(score(write("export.csv", utf8(CSV)), "--delimiter", ":"),
                "':' is not a delimiter, expected one of , ; | or tab");
    }

    @ParameterizedTest(name = "little-endian {0}")
    @ValueSource(booleans = {true, false})
    void utf16WithByteOrderMark_isRead(boolean littleEndian) {
        byte[] body = CSV.replace("pro", "pró").getBytes(littleEndian ? StandardCharsets.UTF_16LE
                : StandardCharsets.UTF_16BE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) (littleEndian ? 0xFF : 0xFE);
        bytes[1] = (byte) (littleEndian ? 0xFE : 0xFF);
        System.arraycopy(body, 0, bytes, 2, body.length);

        assertThat(npsByPlan(score(write("export.csv", bytes)))).isEqualTo("[free, trial=1, pró=2]");
    }

    @Test
    void windows1252File_exits2NamingTheLineAndHowToConvert() {
        Path file = write("export.csv", CSV.replace("free, trial", "café").getBytes(StandardCharsets.ISO_8859_1));

        assertOneLineError(score(file), "feedbackloop score: " + file + ":3: column \"plan\": value \"\"caf\\xE9\"\":"
                + " holds bytes that are not UTF-8 (\\xE9 at byte 9 of the line): the file is in another encoding,"
                + " probably Windows-1252 or ISO-8859-1; convert it to UTF-8 first, e.g. iconv -f WINDOWS-1252 -t"
                + " UTF-8 " + file + " > " + dir.resolve("export.utf8.csv"));
    }

    @Test
    void directory_exits2SayingSo() {
        assertOneLineError(score(dir), dir + ": is a directory, expected a CSV or JSON Lines file");
    }

    @Test
    void unreadableFile_exits2SayingSo() throws IOException {
        Path file = write("secret.csv", utf8(CSV));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "the file stays readable (running as root)");

        assertOneLineError(score(file), file + ": cannot be read (permission denied)");
    }

    @Test
    void unreadable_namesTheCauseOfEachFailure() {
        assertThat(InputOptions.unreadable("a.csv", new AccessDeniedException("a.csv")).getMessage())
                .isEqualTo("a.csv: cannot be read (permission denied)");
        assertThat(InputOptions.unreadable("a.csv", new NoSuchFileException("a.csv")).getMessage())
                .isEqualTo("a.csv: no such file");
        assertThat(InputOptions.unreadable("a.csv", new IOException("Input/output error")).getMessage())
                .isEqualTo("a.csv: cannot be read: Input/output error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "export.csv.zip|50 4B 03 04 14 00 00 00|is a ZIP archive (an Excel .xlsx workbook is one too)",
        "export.xlsx|50 4B 03 04 14 00 06 00|is a ZIP archive (an Excel .xlsx workbook is one too)",
        "export.csv.bz2|42 5A 68 39 31 41 59 26|is compressed with bzip2",
        "export.csv.xz|FD 37 7A 58 5A 00 00 04|is compressed with xz",
        "export.csv|28 B5 2F FD 24 00 00 00|is compressed with zstd",
        "export.jsonl|37 7A BC AF 27 1C 00 04|is a 7-Zip archive"})
    void otherCompressedFormat_exits2NamingIt(String name, String magic, String expected) {
        String[] hex = magic.split(" ");
        byte[] bytes = new byte[hex.length + 64];
        for (int i = 0; i < hex.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex[i], 16);
        }
        Path file = write(name, bytes);

        assertOneLineError(score(file), file + ": " + expected + ", expected CSV or JSON Lines text (plain, or"
                + " compressed with gzip only)");
    }

    @Test
    void damagedGzipNamedCsv_exits2WithoutItsBytes() {
        byte[] bytes = gzip(utf8(CSV.repeat(50)));
        Path file = write("export.csv", Arrays.copyOf(bytes, bytes.length / 2));

        assertOneLineError(score(file), file + ": the gzip data ends early");
    }

    @Test
    void imageNamedCsv_exits2WithoutRawBytes() {
        byte[] bytes = new byte[256];
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(png, 0, bytes, 0, png.length);
        for (int i = png.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
        }

        assertOneLineError(score(write("export.csv", bytes)), ":1: value \"\\x89PNG\": holds bytes that are not UTF-8");
    }

    @Test
    void controlCharactersInAHeader_areEscapedInTheMessage() {
        Path file = write("export.csv", utf8("id,\u001B[31mnps\u0007,plan\n1,9,pro\n"));

        assertOneLineError(score(file), "[id, \\u001B[31mnps\\u0007, plan]");
    }

    @Test
    void truncatedJsonLines_exits2NamingLineAndColumn() {
        Path file = write("export.jsonl", utf8("{\"nps\":9,\"plan\":\"pro\"}\n{\"nps\":3,\"plan\":\"fr"));

        assertOneLineError(score(file), file + ":2: the file ends in the middle of a record at column 20 (is it cut"
                + " short?), expected each line to be one complete JSON object");
    }

    @Test
    void unknownColumn_suggestsTheClosest() {
        assertOneLineError(score(write("export.csv", utf8(CSV.replace("nps", "NPS")))),
                "column \"nps\": no such column in the header (did you mean \"NPS\"?)");
    }

    @Test
    void unknownExtension_exits2AskingForFormat() {
        assertOneLineError(score(write("export.txt", utf8(CSV))), "cannot tell the format from the file name");
    }
}
