package dev.feedbackloop.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded export of feedback as people have them: segments with blanks, spaces, a marker and non-ASCII values;
 * ratings written as {@code 9}, {@code " 9 "}, {@code +9}, {@code 9.0}, off the scale, fractional, text, blank or
 * {@code NA}; timestamps around two new years (2020-W53, and 2024-12-30 in 2025-W01) as local values, UTC,
 * offsets, bare dates, blank; responses after, at and before their feedback, or none.
 */
final class GeneratedExport {

    static final List<String> HEADER = List.of("id", "plan", "region", "nps", "csat", "ces", "submitted_at",
            "created_at", "first_response_at");

    private static final String[] PLANS = {"starter", "pro", "enterprise", "Ünïcode", "", "  ", "NA"};
    private static final String[] REGIONS = {"EU", "US", "eu", ""};
    private static final String[] WEIRD_RATINGS = {"11", "4.5", "abc", "-1", "NA", "", " ", "1e3"};
    private static final DateTimeFormatter LOCAL_SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The cells of each row, in {@link #HEADER} order. */
    final List<String[]> rows;

    private GeneratedExport(List<String[]> rows) {
        this.rows = rows;
    }

    static GeneratedExport generate(long seed, int count) {
        Random random = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant created = instant(random);
            String[] row = new String[HEADER.size()];
            row[0] = "t-" + i;
            row[1] = PLANS[random.nextInt(PLANS.length)];
            row[2] = REGIONS[random.nextInt(REGIONS.length)];
            row[3] = rating(random, 0, 10);
            row[4] = rating(random, 1, 7);
            row[5] = rating(random, 1, 5);
            row[6] = random.nextInt(25) == 0 ? "" : timestamp(random, instant(random));
            row[7] = random.nextInt(60) == 0 ? "" : timestamp(random, created);
            int response = random.nextInt(10);
            row[8] = response < 3 ? (response == 0 ? "NA" : "")
                    : response == 3 ? timestamp(random, created.minusSeconds(60 + random.nextInt(7_200)))
                    : response == 4 ? timestamp(random, created)
                    : timestamp(random, created.plusSeconds(random.nextInt(100 * 3_600)));
            rows.add(row);
        }
        return new GeneratedExport(rows);
    }

    private static String rating(Random random, int min, int max) {
        int r = min + random.nextInt(max - min + 1);
        return switch (random.nextInt(14)) {
            case 0 -> WEIRD_RATINGS[random.nextInt(WEIRD_RATINGS.length)];
            case 1 -> " " + r + " ";
            case 2 -> "+" + r;
            case 3 -> r + ".0";
            default -> Integer.toString(r);
        };
    }

    /** Mostly 2024-12-20 .. 2025-01-12, some around 2020-12-31 (a year with 53 ISO weeks), whole seconds. */
    private static Instant instant(Random random) {
        Instant start = random.nextInt(6) == 0 ? Instant.parse("2020-12-24T00:00:00Z")
                : Instant.parse("2024-12-20T00:00:00Z");
        return start.plusSeconds(random.nextInt(23 * 86_400));
    }

    /** The instant written in one of the forms the command line reads; local forms are read in the zone. */
    private static String timestamp(Random random, Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return switch (random.nextInt(6)) {
            case 0 -> instant.toString();
            case 1 -> instant.atOffset(ZoneOffset.ofHours(2)).toString();
            case 2 -> utc.toLocalDate().toString();
            case 3 -> LOCAL_SPACE.format(utc);
            default -> utc.toString();
        };
    }

    /** Writes the export as CSV (quoting every cell that needs it) and returns the file. */
    Path write(Path file) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                String cell = row[i];
                csv.append(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            csv.append('\n');
        }
        return Files.writeString(file, csv, StandardCharsets.UTF_8);
    }
}
