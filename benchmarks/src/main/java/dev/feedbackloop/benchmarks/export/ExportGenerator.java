package dev.feedbackloop.benchmarks.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes seeded, realistic CSV exports for the comparisons: a survey export (customer, plan, region, ISO timestamp,
 * NPS, CSAT and CES with blanks) and a help-desk export (ticket, customer, plan, CSAT, created and first-response
 * timestamps, blank when unanswered).
 *
 * <p>The bytes depend only on the row count and the seed, so a file can be reused between runs. Every cell is valid
 * (blanks aside), so that DuckDB and {@code feedbackloop} count the same rows. About 48 bytes per survey row and 64
 * per help-desk row. Stateless and thread-safe.
 */
public final class ExportGenerator {

    /** The header of the survey export. */
    public static final String SURVEY_HEADER = "customer,plan,region,submitted_at,nps,csat,ces";

    /** The header of the help-desk export. */
    public static final String HELP_DESK_HEADER = "ticket,customer,plan,csat,created_at,first_response_at";

    private static final String[] PLANS = {"free", "starter", "pro", "enterprise"};
    private static final String[] REGIONS = {"EU", "NA", "APAC", "LATAM", "MEA"};
    /** 2024-01-01T00:00:00Z in epoch seconds; timestamps span two years from there. */
    private static final long START = 1_704_067_200L;
    private static final long SPAN = 2L * 365 * 86_400;

    private ExportGenerator() {
    }

    /**
     * Writes the survey export.
     *
     * @param file the target file
     * @param rows the number of data rows
     * @param seed the random seed
     * @throws IOException if writing fails
     */
    public static void survey(Path file, long rows, long seed) throws IOException {
        Objects.requireNonNull(file, "file");
        SplittableRandom random = new SplittableRandom(seed);
        try (Line out = new Line(Files.newOutputStream(file))) {
            out.text(SURVEY_HEADER).newLine();
            for (long i = 0; i < rows; i++) {
                out.text("C").number(random.nextInt(2_000_000)).comma();
                out.text(PLANS[weighted(random)]).comma();
                out.text(REGIONS[random.nextInt(REGIONS.length)]).comma();
                out.timestamp(START + random.nextLong(SPAN)).comma();
                int mood = random.nextInt(100);
                if (random.nextInt(10) != 0) {
                    out.number(mood < 15 ? random.nextInt(7) : mood < 45 ? 7 + random.nextInt(2)
                            : 9 + random.nextInt(2));
                }
                out.comma();
                if (random.nextInt(4) != 0) {
                    out.number(mood < 15 ? 1 + random.nextInt(2) : 3 + random.nextInt(3));
                }
                out.comma();
                if (random.nextInt(3) == 0) {
                    out.number(mood < 15 ? 1 + random.nextInt(4) : 4 + random.nextInt(4));
                }
                out.newLine();
            }
        }
    }

    /**
     * Writes the help-desk export: about one ticket in five is rated 1 or 2, one in ten is still unanswered, and
     * responses come from minutes to five days after creation.
     *
     * @param file the target file
     * @param rows the number of data rows
     * @param seed the random seed
     * @throws IOException if writing fails
     */
    public static void helpDesk(Path file, long rows, long seed) throws IOException {
        Objects.requireNonNull(file, "file");
        SplittableRandom random = new SplittableRandom(seed);
        try (Line out = new Line(Files.newOutputStream(file))) {
            out.text(HELP_DESK_HEADER).newLine();
            for (long i = 0; i < rows; i++) {
                out.text("T").number(i + 1).comma();
                out.text("C").number(random.nextInt(2_000_000)).comma();
                out.text(PLANS[weighted(random)]).comma();
                int mood = random.nextInt(100);
                out.number(mood < 20 ? 1 + random.nextInt(2) : 3 + random.nextInt(3)).comma();
                long created = START + random.nextLong(SPAN);
                out.timestamp(created).comma();
                if (random.nextInt(10) != 0) {
                    out.timestamp(created + 60 + random.nextLong(5L * 86_400));
                }
                out.newLine();
            }
        }
    }

    /** Free and starter accounts outnumber the others, as they do. */
    private static int weighted(SplittableRandom random) {
        int r = random.nextInt(10);
        return r < 4 ? 0 : r < 7 ? 1 : r < 9 ? 2 : 3;
    }

    /** A small ASCII writer that formats numbers and timestamps without allocating. */
    private static final class Line implements AutoCloseable {
        private final OutputStream out;
        private final byte[] digits = new byte[20];

        Line(OutputStream out) {
            this.out = new BufferedOutputStream(out, 1 << 16);
        }

        Line text(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Line comma() throws IOException {
            out.write(',');
            return this;
        }

        Line newLine() throws IOException {
            out.write('\n');
            return this;
        }

        Line number(long value) throws IOException {
            int n = 0;
            long v = value;
            do {
                digits[n++] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v > 0);
            while (n > 0) {
                out.write(digits[--n]);
            }
            return this;
        }

        Line padded(long value, int width) throws IOException {
            for (long limit = 10; width > 1; width--, limit *= 10) {
                if (value < limit) {
                    out.write('0');
                }
            }
            return number(value);
        }

        /** Writes {@code 2024-03-05T10:15:30Z}. */
        Line timestamp(long epochSecond) throws IOException {
            long day = Math.floorDiv(epochSecond, 86_400);
            long second = epochSecond - day * 86_400;
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day);
            padded(date.getYear(), 4).text("-").padded(date.getMonthValue(), 2).text("-")
                    .padded(date.getDayOfMonth(), 2).text("T");
            padded(second / 3600, 2).text(":").padded(second / 60 % 60, 2).text(":").padded(second % 60, 2)
                    .text("Z");
            return this;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
