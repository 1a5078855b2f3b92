package dev.feedbackloop.scoring.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/** The forms an export arrives in: gzip, UTF-16, other compressed formats, bytes that are not text. */
final class ExportInputTest {

    private static final String CSV = "nps,plan\n9,café\n3,\"free, trial\"\n";
    private static final String JSONL = "{\"nps\":9,\"plan\":\"café\"}\n{\"nps\":3,\"plan\":\"free, trial\"}\n";

    @TempDir
    Path dir;

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf16(String text, boolean littleEndian) {
        byte[] body = text.getBytes(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) (littleEndian ? 0xFF : 0xFE);
        bytes[1] = (byte) (littleEndian ? 0xFE : 0xFF);
        System.arraycopy(body, 0, bytes, 2, body.length);
        return bytes;
    }

    /** Reads nps and plan of every record as "line:nps:plan". */
    static List<String> read(byte[] bytes, ExportFormat format) {
        List<String> seen = new ArrayList<>();
        try (ExportReader reader = ExportReader.of(new ByteArrayInputStream(bytes), "in", format, List.of())) {
            reader.read(List.of("nps", "plan"), row -> seen.add(row.line() + ":" + row.text(0) + ":" + row.text(1)));
        }
        return seen;
    }

    static ExportFormatException refusal(byte[] bytes, ExportFormat format) {
        try {
            read(bytes, format);
        } catch (ExportFormatException e) {
            return e;
        }
        throw new AssertionError("expected the input to be refused");
    }

    @Nested
    final class Gzip {

        @Test
        void gzippedCsvAndJsonLines_readAsThePlainFile() {
            assertThat(read(gzip(CSV.getBytes(StandardCharsets.UTF_8)), ExportFormat.CSV))
                    .containsExactly("2:9:café", "3:3:free, trial");
            assertThat(read(gzip(JSONL.getBytes(StandardCharsets.UTF_8)), ExportFormat.JSON_LINES))
                    .containsExactly("1:9:café", "2:3:free, trial");
        }

        @Test
        void gzippedFile_isReadWhateverItsName() throws IOException {
            Path file = Files.write(dir.resolve("export.csv"), gzip(CSV.getBytes(StandardCharsets.UTF_8)));
            List<String> plans = new ArrayList<>();
            try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of())) {
                reader.collect(List.of("plan"), 4, () -> plans, (list, row) -> list.add(row.text(0)),
                        (a, b, lines, rows) -> a);
            }
            assertThat(plans).containsExactly("café", "free, trial");
        }

        @Test
        void truncatedGzip_isRefusedAsCutShort() {
            byte[] whole = gzip(CSV.repeat(100).getBytes(StandardCharsets.UTF_8));

            ExportFormatException e = refusal(Arrays.copyOf(whole, whole.length / 2), ExportFormat.CSV);

            assertThat(e.getMessage()).isEqualTo("in: the gzip data ends early: the file is truncated (an interrupted"
                    + " download or copy?), expected a complete .gz file");
        }

        @Test
        void damagedGzip_isRefusedAsDamaged() {
            byte[] bytes = gzip(CSV.repeat(100).getBytes(StandardCharsets.UTF_8));
            for (int i = 20; i < bytes.length - 8; i += 3) {
                bytes[i] ^= 0x5A;
            }

            assertThat(refusal(bytes, ExportFormat.CSV).getMessage()).startsWith("in: the gzip data ");
        }

        @Test
        void gzipInsideGzip_isRefusedSayingSo() {
            byte[] twice = gzip(gzip(CSV.getBytes(StandardCharsets.UTF_8)));

            assertThat(refusal(twice, ExportFormat.CSV).getMessage()).contains("compressed twice with gzip");
        }
    }

    @Nested
    final class OtherFormats {

        @ParameterizedTest(name = "{0}")
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "ZIP|50 4B 03 04 14 00 00 00|is a ZIP archive (an Excel .xlsx workbook is one too)",
            "empty ZIP|50 4B 05 06 00 00 00 00|is a ZIP archive",
            "Excel .xls|D0 CF 11 E0 A1 B1 1A E1|is an Excel .xls workbook",
            "bzip2|42 5A 68 39 31 41 59 26|is compressed with bzip2",
            "xz|FD 37 7A 58 5A 00 00 04|is compressed with xz",
            "zstd|28 B5 2F FD 24 00 00 00|is compressed with zstd",
            "7-Zip|37 7A BC AF 27 1C 00 04|is a 7-Zip archive",
            "RAR|52 61 72 21 1A 07 00 CF|is a RAR archive",
            "lz4|04 22 4D 18 64 40 A7 00|is compressed with lz4",
            "compress|1F 9D 90 6E 70 73 00 00|is compressed with compress (.Z)",
            "UTF-32 LE|FF FE 00 00 6E 00 00 00|is UTF-32 text",
            "UTF-32 BE|00 00 FE FF 00 00 00 6E|is UTF-32 text"})
        void compressedOrBinaryFormat_isRefusedNamingIt(String label, String magic, String expected) {
            byte[] bytes = TextCheckTest.hex(magic);

            for (ExportFormat format : ExportFormat.values()) {
                ExportFormatException e = refusal(bytes, format);
                assertThat(e.getMessage()).as(label).startsWith("in: " + expected);
                assertThat(e.line()).isZero();
            }
        }
    }

    @Nested
    final class Utf16 {

        @Test
        void utf16WithByteOrderMark_readsAsText_bothByteOrders() {
            String text = CSV + "10,😀 emoji\n";
            List<String> expected = List.of("2:9:café", "3:3:free, trial", "4:10:😀 emoji");

            assertThat(read(utf16(text, true), ExportFormat.CSV)).isEqualTo(expected);
            assertThat(read(utf16(text, false), ExportFormat.CSV)).isEqualTo(expected);
            assertThat(read(utf16(JSONL, true), ExportFormat.JSON_LINES)).containsExactly("1:9:café",
                    "2:3:free, trial");
        }

        @Test
        void unpairedSurrogate_isRefusedNamingItsLine() {
            byte[] bytes = utf16("nps,plan\n9,pro\n3,x\uD800y\n", true);
            // The encoder wrote '?' for the lone surrogate: put the surrogate itself back.
            int at = 2 + 2 * "nps,plan\n9,pro\n3,x".length();
            bytes[at] = 0x00;
            bytes[at + 1] = (byte) 0xD8;

            ExportFormatException e = refusal(bytes, ExportFormat.CSV);

            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("is not valid UTF-16");
        }

        @Test
        void oddNumberOfBytes_isRefused() {
            byte[] whole = utf16(CSV, true);

            assertThat(refusal(Arrays.copyOf(whole, whole.length - 1), ExportFormat.CSV).getMessage())
                    .contains("is not valid UTF-16");
        }
    }

    @Nested
    final class NotUtf8 {

        static final byte[] WINDOWS_1252 = "nps,plan,comment\n9,pro,fine\n3,free,\"caf\u00e9,\nmulti\"\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        @Test
        void windows1252Csv_isRefusedNamingLineColumnValueAndHowToConvert() {
            ExportFormatException e = refusal(WINDOWS_1252, ExportFormat.CSV);

            assertThat(e.getMessage()).isEqualTo("in:3: column \"comment\": value \"\"caf\\xE9\": holds bytes"
                    + " that are not UTF-8 (\\xE9 at byte 12 of the line): the file is in another encoding, probably"
                    + " Windows-1252 or ISO-8859-1; convert it to UTF-8 first, e.g. iconv -f WINDOWS-1252 -t UTF-8"
                    + " in > in.utf8");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("comment");
        }

        @Test
        void badByteOnTheSecondLineOfAQuotedCell_namesThatPhysicalLine() {
            byte[] bytes = "nps,plan\n9,\"first line\nsecond caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1);

            ExportFormatException e = refusal(bytes, ExportFormat.CSV);

            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("byte 11 of the line");
        }

        @Test
        void badByteFarIntoTheFile_isFoundWhateverTheBufferSize() {
            StringBuilder text = new StringBuilder("nps,comment\n");
            for (int i = 0; i < 5_000; i++) {
                text.append(i % 11).append(",ok ").append(i).append('\n');
            }
            text.append("9,na\u00efve\n");
            byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            for (int bufferSize : new int[] {16, 17, 64, 1000, 1 << 16}) {
                CsvSource source = new CsvSource(new ByteArrayInputStream(bytes), "in", NaMarkers.of(List.of()),
                        bufferSize);
                assertThatThrownBy(() -> source.read(List.of("nps"), row -> { }))
                        .isInstanceOf(ExportFormatException.class).hasMessageStartingWith("in:5002: column \"comment\"");
            }
        }

        @Test
        void gzippedFile_getsAHintThatDecompressesFirst() throws IOException {
            Path file = Files.write(dir.resolve("reviews.csv.gz"), gzip(WINDOWS_1252));

            assertThatThrownBy(() -> {
                try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of())) {
                    reader.read(List.of("nps"), row -> { });
                }
            }).hasMessageEndingWith("e.g. gunzip -c " + file + " | iconv -f WINDOWS-1252 -t UTF-8 > "
                    + file.toString().replace(".csv.gz", ".utf8.csv"));
        }

        @Test
        void windows1252JsonLines_isRefusedNamingTheLine() {
            byte[] bytes = "{\"nps\":9}\n{\"nps\":3,\"plan\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);

            ExportFormatException e = refusal(bytes, ExportFormat.JSON_LINES);

            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("value \"{\"nps\":3,\"plan\":\"caf\\xE9\"}\"")
                    .contains("iconv -f WINDOWS-1252 -t UTF-8");
        }

        @Test
        void nulByteInACell_isReadAsTextAndEscapedInMessages() {
            byte[] bytes = "nps,plan\n9,p\u0000ro\n".getBytes(StandardCharsets.UTF_8);
            List<String> messages = new ArrayList<>();
            try (ExportReader reader = ExportReader.of(new ByteArrayInputStream(bytes), "in", ExportFormat.CSV,
                    List.of())) {
                reader.read(List.of("plan"), row -> messages.add(row.error(0, "not a plan").getMessage()));
            }

            assertThat(read(bytes, ExportFormat.CSV)).containsExactly("2:9:p\u0000ro");
            assertThat(messages).containsExactly("in:2: column \"plan\": value \"p\\u0000ro\": not a plan");
        }

        @ParameterizedTest(name = "little-endian {0}")
        @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
        void utf16WithoutByteOrderMark_isRefusedSayingSo(boolean littleEndian) {
            byte[] bytes = CSV.getBytes(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);

            for (ExportFormat format : ExportFormat.values()) {
                ExportFormatException e = refusal(bytes, format);
                assertThat(e.getMessage()).startsWith("in: is UTF-16 text without a byte-order mark");
            }
        }

        @Test
        void badBytesInALaterPartOfAParallelRead_nameTheFileWideLine() throws IOException {
            StringBuilder text = new StringBuilder("nps,comment\n");
            for (int i = 0; i < 20_000; i++) {
                text.append(i % 11).append(",comment number ").append(i).append('\n');
            }
            text.append("9,caf\u00e9\n");
            Path file = Files.write(dir.resolve("big.csv"), text.toString().getBytes(StandardCharsets.ISO_8859_1));

            try (ExportReader reader = ExportReader.open(file, ExportFormat.CSV, List.of())) {
                assertThatThrownBy(() -> reader.collect(List.of("nps"), 4, () -> 0, (a, row) -> { },
                        (a, b, lines, rows) -> a, 1 << 12, 1 << 10))
                        .isInstanceOf(ExportFormatException.class).hasMessageContaining(":20002: column \"comment\"");
            }
        }
    }
}
