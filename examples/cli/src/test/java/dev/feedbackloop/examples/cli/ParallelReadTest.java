package dev.feedbackloop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.testing.Seeds;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A file large enough to be read in parts gives the same report on 1 and on several threads. */
@ExtendWith(Seeds.class)
final class ParallelReadTest {

    @TempDir
    static Path dir;

    static Path file;

    /** About 12 MiB, so that --threads 3 reads two or three parts; with hostile cells, invalid ones and ragged rows. */
    @BeforeAll
    static void writeExport(Random random) throws IOException {
        file = dir.resolve("big.csv");
        String[] notes = {"ok", "\"multi\nline, \"\"quoted\"\"\"", "\"a,b\"", "", "\"\r\n\""};
        String[] ratings = {"9", "10", "7", "3", "", "NA", "11", "x", "8.0"};
        String[] plans = {"pro", "free", "\"team\"", "", "é"};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,note,nps,csat,plan,created,responded\n");
            for (int i = 0; i < 200_000; i++) {
                int day = 1 + random.nextInt(28);
                out.write(i + "," + notes[random.nextInt(notes.length)] + "," + ratings[random.nextInt(ratings.length)]
                        + "," + (1 + random.nextInt(5)) + "," + plans[random.nextInt(plans.length)]
                        + ",2024-0" + (1 + random.nextInt(9)) + "-" + (day < 10 ? "0" : "") + day + "T10:00:00Z,"
                        + (random.nextInt(4) == 0 ? "" : "2025-01-01T00:00:00Z"));
                if (random.nextInt(500) == 0) {
                    out.write(",extra");
                }
                out.write(random.nextInt(3) == 0 ? "\r\n" : "\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(8L << 20);
    }

    @Test
    void score_onThreeThreads_printsExactlyWhatOneThreadPrints() {
        String[] args = {"score", file.toString(), "--nps", "nps", "--csat", "csat", "--by", "plan", "--date",
            "created", "--period", "month", "--na", "NA", "--output", "json"};

        CliRun one = CliRun.run(concat(args, "--threads", "1"));
        CliRun three = CliRun.run(concat(args, "--threads", "3"));

        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out()).contains("\"invalid\"").contains("\"line\"");
        assertThat(three.out()).isEqualTo(one.out());
    }

    @Test
    void loop_onThreeThreads_printsExactlyWhatOneThreadPrints() {
        String[] args = {"loop", file.toString(), "--nps", "nps", "--created", "created", "--responded", "responded",
            "--by", "plan", "--period", "quarter", "--na", "NA", "--output", "json"};

        CliRun one = CliRun.run(concat(args, "--threads", "1"));
        CliRun three = CliRun.run(concat(args, "--threads", "3"));

        assertThat(one.code()).as(one.err()).isZero();
        assertThat(three.out()).isEqualTo(one.out());
    }

    @Test
    void loopList_onThreeThreads_listsExactlyWhatOneThreadLists() {
        String[] args = {"loop", file.toString(), "--nps", "nps", "--created", "created", "--responded", "responded",
            "--by", "plan", "--na", "NA", "--list", "unresponded", "--id", "id", "--output", "csv"};

        CliRun one = CliRun.run(concat(args, "--threads", "1"));
        CliRun three = CliRun.run(concat(args, "--threads", "3"));

        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out().lines().count()).isGreaterThan(1000);
        assertThat(three.out()).isEqualTo(one.out());
    }

    @Test
    void score_strictOnThreeThreads_reportsTheFirstInvalidCellInFileOrder() {
        String[] args = {"score", file.toString(), "--nps", "nps", "--strict", "--na", "NA"};

        CliRun one = CliRun.run(concat(args, "--threads", "1"));
        CliRun three = CliRun.run(concat(args, "--threads", "3"));

        assertThat(one.code()).isEqualTo(2);
        assertThat(three.code()).isEqualTo(2);
        assertThat(three.err()).isEqualTo(one.err());
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
