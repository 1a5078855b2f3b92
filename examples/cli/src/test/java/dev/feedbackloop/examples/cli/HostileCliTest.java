package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.feedbackloop.testing.Seed;
import dev.feedbackloop.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated corpora of hostile command lines and input files for {@code score} and {@code loop}: every run exits 0,
 * or 2 with exactly one line on standard error and no stack trace; never 1 (a bug), another exception or a hang.
 * Seeded and reproducible ({@code -Dfeedbackloop.seed=N}).
 */
@ExtendWith(Seeds.class)
final class HostileCliTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static final String CSV = "nps,csat,created,responded,plan\r\n"
            + "9,5,2024-03-05,2024-03-06,pro\r\n"
            + "3,2,2024-03-05T10:15:30Z,,\"free, trial\"\r\n"
            + "\"6\",1,2024-03-06 10:15,2024-03-07T00:00:00+02:00,pro\r\n";

    @TempDir
    Path dir;

    private static void assertUsable(String label, CliRun run) {
        assertThat(run.code()).as(label + "\nstderr: " + run.err()).isIn(0, 2);
        if (run.code() == 2) {
            assertThat(run.err().strip()).as(label).isNotEmpty().doesNotContain("\n").doesNotContain("\tat ")
                    .doesNotContain("Exception:");
            assertThat(run.out()).as(label).isEmpty();
        }
    }

    private static List<String> scoreArgs(String file) {
        return List.of("score", file, "--nps", "nps", "--csat", "csat", "--by", "plan", "--date", "created",
                "--period", "month", "--output", "json");
    }

    private static List<String> loopArgs(String file) {
        return List.of("loop", file, "--nps", "nps", "--created", "created", "--responded", "responded", "--by",
                "plan", "--output", "json");
    }

    @Test
    void byteFlippedFiles_exitZeroOrTwoWithOneLine(Seed seed) throws IOException {
        var random = seed.random();
        byte[] original = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] junk = "\",\r\n\u0000=-+@\uFEFF\u00e9x9".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("flipped.csv");
        int[] twos = {0};
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int round = 0; round < 400; round++) {
                byte[] bytes = original.clone();
                for (int f = 0; f <= random.nextInt(4); f++) {
                    bytes[random.nextInt(bytes.length)] = random.nextBoolean() ? (byte) random.nextInt(256)
                            : junk[random.nextInt(junk.length)];
                }
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(10) == 0 ? random.nextInt(bytes.length)
                        : bytes.length);
                Files.write(file, bytes);
                List<String> args = new ArrayList<>(round % 2 == 0 ? scoreArgs(file.toString())
                        : loopArgs(file.toString()));
                if (random.nextBoolean()) {
                    args.add("--strict");
                }
                CliRun run = CliRun.run(args.toArray(String[]::new));
                assertUsable("seed " + seed.value() + " round " + round + " " + args, run);
                twos[0] += run.code() == 2 ? 1 : 0;
            }
        });
        assertThat(twos[0]).isPositive();
    }

    @Test
    void hostileStdinAndFiles_exitZeroOrTwoWithOneLine() throws IOException {
        String twentyMegabytes = "x".repeat(20 * 1024 * 1024);
        List<byte[]> inputs = List.of(
                ("nps,csat,created,responded,plan\n9,5,,," + twentyMegabytes + "\n").getBytes(StandardCharsets.UTF_8),
                ("nps,csat,created,responded,plan\n\"9,5,,,\n").getBytes(StandardCharsets.UTF_8),
                new byte[0],
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 'n', 0},
                ("\uFEFFnps,csat,created,responded,plan\n\u00009,5,\u0000,,\n").getBytes(StandardCharsets.UTF_8),
                ("nps,csat,created,responded,plan\n" + "9".repeat(100_000) + ",1,2024-01-01,,\n")
                        .getBytes(StandardCharsets.UTF_8),
                ("nps,csat,created,responded,plan\n9\n1,2,3,4,5,6,7,8\n").getBytes(StandardCharsets.UTF_8),
                ("{\"nps\":" + "[".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8),
                ("{\"nps\":9,\"csat\":1,\"created\":\"" + twentyMegabytes + "\"}\n").getBytes(StandardCharsets.UTF_8),
                new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 'n', 'p', 's'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, 'n', 0, 'p', 0, 's', 0, '\n', 0, (byte) 0xDC, (byte) 0xDC},
                new byte[] {'P', 'K', 3, 4, 0, 0},
                "nps;csat;created\n9;5;caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 0; i < inputs.size(); i++) {
                for (String format : List.of("csv", "jsonl")) {
                    CliRun score = CliRun.runWithStdin(new ByteArrayInputStream(inputs.get(i)), "score", "-",
                            "--format", format, "--nps", "nps", "--csat", "csat", "--date", "created", "--period",
                            "week");
                    assertUsable("score input " + i + " as " + format, score);
                    CliRun loop = CliRun.runWithStdin(new ByteArrayInputStream(inputs.get(i)), "loop", "-",
                            "--format", format, "--nps", "nps", "--created", "created", "--responded", "responded");
                    assertUsable("loop input " + i + " as " + format, loop);
                }
            }
        });
    }

    @Test
    void randomCommandLines_exitZeroOrTwoWithOneLine(Seed seed) {
        Path file = CliRun.write(dir, "ok.csv", CSV);
        var random = seed.random();
        List<String> options = List.of("--nps", "--csat", "--ces", "--csat-scale", "--ces-scale", "--by", "--date",
                "--period", "--zone", "--output", "--strict", "--na", "--format", "--created", "--responded", "--sla",
                "--as-of", "--trigger-at-most", "--unknown", "-", "--help", "--version", "--delimiter", "--list", "--id",
                "--threads");
        List<String> values = List.of("nps", "csat", "created", "responded", "plan", "missing", "", " ", "0", "-1",
                "12", "99999999999999999999", "2.5", "month", "fortnight", "UTC", "Mars/Olympus", "+99:00", "json",
                "table", "xml", "csv", "markdown", "overdue", "unresponded", ";", "tab", "|", "48h", "-48h", "PT0S",
                "P99999999999D", "PT99999999999999999H", "2024-02-30", "2024-03-05T25:00",
                "\u0000", "=1+2", "a".repeat(10_000), file.toString(), dir.resolve("absent.csv").toString(),
                dir.toString());
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int round = 0; round < 600; round++) {
                var args = new ArrayList<String>();
                args.add(random.nextBoolean() ? "score" : "loop");
                args.add(random.nextInt(5) == 0 ? values.get(random.nextInt(values.size())) : file.toString());
                for (int k = 0; k < random.nextInt(8); k++) {
                    args.add(options.get(random.nextInt(options.size())));
                    if (random.nextInt(4) != 0) {
                        args.add(values.get(random.nextInt(values.size())));
                    }
                }
                CliRun run = CliRun.run(args.toArray(String[]::new));
                assertUsable("seed " + seed.value() + " round " + round + " " + abbreviate(args), run);
            }
        });
    }

    private static String abbreviate(List<String> args) {
        return args.stream().map(a -> a.length() > 40 ? a.substring(0, 40) + "..." : a).toList().toString();
    }
}
